import { BOOKING_STATUS_LABELS, type Booking, type BookingStatus } from '@kefu/shared/booking';
import { Table, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { useLang } from '../../../app/i18n/language';
import { useT } from '../../../app/i18n/use-t';
import { clockText } from '../slots';

const STATUS_COLORS: Record<BookingStatus, string> = { booked: 'blue', cancelled: 'default', attended: 'green', no_show: 'red' };

export function BookingStatusTag({ status }: { status: BookingStatus }) {
  const { lang } = useLang();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="booking-status">
      {BOOKING_STATUS_LABELS[status][lang]}
    </Tag>
  );
}

/** Bookings with their number (read on the phone), time, resource, customer and status; the number opens the booking. */
export function BookingTable({ items, timeZone, loading, emptyText }: { items: Booking[]; timeZone: string; loading: boolean; emptyText: string }) {
  const t = useT();
  return (
    <Table<Booking>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={items}
      pagination={false}
      locale={{ emptyText }}
      columns={[
        { key: 'number', title: t('bookings.col.number'), render: (_, b) => <Link to={`/bookings/${b.id}`}>{b.number}</Link> },
        { key: 'time', title: t('bookings.col.time'), render: (_, b) => `${clockText(b.startsAt, timeZone)} – ${clockText(b.endsAt, timeZone, false)}` },
        { key: 'resource', title: t('bookings.col.resource'), dataIndex: 'resourceName' },
        { key: 'customer', title: t('bookings.col.customer'), render: (_, b) => b.customerName ?? t('bookings.hiddenCustomer') },
        { key: 'status', title: t('bookings.col.status'), render: (_, b) => <BookingStatusTag status={b.status} /> },
      ]}
    />
  );
}
