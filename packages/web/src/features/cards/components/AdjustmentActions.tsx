import { App, Button, Space, Typography } from 'antd';
import { useRef } from 'react';
import { useT } from '../../../app/i18n/use-t';
import { errorText, isApiError } from '../../../lib/api-error';
import { useSession } from '../../auth/session';
import { useDecideAdjustment, type CardAdjustment } from '../api';
import { useIdempotencyKey } from '../idempotency-key';

/**
 * Approve or reject one pending adjustment. The requester is never offered the decision (a second
 * person approves; the server refuses it too). One Idempotency-Key per decision, kept for a retry.
 */
export function AdjustmentActions({ adjustment }: { adjustment: CardAdjustment }) {
  const t = useT();
  const { user } = useSession();
  const { message } = App.useApp();
  const decide = useDecideAdjustment();
  const idem = useIdempotencyKey();
  const inFlight = useRef(false);
  if (adjustment.requestedBy === user.id) return <Typography.Text type="secondary">{t('cards.adjustments.own')}</Typography.Text>;

  const run = (approve: boolean) => {
    if (inFlight.current) return;
    inFlight.current = true;
    decide.mutate(
      { id: adjustment.id, approve, key: idem.keyFor({ id: adjustment.id, approve }) },
      {
        onSuccess: () => {
          idem.done();
          void message.success(t(approve ? 'cards.adjustments.approved' : 'cards.adjustments.rejected'));
        },
        onError: (err) => void message.error(isApiError(err) ? errorText(err) : t('cards.form.retryHint')),
        onSettled: () => {
          inFlight.current = false;
        },
      },
    );
  };
  const busy = decide.isPending ? decide.variables.approve : null;
  return (
    <Space>
      <Button type="primary" size="small" loading={busy === true} disabled={busy === false} onClick={() => run(true)} data-testid={`approve-${adjustment.id}`}>
        {t('cards.adjustments.approve')}
      </Button>
      <Button danger size="small" loading={busy === false} disabled={busy === true} onClick={() => run(false)} data-testid={`reject-${adjustment.id}`}>
        {t('cards.adjustments.reject')}
      </Button>
    </Space>
  );
}
