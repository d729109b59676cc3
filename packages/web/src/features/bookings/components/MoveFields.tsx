import type { Booking } from '@kefu/shared/booking';
import { zonedDate } from '@kefu/shared/calendar/zoned';
import { DatePicker, Form, Select } from 'antd';
import dayjs from 'dayjs';
import { useT } from '../../../app/i18n/use-t';
import { useDayBookings, useResources } from '../api';
import { daySlots } from '../slots';

/**
 * The new time of a move: a day, then one of the resource's slots that day with room for the party, on the
 * department's clock (not the browser's): the same slots the schedule shows.
 */
export function MoveFields({ booking, timeZone }: { booking: Booking; timeZone: string }) {
  const t = useT();
  const form = Form.useFormInstance();
  const date = (Form.useWatch('moveDate', form) as string | undefined) ?? zonedDate(new Date(booking.startsAt), timeZone);
  const resource = useResources().data?.items.find((r) => r.id === booking.resourceId);
  const day = useDayBookings(booking.resourceId, date);
  const others = (day.data?.items ?? []).filter((b) => b.id !== booking.id);
  const slots = resource ? daySlots(resource, date, timeZone, others, new Date()) : [];
  const options = slots
    .filter((s) => !s.past && !s.closedReason && s.free >= booking.places && s.startsAt !== booking.startsAt)
    .map((s) => ({ value: s.startsAt, label: t('bookings.slot.option', { time: s.label, free: s.free }) }));
  return (
    <>
      <Form.Item
        name="moveDate"
        label={t('bookings.date')}
        getValueProps={(v: string | undefined) => ({ value: v ? dayjs(v) : dayjs(date) })}
        normalize={(d: dayjs.Dayjs | null) => d?.format('YYYY-MM-DD')}
      >
        <DatePicker allowClear={false} onChange={() => form.setFieldValue('moveStart', undefined)} data-testid="field-move-date" />
      </Form.Item>
      <Form.Item name="moveStart" label={t('booking.move.start')} required>
        <Select virtual={false} options={options} loading={day.isPending} notFoundContent={t('bookings.move.noSlot')} data-testid="field-move-start" />
      </Form.Item>
    </>
  );
}
