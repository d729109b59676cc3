import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../../../app/i18n/use-t';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LoadMore } from '../../../components/LoadMore';
import { useSession } from '../../auth/session';
import { useComplaintList } from '../api';
import { QueueTable } from './QueueTable';

/** 登记客诉 from a customer's page: the form opens with this customer linked and their name filled in. */
export function RegisterComplaintButton({ customerId }: { customerId: string }) {
  const t = useT();
  const { can } = useSession();
  if (!can('complaint:register')) return null;
  return (
    <Link to={`/complaints/new?customerId=${customerId}`}>
      <Button icon={<PlusOutlined />} data-testid="customer-register-complaint">
        {t('complaints.register')}
      </Button>
    </Link>
  );
}

/** The customer's complaint cases, latest first, each linking to its case page. */
export function CustomerComplaints({ customerId }: { customerId: string }) {
  const t = useT();
  const list = useComplaintList({ customerId, view: 'all', sort: 'newest' });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div data-testid="customer-complaints">
      <ErrorAlert error={list.error} onRetry={() => void list.refetch()} retryText={t('common.retry')} />
      <QueueTable items={items} readAt={list.dataUpdatedAt} loading={list.isPending} emptyText={t('complaints.customer.none')} compact />
      {items.length ? (
        <LoadMore
          hasMore={!!list.hasNextPage}
          loading={list.isFetchingNextPage}
          onLoad={() => void list.fetchNextPage()}
          moreText={t('common.loadMore')}
          doneText={t('common.noMore')}
        />
      ) : null}
    </div>
  );
}
