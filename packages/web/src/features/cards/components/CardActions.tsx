import { blockedWhenExpired, entryAllowedOn, DIRECT_KINDS, type DirectKind } from '@kefu/shared/card-ledger';
import { Alert, Button, Flex, Space, Tooltip } from 'antd';
import dayjs from 'dayjs';
import { useT } from '../../../app/i18n/use-t';
import { useSession } from '../../auth/session';
import { useCardSettings, type Card } from '../api';
import { CardStatusButtons } from './CardStatusButtons';
import type { MovementMode } from './MovementDialog';

const PERMISSION = {
  top_up: 'card:top_up',
  points_earned: 'card:top_up',
  spend: 'card:spend',
  points_redeemed: 'card:spend',
  refund: 'card:refund',
} as const satisfies Record<DirectKind, string>;

/**
 * The movements this person may ask for on this card, by the server's own rules: permissions, which
 * card takes which movement, a frozen card only corrected, an expired one no longer used at the desk.
 * 退费 is shown disabled with the reason while the department's 不退费 policy holds.
 */
export function CardActions({ card, now, onMove, onAdjust }: { card: Card; now: number; onMove: (mode: MovementMode) => void; onAdjust: () => void }) {
  const t = useT();
  const { can } = useSession();
  const settings = useCardSettings();
  if (card.status === 'closed') return <Alert type="info" showIcon title={t('cards.closedNote')} />;
  const active = card.status === 'active';
  const expired = card.expiresAt !== null && dayjs(card.expiresAt).valueOf() <= now;
  const kinds = active ? DIRECT_KINDS.filter((k) => entryAllowedOn(k, card.kind) && can(PERMISSION[k]) && !(expired && blockedWhenExpired(k))) : [];
  const refundBlocked = settings.data ? !settings.data.refundsAllowed : true;
  const note = !active ? t('cards.frozenNote') : expired ? t('cards.expiredNote', { date: dayjs(card.expiresAt).format('YYYY-MM-DD') }) : null;
  return (
    <Flex vertical gap={12}>
      {note ? <Alert type="warning" showIcon title={note} data-testid="card-note" /> : null}
      <Flex justify="space-between" wrap gap={8}>
        <Space wrap data-testid="card-actions">
          {kinds.map((kind) =>
            kind === 'refund' && refundBlocked ? (
              <Tooltip key={kind} title={t('cards.refund.forbidden')}>
                <Button disabled data-testid="action-refund">
                  {t('cards.action.refund')}
                </Button>
              </Tooltip>
            ) : (
              <Button
                key={kind}
                type={kind === 'top_up' || kind === 'points_earned' ? 'primary' : 'default'}
                onClick={() => onMove(kind)}
                data-testid={`action-${kind}`}
              >
                {t(`cards.action.${kind}`)}
              </Button>
            ),
          )}
          {active && !expired && can('card:top_up') ? (
            <Button onClick={() => onMove('transfer')} data-testid="action-transfer">
              {t('cards.action.transfer')}
            </Button>
          ) : null}
          {can('card:adjust') ? (
            <Button onClick={onAdjust} data-testid="action-adjust">
              {t('cards.action.adjust')}
            </Button>
          ) : null}
        </Space>
        <CardStatusButtons card={card} />
      </Flex>
    </Flex>
  );
}
