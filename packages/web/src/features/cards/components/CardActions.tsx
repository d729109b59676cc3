import { entryAllowedOn, DIRECT_KINDS, type DirectKind } from '@kefu/shared/card-ledger';
import { Alert, Button, Space, Tooltip } from 'antd';
import { useT } from '../../../app/i18n/use-t';
import { useSession } from '../../auth/session';
import { useCardSettings, type Card } from '../api';
import type { MovementMode } from './MovementDialog';

const PERMISSION = {
  top_up: 'card:top_up',
  points_earned: 'card:top_up',
  spend: 'card:spend',
  points_redeemed: 'card:spend',
  refund: 'card:refund',
} as const satisfies Record<DirectKind, string>;

/**
 * The movements this person may ask for on this card (the same permissions and card-kind rules the
 * server applies); 退费 is shown disabled with the reason while the department's 不退费 policy holds.
 */
export function CardActions({ card, onMove, onAdjust }: { card: Card; onMove: (mode: MovementMode) => void; onAdjust: () => void }) {
  const t = useT();
  const { can } = useSession();
  const settings = useCardSettings();
  if (card.status !== 'active') return <Alert type="warning" showIcon title={t('cards.inactive')} />;
  const kinds = DIRECT_KINDS.filter((k) => entryAllowedOn(k, card.kind) && can(PERMISSION[k]));
  const refundBlocked = settings.data ? !settings.data.refundsAllowed : true;
  return (
    <Space wrap data-testid="card-actions">
      {kinds.map((kind) => {
        if (kind === 'refund' && refundBlocked) {
          return (
            <Tooltip key={kind} title={t('cards.refund.forbidden')}>
              <Button disabled data-testid="action-refund">
                {t('cards.action.refund')}
              </Button>
            </Tooltip>
          );
        }
        return (
          <Button
            key={kind}
            type={kind === 'top_up' || kind === 'points_earned' ? 'primary' : 'default'}
            onClick={() => onMove(kind)}
            data-testid={`action-${kind}`}
          >
            {t(`cards.action.${kind}`)}
          </Button>
        );
      })}
      {can('card:top_up') ? (
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
  );
}
