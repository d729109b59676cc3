import type { ComplaintListItem } from '@kefu/shared/complaint';
import { Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import type { HTMLAttributes } from 'react';
import { Link } from 'react-router-dom';
import { useT } from '../../../app/i18n/use-t';
import { useComplaintLabels } from '../labels';
import { SeverityTags, StateTag } from './ComplaintTags';
import { SlaCountdown } from './SlaCountdown';

interface Props {
  items: ComplaintListItem[];
  readAt: number;
  loading: boolean;
  emptyText: string;
  /** the customer page lists that customer's cases: no complainant column */
  compact?: boolean;
}

/** The rows of the queue: number (read out on the phone), time left, state and who has it. */
export function QueueTable({ items, readAt, loading, emptyText, compact }: Props) {
  const t = useT();
  const labels = useComplaintLabels();
  const columns: TableColumnsType<ComplaintListItem> = [
    {
      title: t('complaints.col.number'),
      key: 'number',
      width: 150,
      render: (_, c) => (
        <Link to={`/complaints/${c.id}`} data-testid="complaint-link" style={{ fontVariantNumeric: 'tabular-nums', fontWeight: 500 }}>
          {c.number}
        </Link>
      ),
    },
    {
      title: t('complaints.col.timeLeft'),
      key: 'sla',
      width: 220,
      render: (_, c) => (c.state === 'closed' ? '—' : <SlaCountdown sla={c.sla} readAt={readAt} />),
    },
    { title: t('complaints.col.state'), key: 'state', width: 100, render: (_, c) => <StateTag state={c.state} /> },
    ...(compact
      ? []
      : [
          {
            title: t('complaints.col.complainant'),
            key: 'complainant',
            ellipsis: true,
            render: (_: unknown, c: ComplaintListItem) => (
              <span>
                {c.complainantName}
                {c.customer && c.customer.name !== c.complainantName ? (
                  <Typography.Text type="secondary">{t('complaints.paren', { text: c.customer.name })}</Typography.Text>
                ) : null}
              </span>
            ),
          },
        ]),
    { title: t('complaints.col.category'), key: 'category', ellipsis: true, render: (_, c) => labels.category(c.category) },
    { title: t('complaints.col.severity'), key: 'severity', width: 120, render: (_, c) => <SeverityTags severity={c.severity} major={c.major} /> },
    { title: t('complaints.col.department'), key: 'department', ellipsis: true, render: (_, c) => c.department?.name ?? '—' },
    {
      title: t('complaints.col.assignee'),
      key: 'assignee',
      ellipsis: true,
      render: (_, c) => c.assignee?.name ?? <Typography.Text type="secondary">{t('complaints.unassigned')}</Typography.Text>,
    },
    { title: t('complaints.col.receivedAt'), key: 'receivedAt', width: 100, render: (_, c) => dayjs(c.receivedAt).format('MM-DD HH:mm') },
    {
      title: t('complaints.col.open'),
      key: 'open',
      width: 110,
      render: (_, c) => (
        <Space size={4}>
          {c.openTransfers ? <Tag color="gold">{t('complaints.openTransfers', { n: c.openTransfers })}</Tag> : null}
          {c.openPromises ? <Tag color="cyan">{t('complaints.openPromises', { n: c.openPromises })}</Tag> : null}
        </Space>
      ),
    },
  ];
  return (
    <Table<ComplaintListItem>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={items}
      loading={loading}
      pagination={false}
      locale={{ emptyText }}
      onRow={() => ({ 'data-testid': 'complaint-row' }) as HTMLAttributes<HTMLElement>}
      scroll={{ x: 1120 }}
    />
  );
}
