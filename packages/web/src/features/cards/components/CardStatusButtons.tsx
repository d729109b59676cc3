import { App, Button, Popconfirm, Space, Tooltip } from 'antd';
import { useT } from '../../../app/i18n/use-t';
import { errorText } from '../../../lib/api-error';
import { useSession } from '../../auth/session';
import { useChangeStatus, type Card } from '../api';

type Target = 'active' | 'frozen' | 'closed';
const ACTION = { active: 'cards.status.unfreeze', frozen: 'cards.status.freeze', closed: 'cards.status.close' } as const;

/**
 * 冻结 / 解冻 / 注销 for whoever issues cards (card:issue), sent with the card's version; closing is final
 * and only with nothing left on the card (the shared rule statusChange), so it is explained, not offered, before.
 */
export function CardStatusButtons({ card }: { card: Card }) {
  const t = useT();
  const { can } = useSession();
  const { message } = App.useApp();
  const change = useChangeStatus(card.id);
  if (!can('card:issue') || card.status === 'closed') return null;
  const targets: Target[] = card.status === 'active' ? ['frozen', 'closed'] : ['active', 'closed'];

  const run = (status: Target) =>
    change.mutate(
      { status, version: card.version },
      {
        onSuccess: () => void message.success(t('cards.status.done', { status: t(`cards.status.${status}`) })),
        onError: (err) => void message.error(errorText(err)),
      },
    );

  const buttons = targets.map((status) => {
    const button = (
      <Button
        danger={status === 'closed'}
        disabled={status === 'closed' && card.balance > 0}
        loading={change.isPending && change.variables.status === status}
        data-testid={`status-${status}`}
      >
        {t(ACTION[status])}
      </Button>
    );
    if (status === 'closed' && card.balance > 0) {
      return (
        <Tooltip key={status} title={t('cards.status.closeWithBalance')}>
          {button}
        </Tooltip>
      );
    }
    return (
      <Popconfirm
        key={status}
        title={t(`cards.status.confirm.${status}`)}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        onConfirm={() => run(status)}
      >
        {button}
      </Popconfirm>
    );
  });
  return <Space wrap>{buttons}</Space>;
}
