import { CARD_UNITS, formatCardAmount, type CardKind } from '@kefu/shared/card-ledger';
import type { CallCard } from '@kefu/shared/telephony';
import { Alert, Descriptions, Empty, List, Space, Tag, Typography } from 'antd';
import { useLang } from '../../../app/i18n/language';
import { useT } from '../../../app/i18n/use-t';
import { channelLabel, dateTime, directionLabel } from '../labels';

/** The caller's card in the pop: who they are and what is open with them, at a glance. */
export function CallCardView({ card }: { card: CallCard }) {
  const t = useT();
  const { lang } = useLang();
  const c = card.customer;
  if (!c) return null;
  const title = c.title === 'mr' ? t('pop.mr') : c.title === 'ms' ? t('pop.ms') : '';
  return (
    <div data-testid="pop-card">
      <Typography.Title level={4} style={{ marginTop: 0 }} data-testid="pop-customer-name">
        {c.name}
        {title ? (
          <Typography.Text type="secondary" style={{ fontSize: 14, marginLeft: 8 }}>
            {title}
          </Typography.Text>
        ) : null}
      </Typography.Title>
      {!c.canOpen ? <Alert type="info" showIcon title={t('pop.notInScope')} style={{ marginBottom: 12 }} /> : null}
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t('pop.tier')}>{c.tierLabel ? <Tag color="gold">{c.tierLabel}</Tag> : '—'}</Descriptions.Item>
        <Descriptions.Item label={t('pop.owner')}>{c.ownerName ?? t('pop.noOwner')}</Descriptions.Item>
        <Descriptions.Item label={t('pop.complaints')}>
          {c.openComplaints ? (
            <Tag color="red" data-testid="pop-complaints">
              {c.openComplaints}
            </Tag>
          ) : (
            <span data-testid="pop-complaints">0</span>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('pop.nextBooking')}>
          {c.nextBooking ? `${dateTime(c.nextBooking.startsAt, lang)} ${c.nextBooking.resourceName}（${c.nextBooking.number}）` : t('pop.noBooking')}
        </Descriptions.Item>
        <Descriptions.Item label={t('pop.cards')}>
          {c.cards.length ? (
            <Space direction="vertical" size={0}>
              {c.cards.map((k) => (
                <span key={k.id}>
                  {k.typeName} {k.number}：<b>{formatCardAmount(k.balance, CARD_UNITS[k.kind as CardKind] ?? 'fen')}</b>
                </span>
              ))}
            </Space>
          ) : (
            t('pop.noCards')
          )}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Text strong style={{ display: 'block', margin: '12px 0 4px' }}>
        {t('pop.lastContacts')}
      </Typography.Text>
      {c.lastContacts.length ? (
        <List
          size="small"
          dataSource={c.lastContacts}
          renderItem={(i) => (
            <List.Item>
              <Typography.Text type="secondary">
                {dateTime(i.startedAt, lang)} {channelLabel(i.channel, lang)}
                {directionLabel(i.direction, lang)} {i.agentName ?? ''}
              </Typography.Text>
              <div>{i.summary || '—'}</div>
            </List.Item>
          )}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('pop.noContacts')} />
      )}
    </div>
  );
}
