import { BOOKING_CHANNEL_LABELS, BOOKING_CHANNELS, bookingCreateSchema, type Booking, type Resource, type SuggestedSlot } from '@kefu/shared/booking';
import { Alert, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { useLang } from '../../../app/i18n/language';
import { useT } from '../../../app/i18n/use-t';
import { clearChangedFieldErrors } from '../../../lib/form-errors';
import { parseForForm, showServerErrors } from '../../../lib/schema-form';
import { CustomerSearchSelect, type PickedCustomer } from '../../complaints/components/CustomerSearchSelect';
import { suggestionsOf, useCreateBooking, type NewBooking } from '../api';
import { useIdempotencyKey } from '../idempotency';
import { clockText } from '../slots';
import { SuggestedSlots } from './SuggestedSlots';
import { JoinWaitlist, RefusalFlag } from './RefusalFlag';
import { BookingCardSelect } from '../../cards/components/BookingCardSelect';

// the time is picked on the schedule, not typed: its errors are shown above the form
const FIELDS = ['customerId', 'resourceId', 'places', 'channel', 'notes', 'cardId'] as const;
// the lessons card is the cards area's field (BookingCardSelect); none: not charged
type Values = Omit<NewBooking, 'startsAt' | 'endsAt'> & { cardId?: string | null };

interface Props {
  resource: Resource;
  resources: Resource[];
  slot: { startsAt: string; endsAt: string };
  customer: PickedCustomer | null;
  timeZone: string;
  onClose: () => void;
  onBooked: (b: Booking) => void;
}

/** 接受预约: customer, resource, time, places, channel, notes; a full time answers with quieter ones to pick. */
export function BookingFormDialog({ resource, resources, slot, customer, timeZone, onClose, onBooked }: Props) {
  const t = useT();
  const { lang } = useLang();
  const [form] = Form.useForm<Values>();
  const [time, setTime] = useState(slot);
  const [suggestions, setSuggestions] = useState<SuggestedSlot[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const create = useCreateBooking();
  const keyFor = useIdempotencyKey();
  const customerId = Form.useWatch('customerId', form);

  const submit = async () => {
    const values = { ...form.getFieldsValue(), ...time };
    const body = parseForForm(form, bookingCreateSchema, values, lang, FIELDS);
    if (!body) return;
    setError(null);
    setSuggestions(null);
    try {
      onBooked(await create.mutateAsync({ body, idempotencyKey: keyFor(body) }));
    } catch (err) {
      const offered = suggestionsOf(err);
      if (offered) setSuggestions(offered);
      setError(showServerErrors(form, err, FIELDS));
    }
  };
  const pick = (s: SuggestedSlot) => {
    setTime({ startsAt: s.startsAt, endsAt: s.endsAt });
    setSuggestions(null);
    setError(null);
  };

  return (
    <Modal
      open
      title={t('bookings.new')}
      okText={t('bookings.form.submit')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      okButtonProps={{ 'data-testid': 'booking-submit' }}
      destroyOnHidden
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="booking-error" /> : null}
      <RefusalFlag key={`${customerId}-${error ?? ''}`} customerId={customerId} />
      {suggestions && customerId ? (
        <JoinWaitlist
          body={{
            customerId,
            resourceId: form.getFieldValue('resourceId'),
            ...time,
            places: form.getFieldValue('places') ?? 1,
            channel: form.getFieldValue('channel') ?? 'phone',
            // the lessons card picked below goes with the entry: the offered place holds its lesson on it
            cardId: form.getFieldValue('cardId') ?? null,
          }}
        />
      ) : null}
      {suggestions ? <SuggestedSlots slots={suggestions} timeZone={timeZone} onPick={pick} /> : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ customerId: customer?.id, resourceId: resource.id, places: 1, channel: 'phone', notes: '' }}
        onValuesChange={(changed) => clearChangedFieldErrors(form, changed)}
      >
        <Form.Item name="customerId" label={t('bookings.form.customer')} required>
          <CustomerSearchSelect initial={customer} placeholder={t('bookings.form.customerPlaceholder')} />
        </Form.Item>
        <Form.Item name="resourceId" label={t('bookings.resource')} required>
          <Select options={resources.map((r) => ({ value: r.id, label: r.name }))} data-testid="field-resource" />
        </Form.Item>
        <Form.Item label={t('bookings.form.time')}>
          <Typography.Text strong data-testid="booking-time">
            {clockText(time.startsAt, timeZone)} – {clockText(time.endsAt, timeZone, false)}
          </Typography.Text>
        </Form.Item>
        <Form.Item name="places" label={t('bookings.form.places')} hidden={resource.capacity === 1}>
          <InputNumber min={1} max={resource.capacity} />
        </Form.Item>
        <Form.Item name="channel" label={t('bookings.form.channel')} required>
          <Select options={BOOKING_CHANNELS.map((c) => ({ value: c, label: BOOKING_CHANNEL_LABELS[c][lang] }))} data-testid="field-channel" />
        </Form.Item>
        {/* the customer's lessons card: the lesson is held now, taken off when attended or missed (cards area) */}
        <Form.Item name="cardId" label={t('cards.booking.label')}>
          <BookingCardSelect customerId={customerId} />
        </Form.Item>
        <Form.Item name="notes" label={t('bookings.form.notes')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
