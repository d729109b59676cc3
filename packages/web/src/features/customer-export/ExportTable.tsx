import type { CustomerExport } from '@kefu/shared/customer-export';
import { Button, Input, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { TextKey } from '../../app/i18n/catalog';
import { useT } from '../../app/i18n/use-t';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadMore } from '../../components/LoadMore';
import { useDecideExport, useDownloadExport, useExports, type ExportScope } from './api';

const STATUS_COLORS = { pending: 'gold', approved: 'green', rejected: 'red', downloaded: 'blue' } as const;

/** Requests with their status; the buttons each row's abilities allow (download, approve, reject). */
export function ExportTable({ scope }: { scope: ExportScope }) {
  const t = useT();
  const list = useExports(scope);
  const decide = useDecideExport();
  const download = useDownloadExport();
  const [note, setNote] = useState('');
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <ErrorAlert error={list.error ?? decide.error ?? download.error} />
      <Table<CustomerExport>
        rowKey="id"
        size="middle"
        pagination={false}
        loading={list.isPending}
        dataSource={rows}
        data-testid={`exports-${scope}`}
        columns={[
          { title: t('export.requestedAt'), dataIndex: 'requestedAt', width: 160, render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm') },
          { title: t('export.requester'), dataIndex: 'requestedByName', width: 110 },
          { title: t('export.reasonLabel'), dataIndex: 'reason' },
          {
            title: t('export.status'),
            dataIndex: 'status',
            width: 90,
            render: (s: CustomerExport['status']) => <Tag color={STATUS_COLORS[s]}>{t(`export.status.${s}` as TextKey)}</Tag>,
          },
          {
            title: t('export.decider'),
            key: 'decider',
            width: 160,
            render: (_, r) =>
              r.decidedByName ? (
                <span>
                  {r.decidedByName}
                  {r.decisionNote ? <Typography.Text type="secondary">：{r.decisionNote}</Typography.Text> : null}
                </span>
              ) : (
                '—'
              ),
          },
          { title: t('export.rows'), dataIndex: 'rowCount', width: 80, render: (n: number | null) => n ?? '—' },
          {
            key: 'actions',
            width: 200,
            render: (_, r) => (
              <Space>
                {r.abilities.download && (
                  <Button
                    size="small"
                    type="primary"
                    loading={download.isPending && download.variables === r.id}
                    onClick={() => download.mutate(r.id)}
                    data-testid="export-download"
                  >
                    {t('export.download')}
                  </Button>
                )}
                {r.abilities.approve && (
                  <Popconfirm
                    title={<Input placeholder={t('export.notePlaceholder')} value={note} onChange={(e) => setNote(e.target.value)} />}
                    onConfirm={() => decide.mutate({ id: r.id, action: 'approve', note }, { onSettled: () => setNote('') })}
                  >
                    <Button size="small" type="primary" data-testid="export-approve">
                      {t('export.approve')}
                    </Button>
                  </Popconfirm>
                )}
                {r.abilities.reject && (
                  <Popconfirm
                    title={<Input placeholder={t('export.notePlaceholder')} value={note} onChange={(e) => setNote(e.target.value)} />}
                    onConfirm={() => decide.mutate({ id: r.id, action: 'reject', note }, { onSettled: () => setNote('') })}
                  >
                    <Button size="small" danger data-testid="export-reject">
                      {t('export.reject')}
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      <LoadMore
        hasMore={Boolean(list.hasNextPage)}
        loading={list.isFetchingNextPage}
        onLoad={() => void list.fetchNextPage()}
        moreText={t('export.more')}
        doneText={t('export.end')}
      />
    </>
  );
}
