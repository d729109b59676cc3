import { Button, Flex, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { HTMLAttributes } from 'react';
import { Link } from 'react-router-dom';
import { useT } from '../../../app/i18n/use-t';
import { formatAmount, type CardUnit } from '../amounts';
import type { CardEntry } from '../api';
import { useEntryKindLabel } from '../labels';

interface Props {
  entries: CardEntry[];
  unit: CardUnit;
  loading: boolean;
  onReceipt: (entry: CardEntry) => void;
  /** offered to those who may reverse (card:approve), for entries that can still be reversed */
  onReverse?: (entry: CardEntry) => void;
}
const NOT_REVERSIBLE = new Set(['reversal', 'transfer_out', 'transfer_in']);

/** The card's ledger, newest first: what moved, by whom, the balance after it, and which entry reverses which. */
export function LedgerTable({ entries, unit, loading, onReceipt, onReverse }: Props) {
  const t = useT();
  const kindLabel = useEntryKindLabel();
  const seqOf = new Map(entries.map((e) => [e.id, e.seq]));
  const link = (id: string) => `#entry-${id}`;

  return (
    <Table<CardEntry>
      rowKey="id"
      size="small"
      data-testid="card-ledger"
      loading={loading}
      dataSource={entries}
      pagination={false}
      locale={{ emptyText: t('cards.ledger.empty') }}
      onRow={(e) => ({ id: `entry-${e.id}`, 'data-kind': e.kind }) as HTMLAttributes<HTMLElement>}
      columns={[
        { key: 'seq', title: t('cards.ledger.seq'), dataIndex: 'seq', width: 100 },
        {
          key: 'kind',
          title: t('cards.ledger.kind'),
          render: (_, e) => (
            <Space size={4} wrap>
              <span>{kindLabel(e.kind)}</span>
              {e.reversedBy ? <Tag color="default">{t('cards.ledger.reversed')}</Tag> : null}
            </Space>
          ),
        },
        {
          key: 'amount',
          title: t('cards.ledger.amount'),
          align: 'right',
          render: (_, e) => (
            <Typography.Text type={e.amount < 0 ? 'danger' : 'success'} data-testid="entry-amount">
              {formatAmount(t, e.amount, unit, true)}
            </Typography.Text>
          ),
        },
        { key: 'after', title: t('cards.ledger.balanceAfter'), align: 'right', render: (_, e) => formatAmount(t, e.balanceAfter, unit) },
        { key: 'actor', title: t('cards.ledger.actor'), dataIndex: 'actorName' },
        { key: 'at', title: t('cards.ledger.at'), render: (_, e) => dayjs(e.at).format('YYYY-MM-DD HH:mm') },
        {
          key: 'note',
          title: t('cards.ledger.note'),
          render: (_, e) => (
            <Flex vertical>
              {e.bookingId ? (
                <Link to={`/bookings/${e.bookingId}`} data-testid="entry-booking">
                  {t('cards.ledger.booking', { number: e.note ?? '' })}
                </Link>
              ) : e.note ? (
                <span>{e.note}</span>
              ) : null}
              {e.reversesId ? (
                <a href={link(e.reversesId)}>
                  {seqOf.has(e.reversesId) ? t('cards.ledger.reverses', { seq: seqOf.get(e.reversesId)! }) : t('cards.ledger.reverses.other')}
                </a>
              ) : null}
              {e.reversedBy && seqOf.has(e.reversedBy) ? (
                <a href={link(e.reversedBy)}>{t('cards.ledger.reversedBy', { seq: seqOf.get(e.reversedBy)! })}</a>
              ) : null}
            </Flex>
          ),
        },
        {
          key: 'actions',
          title: '',
          render: (_, e) => (
            <Space size={0}>
              <Button type="link" size="small" onClick={() => onReceipt(e)} data-testid={`receipt-${e.seq}`}>
                {t('cards.ledger.receipt')}
              </Button>
              {onReverse && !e.reversedBy && !NOT_REVERSIBLE.has(e.kind) ? (
                <Button type="link" size="small" danger onClick={() => onReverse(e)} data-testid={`reverse-${e.seq}`}>
                  {t('cards.action.reverse')}
                </Button>
              ) : null}
            </Space>
          ),
        },
      ]}
    />
  );
}
