import { Card, Empty, Tabs } from 'antd';
import { useState } from 'react';
import { useT } from '../../../app/i18n/use-t';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LoadMore } from '../../../components/LoadMore';
import { PageHeader } from '../../../components/PageHeader';
import { useTransferInbox } from '../api';
import { TransferItem } from '../components/TransferItem';

/** 部门待办: cases transferred to my department (seed 001 "转交相关部门…跟进和督促"), open ones first, answered in place. */
export function TransferInboxPage() {
  const t = useT();
  const [tab, setTab] = useState<'open' | 'all'>('open');
  const list = useTransferInbox(tab === 'open');
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  // open first, the most overdue at the top; then the answered ones, latest first
  const sorted = [...items].sort(
    (a, b) =>
      Number(!!a.answeredAt) - Number(!!b.answeredAt) || (a.answeredAt ? (b.answeredAt ?? '').localeCompare(a.answeredAt) : a.dueAt.localeCompare(b.dueAt)),
  );
  return (
    <>
      <PageHeader title={t('complaintInbox.title')} />
      <Card variant="borderless" styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={tab}
          onChange={(k) => setTab(k as 'open' | 'all')}
          items={[
            { key: 'open', label: <span data-testid="inbox-tab-open">{t('complaintInbox.tab.open')}</span> },
            { key: 'all', label: <span data-testid="inbox-tab-all">{t('complaintInbox.tab.all')}</span> },
          ]}
        />
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} retryText={t('common.retry')} />
        {list.isPending ? null : sorted.length === 0 ? (
          <Empty description={t(tab === 'open' ? 'complaintInbox.emptyOpen' : 'complaintInbox.empty')} />
        ) : (
          sorted.map((tr) => <TransferItem key={tr.id} transfer={tr} />)
        )}
        {sorted.length ? (
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
