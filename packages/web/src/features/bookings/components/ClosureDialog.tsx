import type { Resource } from '@kefu/shared/booking';
import { closureRequestSchema, type ClosureDetail } from '@kefu/shared/booking-extras';
import { zonedInstant } from '@kefu/shared/calendar/zoned';
import { Alert, Button, DatePicker, Form, Input, Modal, message } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useLang } from '../../../app/i18n/language';
import { useT } from '../../../app/i18n/use-t';
import { api } from '../../../lib/api-client';
import { errorText, isApiError, type FieldError } from '../../../lib/api-error';
import { clearChangedFieldErrors, zodFieldErrors } from '../../../lib/form-errors';
import { useSession } from '../../auth/session';
import { useDepartmentTimeZone, useResourceMutations } from '../api';
import { clockText } from '../slots';

/** The picked wall-clock time read on the department's clock (the schedule's), wherever the browser is. */
const instantOf = (d: Dayjs | null | undefined, timeZone: string) =>
  d ? new Date(zonedInstant(d.format('YYYY-MM-DD'), d.hour() * 60 + d.minute(), timeZone)).toISOString() : '';

interface Values {
  range?: [Dayjs | null, Dayjs | null];
  reason: string;
}

/**
 * A maintenance closure (场地维护): no booking can be taken in it; the schedule shows it with its reason.
 * One fewer than the notice days ahead is refused until a manager (booking:approve) confirms it; the
 * affected bookings then open on their own page to be told, moved or cancelled.
 */
export function ClosureDialog({ resource, onClose }: { resource: Resource; onClose: () => void }) {
  const t = useT();
  const { lang } = useLang();
  const [form] = Form.useForm<Values>();
  const { addClosure } = useResourceMutations();
  const [error, setError] = useState<string | null>(null);
  // the server's reason a closure is too late to announce (closure.late_needs_confirmation)
  const [late, setLate] = useState<string | null>(null);
  // what the late closure would touch (the server's preview), for the manager to weigh before confirming
  const [touched, setTouched] = useState<ClosureDetail['affected'] | null>(null);
  const { can } = useSession();
  const navigate = useNavigate();
  const timeZone = useDepartmentTimeZone() ?? 'Asia/Shanghai';

  // both ends are one picker on the form: their errors are shown beside it
  const show = (errors: FieldError[]) => {
    const range = errors.filter((e) => e.path !== 'reason').map((e) => e.message);
    const reason = errors.filter((e) => e.path === 'reason').map((e) => e.message);
    form.setFields([
      { name: 'range', errors: range },
      { name: 'reason', errors: reason },
    ]);
  };
  const submit = async (confirmLate = false) => {
    const v = form.getFieldsValue();
    const values = { startsAt: instantOf(v.range?.[0], timeZone), endsAt: instantOf(v.range?.[1], timeZone), reason: v.reason ?? '', confirmLate };
    const parsed = closureRequestSchema.safeParse(values);
    if (!parsed.success) return show(zodFieldErrors(parsed.error, lang));
    setError(null);
    try {
      const { closure } = await addClosure.mutateAsync({ id: resource.id, body: parsed.data });
      if (closure.id && closure.affected.length) return navigate(`/bookings/closures/${closure.id}`);
      void message.success(t('closure.dialog.saved'));
      onClose();
    } catch (err) {
      if (isApiError(err) && err.code === 'closure.late_needs_confirmation') {
        setLate(errorText(err));
        setTouched(null);
        api
          .post<ClosureDetail>(`/api/v1/resources/${resource.id}/closures/preview`, parsed.data)
          .then((p) => setTouched(p.affected))
          .catch(() => setTouched(null));
      } else if (isApiError(err) && err.fieldErrors.length) show(err.fieldErrors);
      else setError(errorText(err));
    }
  };
  return (
    <Modal
      open
      title={`${t('resources.addClosure')} · ${resource.name}`}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={addClosure.isPending}
      okButtonProps={{ disabled: Boolean(late), 'data-testid': 'closure-submit' } as never}
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="closure-dialog-error" /> : null}
      {late && can('booking:approve') ? (
        <Alert
          type="warning"
          showIcon
          title={late}
          description={
            <>
              <div style={{ marginBottom: 8 }}>{t('closure.dialog.lateHelp')}</div>
              {touched ? (
                <div style={{ marginBottom: 8 }} data-testid="closure-preview">
                  {t('closure.dialog.touches', { n: touched.length })}
                  {touched.slice(0, 5).map((a) => (
                    <div key={a.bookingId}>
                      · {clockText(a.startsAt, timeZone)} {a.customerName ?? t('bookings.hiddenCustomer')}（{a.number}）
                    </div>
                  ))}
                  {touched.length > 5 ? <div>…</div> : null}
                </div>
              ) : null}
              <Button danger type="primary" loading={addClosure.isPending} onClick={() => void submit(true)} data-testid="closure-confirm-late">
                {t('closure.dialog.late')}
              </Button>
            </>
          }
          style={{ marginBottom: 12 }}
          data-testid="closure-late"
        />
      ) : late ? (
        <Alert type="error" showIcon title={late} description={t('closure.dialog.askManager')} style={{ marginBottom: 12 }} data-testid="closure-late" />
      ) : null}
      <Form
        form={form}
        layout="vertical"
        onValuesChange={(changed) => {
          clearChangedFieldErrors(form, changed);
          setLate(null);
        }}
      >
        <Form.Item name="range" label={`${t('resources.closure.start')} – ${t('resources.closure.end')}`} required>
          <DatePicker.RangePicker showTime={{ format: 'HH:mm', minuteStep: 15 }} format="YYYY-MM-DD HH:mm" />
        </Form.Item>
        <Form.Item name="reason" label={t('resources.closure.reason')} required>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
