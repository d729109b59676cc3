import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../../../app/i18n/use-t';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useSession } from '../../auth/session';
import { useCustomerBookings, useDepartmentTimeZone } from '../api';
import { BookingTable } from './BookingTable';
import { RefusalFlag } from './RefusalFlag';

/** The customer's bookings (预约), latest first, and a way to book for them from the schedule. */
export function CustomerBookings({ customerId }: { customerId: string }) {
  const t = useT();
  const { can } = useSession();
  const list = useCustomerBookings(customerId);
  const timeZone = useDepartmentTimeZone();
  return (
    <div data-testid="customer-bookings">
      <RefusalFlag customerId={customerId} />
      {can('booking:take') ? (
        <Link to={`/bookings?customerId=${customerId}`}>
          <Button icon={<PlusOutlined />} style={{ marginBottom: 12 }} data-testid="customer-book">
            {t('bookings.customer.book')}
          </Button>
        </Link>
      ) : null}
      <ErrorAlert error={list.error} onRetry={() => void list.refetch()} retryText={t('common.retry')} />
      {timeZone ? <BookingTable items={list.data?.items ?? []} timeZone={timeZone} loading={list.isPending} emptyText={t('bookings.customer.none')} /> : null}
    </div>
  );
}
