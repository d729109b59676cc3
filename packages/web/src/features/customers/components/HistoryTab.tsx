import { fieldLabel } from '@kefu/shared/timeline';
import { Table, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useT } from '../../../app/i18n/use-t';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LoadMore } from '../../../components/LoadMore';
import { useHistory, type HistoryEntry } from '../api';
import { historyValue } from '../history-values';
import { useCustomerLabels } from '../labels';

/** 修改记录: who changed which field when, old → new (SPEC §1: every change is recorded field by field). */
export function HistoryTab({ customerId }: { customerId: string }) {
  const t = useT();
  const labels = useCustomerLabels();
  const history = useHistory(customerId);
  const words = { yes: t('common.yes'), no: t('common.no'), empty: t('customer.empty') };
  const columns: TableColumnsType<HistoryEntry> = [
    { title: t('customer.history.when'), dataIndex: 'at', width: 170, render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm:ss') },
    { title: t('customer.history.who'), dataIndex: 'actorName', width: 140, render: (name: string | null) => name ?? t('customer.history.system') },
    { title: t('customer.history.field'), dataIndex: 'field', width: 140, render: (field: string) => fieldLabel(field, labels.lang) },
    {
      title: t('customer.history.change'),
      key: 'change',
      render: (_, h) => (
        <span>
          <Typography.Text delete type="secondary">
            {historyValue(h.field, h.oldValue, labels, words)}
          </Typography.Text>
          <span style={{ margin: '0 8px', color: '#8c8c8c' }}>→</span>
          <Typography.Text>{historyValue(h.field, h.newValue, labels, words)}</Typography.Text>
        </span>
      ),
    },
  ];
  if (history.isError) return <ErrorAlert error={history.error} onRetry={() => void history.refetch()} retryText={t('common.retry')} />;
  const rows = history.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div data-testid="history">
      <Table<HistoryEntry>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={rows}
        loading={history.isPending}
        pagination={false}
        locale={{ emptyText: t('common.empty') }}
      />
      {rows.length ? (
        <LoadMore
          hasMore={!!history.hasNextPage}
          loading={history.isFetchingNextPage}
          onLoad={() => void history.fetchNextPage()}
          moreText={t('common.loadMore')}
          doneText={t('common.noMore')}
        />
      ) : null}
    </div>
  );
}
