import { Table, Tag } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useT } from '../../../app/i18n/use-t';
import { formatAmount } from '../amounts';
import type { Card } from '../api';

const STATUS_COLOR = { active: 'green', frozen: 'orange', closed: 'default' } as const;

/** Cards in a table, each number linking to its card page; `extra` adds a column (the renewal reason). */
export function CardTable<C extends Card>({
  cards,
  loading,
  emptyText,
  showCustomer = true,
  extra,
}: {
  cards: C[];
  loading: boolean;
  emptyText: string;
  showCustomer?: boolean;
  extra?: { title: string; render: (c: C) => ReactNode };
}) {
  const t = useT();
  return (
    <Table<C>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={cards}
      pagination={false}
      locale={{ emptyText }}
      columns={[
        { key: 'number', title: t('cards.col.number'), render: (_, c) => <Link to={`/cards/${c.id}`}>{c.number}</Link> },
        { key: 'type', title: t('cards.col.type'), dataIndex: 'typeName' },
        ...(showCustomer
          ? [{ key: 'customer', title: t('cards.col.customer'), render: (_: unknown, c: C) => <Link to={`/customers/${c.customerId}`}>{c.customerName}</Link> }]
          : []),
        { key: 'balance', title: t('cards.col.balance'), align: 'right', render: (_, c) => formatAmount(t, c.balance, c.unit) },
        // lessons promised to live bookings (lessons cards only): what the desk cannot spend
        { key: 'held', title: t('cards.col.held'), align: 'right', render: (_, c) => (c.kind === 'lessons' ? formatAmount(t, c.held, c.unit) : '') },
        { key: 'status', title: t('cards.col.status'), render: (_, c) => <Tag color={STATUS_COLOR[c.status]}>{t(`cards.status.${c.status}`)}</Tag> },
        { key: 'expires', title: t('cards.col.expires'), render: (_, c) => (c.expiresAt ? dayjs(c.expiresAt).format('YYYY-MM-DD') : t('cards.neverExpires')) },
        ...(extra ? [{ key: 'extra', title: extra.title, render: (_: unknown, c: C) => extra.render(c) }] : []),
      ]}
    />
  );
}
