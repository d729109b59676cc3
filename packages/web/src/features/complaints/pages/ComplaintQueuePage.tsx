import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useT } from '../../../app/i18n/use-t';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LoadMore } from '../../../components/LoadMore';
import { PageHeader } from '../../../components/PageHeader';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useSession } from '../../auth/session';
import { useComplaintList } from '../api';
import { PromiseTable } from '../components/PromiseTable';
import { QueueFilters } from '../components/QueueFilters';
import { QueueTable } from '../components/QueueTable';
import { QUEUE_TABS, useQueueParams, type QueueTab } from '../use-queue-params';

/** 客诉队列: the complaint officer's queue, nearest deadline first; and the officer's promises. */
export function ComplaintQueuePage() {
  const t = useT();
  const { can } = useSession();
  const { tab, params, set, clear } = useQueueParams();
  const [query, setQuery] = useState('');
  const q = useDebouncedValue(query.trim(), 250);
  const list = useComplaintList({ ...params, q: q || undefined });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <PageHeader
        title={t('complaints.queue.title')}
        extra={
          can('complaint:register') ? (
            <Link to="/complaints/new">
              <Button type="primary" icon={<PlusOutlined />} data-testid="complaint-new">
                {t('complaints.register')}
              </Button>
            </Link>
          ) : null
        }
      />
      <Card variant="borderless" styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={tab}
          onChange={(key) => set('tab', key === 'open' ? undefined : key)}
          items={QUEUE_TABS.map((key: QueueTab) => ({ key, label: <span data-testid={`queue-tab-${key}`}>{t(`complaints.tab.${key}`)}</span> }))}
        />
        {tab === 'promises' ? (
          <PromiseTable />
        ) : (
          <>
            <QueueFilters query={query} onQuery={setQuery} params={params} set={set} clear={clear} searching={list.isFetching} showState={tab !== 'closed'} />
            <ErrorAlert error={list.error} onRetry={() => void list.refetch()} retryText={t('common.retry')} />
            <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
              {t(tab === 'closed' || tab === 'all' ? 'complaints.queue.sortedNewest' : 'complaints.queue.sortedTimeLeft', { count: items.length })}
            </Typography.Paragraph>
            <QueueTable
              items={items}
              readAt={list.dataUpdatedAt}
              loading={list.isPending || (list.isPlaceholderData && list.isFetching)}
              emptyText={q ? t('complaints.emptySearch', { q }) : t(`complaints.empty.${tab}`)}
            />
            {items.length ? (
              <LoadMore
                hasMore={!!list.hasNextPage}
                loading={list.isFetchingNextPage}
                onLoad={() => void list.fetchNextPage()}
                moreText={t('common.loadMore')}
                doneText={t('common.noMore')}
              />
            ) : null}
          </>
        )}
      </Card>
    </>
  );
}
