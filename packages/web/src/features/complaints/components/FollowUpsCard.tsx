import { App, Button, Card, Input, Popconfirm, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useT } from '../../../app/i18n/use-t';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { errorText } from '../../../lib/api-error';
import { useSession } from '../../auth/session';
import { useFollowUpDone, useFollowUps, type FollowUp } from '../api';

/** After closing (seed 001 客诉专员 职责三): a follow-up right away and another a month later, until the follow-up area takes them. */
export function FollowUpsCard({ complaintId, closed }: { complaintId: string; closed: boolean }) {
  const t = useT();
  const { message } = App.useApp();
  const followUps = useFollowUps(complaintId, closed);
  const done = useFollowUpDone();
  // marking one done is the officer's (complaint:handle); whoever else reads the case sees them
  const { can } = useSession();
  const [note, setNote] = useState('');
  if (!closed || (!followUps.data?.length && !followUps.error)) return null;
  const today = dayjs().format('YYYY-MM-DD');
  const finish = (f: FollowUp) =>
    done.mutate(
      { id: f.id, note: note.trim() || null },
      {
        onSuccess: () => void message.success(t('complaintCase.followUp.doneMsg')),
        onError: (e) => void message.error(errorText(e)),
        onSettled: () => setNote(''),
      },
    );
  return (
    <Card variant="borderless" title={t('complaintCase.followUps')} style={{ marginBottom: 16 }} data-testid="case-follow-ups">
      <ErrorAlert error={followUps.error} />
      {(followUps.data ?? []).map((f, i) => (
        <div
          key={f.id}
          data-testid="case-follow-up"
          style={{ padding: '8px 0', borderTop: i ? '1px solid #f0f0f0' : undefined, display: 'flex', gap: 8, alignItems: 'flex-start' }}
        >
          <div style={{ flex: 1 }}>
            <div>
              {f.days === 0 ? t('complaintCase.followUp.afterClose') : t('complaintCase.followUp.afterDays', { days: f.days })} · {f.dueDate}
            </div>
            {f.doneAt ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {f.doneBy?.name} · {dayjs(f.doneAt).format('MM-DD HH:mm')}
                {f.note ? `${t('complaints.colon')}${f.note}` : ''}
              </Typography.Text>
            ) : null}
          </div>
          {f.doneAt ? (
            <Tag color="green">{t('complaintCase.followUp.done')}</Tag>
          ) : (
            <>
              {f.dueDate < today ? <Tag color="red">{t('complaints.promise.overdue')}</Tag> : null}
              {can('complaint:handle') ? (
                <Popconfirm
                  title={t('complaintCase.followUp.confirm')}
                  description={
                    <Input.TextArea
                      rows={2}
                      maxLength={1000}
                      placeholder={t('complaintCase.followUp.note')}
                      value={note}
                      onChange={(e) => setNote(e.target.value)}
                    />
                  }
                  okText={t('common.confirm')}
                  cancelText={t('common.cancel')}
                  onConfirm={() => finish(f)}
                >
                  <Button size="small" type="primary" loading={done.isPending && done.variables?.id === f.id} data-testid="follow-up-done">
                    {t('complaintCase.followUp.markDone')}
                  </Button>
                </Popconfirm>
              ) : null}
            </>
          )}
        </div>
      ))}
    </Card>
  );
}
