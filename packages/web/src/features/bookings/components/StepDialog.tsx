import { BOOKING_CHANNEL_LABELS, BOOKING_CHANNELS, type Booking } from '@kefu/shared/booking';
import { Alert, Form, Input, Modal, Radio, Select } from 'antd';
import { useState } from 'react';
import { useLang } from '../../../app/i18n/language';
import { useT } from '../../../app/i18n/use-t';
import { isApiError, errorText } from '../../../lib/api-error';
import { useBookingStep, type BookingStep } from '../api';
import { MoveFields } from './MoveFields';

export type StepKind = 'cancel' | 'move' | 'exception';
interface Values {
  via: Booking['channel'];
  reason: string;
  moveDate?: string;
  moveStart?: string;
  exceptionReason: 'illness' | 'other';
  proofNote: string;
  attachmentRef: string;
}

/**
 * Cancel, move, or request an exception. Inside the frozen window the server refuses a cancel or move with
 * its message (seed 004): it is shown as it came, and the exception request is offered in its place.
 */
export function StepDialog(props: { booking: Booking; kind: StepKind; timeZone: string; onClose: () => void; onException: () => void }) {
  const { booking, kind, timeZone, onClose, onException } = props;
  const t = useT();
  const { lang } = useLang();
  const [form] = Form.useForm<Values>();
  const step = useBookingStep(booking.id);
  const [error, setError] = useState<{ text: string; frozen: boolean } | null>(null);
  const length = Date.parse(booking.endsAt) - Date.parse(booking.startsAt);

  const toStep = (v: Values): BookingStep | null => {
    if (kind === 'cancel') return { kind: 'cancel', body: { via: v.via, reason: v.reason ?? '', version: booking.version } };
    if (kind === 'exception')
      return { kind: 'exception', body: { reason: v.exceptionReason, proofNote: v.proofNote ?? '', attachmentRef: v.attachmentRef?.trim() || null } };
    if (!v.moveStart) {
      form.setFields([{ name: 'moveStart', errors: [t('bookings.move.pickSlot')] }]);
      return null;
    }
    const startsAt = new Date(v.moveStart);
    return {
      kind: 'move',
      body: { startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + length).toISOString(), via: v.via, version: booking.version },
    };
  };
  const submit = async () => {
    const s = toStep(form.getFieldsValue());
    if (!s) return;
    setError(null);
    try {
      await step.mutateAsync(s);
      onClose();
    } catch (err) {
      if (isApiError(err) && err.fieldErrors.length) {
        form.setFields(
          err.fieldErrors.map((e) => ({ name: e.path === 'reason' && kind === 'exception' ? 'exceptionReason' : e.path, errors: [e.message] })) as never,
        );
      }
      setError({ text: errorText(err), frozen: isApiError(err) && err.code === 'booking.frozen' });
    }
  };
  const title = kind === 'cancel' ? t('booking.cancel') : kind === 'move' ? t('booking.move') : t('booking.requestException');
  return (
    <Modal open title={title} onOk={() => void submit()} onCancel={onClose} confirmLoading={step.isPending} okButtonProps={{ 'data-testid': 'step-submit' }}>
      {error ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={<span data-testid="step-error">{error.text}</span>}
          action={
            error.frozen ? (
              <a onClick={onException} data-testid="offer-exception">
                {t('booking.requestException')}
              </a>
            ) : undefined
          }
        />
      ) : null}
      <Form form={form} layout="vertical" initialValues={{ via: booking.channel, reason: '', exceptionReason: 'illness' }}>
        {kind === 'exception' ? (
          <>
            <Form.Item name="exceptionReason" label={t('booking.exception.reason')}>
              <Radio.Group
                options={[
                  { value: 'illness', label: t('booking.exception.illness') },
                  { value: 'other', label: t('booking.exception.other') },
                ]}
              />
            </Form.Item>
            <Form.Item name="proofNote" label={t('booking.exception.proof')} required>
              <Input.TextArea rows={3} maxLength={1000} placeholder={t('booking.exception.proofPlaceholder')} data-testid="field-proof" />
            </Form.Item>
            <Form.Item name="attachmentRef" label={t('booking.exception.attachment')}>
              <Input maxLength={300} />
            </Form.Item>
          </>
        ) : (
          <>
            <Form.Item name="via" label={t('booking.via')} extra={t('booking.via.help')}>
              <Select options={BOOKING_CHANNELS.map((c) => ({ value: c, label: BOOKING_CHANNEL_LABELS[c][lang] }))} data-testid="field-via" />
            </Form.Item>
            {kind === 'move' ? (
              <MoveFields booking={booking} timeZone={timeZone} />
            ) : (
              <Form.Item name="reason" label={t('booking.reason')}>
                <Input maxLength={200} data-testid="field-cancel-reason" />
              </Form.Item>
            )}
          </>
        )}
      </Form>
    </Modal>
  );
}
