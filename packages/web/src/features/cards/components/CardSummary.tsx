import { Descriptions, Statistic, Tag, Tooltip } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { useT } from '../../../app/i18n/use-t';
import { formatAmount } from '../amounts';
import type { Card } from '../api';
import { useCardKindLabel } from '../labels';

const STATUS_COLOR = { active: 'green', frozen: 'orange', closed: 'default' } as const;

/** Who the card belongs to, what it is, whether it may be used, and what is on it. */
export function CardSummary({ card, now }: { card: Card; now: number }) {
  const t = useT();
  const kindLabel = useCardKindLabel();
  const expired = card.expiresAt !== null && dayjs(card.expiresAt).valueOf() <= now;
  return (
    <div style={{ display: 'flex', gap: 32, alignItems: 'flex-start', flexWrap: 'wrap' }}>
      <Statistic
        title={t('cards.col.balance')}
        value={formatAmount(t, card.balance, card.unit)}
        styles={{ content: { fontSize: 32 } }}
        style={{ minWidth: 200 }}
        data-testid="card-balance"
      />
      <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }} style={{ flex: 1, minWidth: 360 }}>
        <Descriptions.Item label={t('cards.col.number')}>
          <span data-testid="card-number">{card.number}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('cards.col.type')}>{`${card.typeName}（${kindLabel(card.kind)}）`}</Descriptions.Item>
        <Descriptions.Item label={t('cards.col.customer')}>
          <Link to={`/customers/${card.customerId}`}>{card.customerName}</Link>
        </Descriptions.Item>
        <Descriptions.Item label={t('cards.col.status')}>
          <Tag color={STATUS_COLOR[card.status]} data-testid="card-status">
            {t(`cards.status.${card.status}`)}
          </Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('cards.col.expires')}>
          {card.expiresAt ? dayjs(card.expiresAt).format('YYYY-MM-DD') : t('cards.neverExpires')}
          {expired ? (
            <Tag color="red" style={{ marginLeft: 8 }}>
              {t('cards.expired')}
            </Tag>
          ) : null}
        </Descriptions.Item>
        {card.kind === 'lessons' ? (
          <Descriptions.Item label={<Tooltip title={t('cards.held.help')}>{t('cards.col.held')}</Tooltip>}>
            <span data-testid="card-held">
              {t('cards.held.value', { held: formatAmount(t, card.held, card.unit), available: formatAmount(t, card.balance - card.held, card.unit) })}
            </span>
          </Descriptions.Item>
        ) : null}
        <Descriptions.Item label={t('cards.col.issued')}>{dayjs(card.issuedAt).format('YYYY-MM-DD HH:mm')}</Descriptions.Item>
      </Descriptions>
    </div>
  );
}
