import { App, Button, Card, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { mayKeepPromise } from '@kefu/shared/complaint-workflow';
import { useT } from '../../../app/i18n/use-t';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { errorText } from '../../../lib/api-error';
import { useSession } from '../../auth/session';
import { useKeepPromise, usePromiseList } from '../api';

/** Promises made to this complainant (seed 004 原则 1 "承诺必须兑现"): by when, kept or overdue. */
export function PromisesCard({ complaintId }: { complaintId: string }) {
  const t = useT();
  const { message } = App.useApp();
  const list = usePromiseList({ complaintId, open: false });
  const keep = useKeepPromise();
  const { user, can } = useSession();
  const permissions = { has: can };
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  if (!rows.length && !list.error) return null;
  return (
    <Card variant="borderless" title={t('complaintCase.promises')} style={{ marginBottom: 16 }} data-testid="case-promises">
      <ErrorAlert error={list.error} />
      {rows.map((p, i) => (
        <div
          key={p.id}
          data-testid="case-promise"
          style={{ padding: '8px 0', borderTop: i ? '1px solid #f0f0f0' : undefined, display: 'flex', gap: 8, alignItems: 'flex-start' }}
        >
          <div style={{ flex: 1 }}>
            <div>{p.what}</div>
            <Typography.Text type={p.overdue && !p.keptAt ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
              {t('complaintCase.promise.meta', { owner: p.owner?.name ?? '—', due: dayjs(p.dueAt).format('MM-DD HH:mm') })}
            </Typography.Text>
          </div>
          {p.keptAt ? (
            <Tag color="green">{t('complaints.promise.kept')}</Tag>
          ) : (
            <>
              {p.overdue ? <Tag color="red">{t('complaints.promise.overdue')}</Tag> : null}
              {mayKeepPromise(permissions, user.id, p.owner?.id ?? null) ? (
                <Button
                  size="small"
                  loading={keep.isPending && keep.variables === p.id}
                  onClick={() => keep.mutate(p.id, { onError: (e) => void message.error(errorText(e)) })}
                  data-testid="promise-keep"
                >
                  {t('complaints.promise.markKept')}
                </Button>
              ) : null}
            </>
          )}
        </div>
      ))}
    </Card>
  );
}
