import { Card, Empty, Typography } from 'antd';
import { useT } from '../../../app/i18n/use-t';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LoadMore } from '../../../components/LoadMore';
import { PageHeader } from '../../../components/PageHeader';
import { useComplaintList } from '../api';
import { ApprovalCard } from '../components/ApprovalCard';

/** 待审批: proposals whose compensation is above the manager's threshold, approved or rejected in place. */
export function ApprovalsPage() {
  const t = useT();
  const list = useComplaintList({ view: 'approvals', sort: 'time_left' });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <PageHeader title={t('complaintApprovals.title')}>
        <Typography.Text type="secondary">{t('complaintApprovals.help')}</Typography.Text>
      </PageHeader>
      <Card variant="borderless">
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} retryText={t('common.retry')} />
        {list.isPending ? null : items.length === 0 ? (
          <Empty description={t('complaintApprovals.empty')} />
        ) : (
          items.map((item) => <ApprovalCard key={item.id} item={item} />)
        )}
        {items.length ? (
          <LoadMore
            hasMore={!!list.hasNextPage}
            loading={list.isFetchingNextPage}
            onLoad={() => void list.fetchNextPage()}
            moreText={t('common.loadMore')}
            doneText={t('common.noMore')}
          />
        ) : null}
      </Card>
    </>
  );
}
