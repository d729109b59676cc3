import { approveBody, rejectBody, type ComplaintListItem } from '@kefu/shared/complaint';
import { Alert, App, Button, Card, Descriptions, Input, Space, Spin, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useLang } from '../../../app/i18n/language';
import { useT } from '../../../app/i18n/use-t';
import { errorText, isApiError } from '../../../lib/api-error';
import { zodFieldErrors } from '../../../lib/form-errors';
import { useComplaint, useDecideProposal } from '../api';
import { useComplaintLabels } from '../labels';
import { fenToYuan } from '../money';
import { SeverityTags } from './ComplaintTags';

/** A proposal above the threshold, with what the manager needs to decide: the complaint, the findings, the offer. */
export function ApprovalCard({ item }: { item: ComplaintListItem }) {
  const t = useT();
  const { lang } = useLang();
  const labels = useComplaintLabels();
  const { message } = App.useApp();
  const complaint = useComplaint(item.id);
  const decide = useDecideProposal();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const c = complaint.data;

  const run = (decision: 'approve' | 'reject') => {
    if (!c) return;
    const parsed = (decision === 'approve' ? approveBody : rejectBody).safeParse(
      decision === 'approve' ? { version: c.version, note: text } : { version: c.version, reason: text },
    );
    if (!parsed.success) return setError(zodFieldErrors(parsed.error, lang)[0]?.message ?? null);
    setError(null);
    decide.mutate(
      { complaint: c, decision, text: text.trim() },
      {
        onSuccess: () => void message.success(t(decision === 'approve' ? 'complaintApprovals.approved' : 'complaintApprovals.rejected', { number: c.number })),
        onError: (e) => setError(isApiError(e) && e.status === 409 ? `${errorText(e)} ${t('complaintCase.conflict.reloaded')}` : errorText(e)),
      },
    );
  };
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      data-testid="approval-item"
      title={
        <Space>
          <Link to={`/complaints/${item.id}`} style={{ fontVariantNumeric: 'tabular-nums' }}>
            {item.number}
          </Link>
          <span>{item.complainantName}</span>
          <Typography.Text type="secondary">{labels.category(item.category)}</Typography.Text>
          <SeverityTags severity={item.severity} major={item.major} />
        </Space>
      }
    >
      {!c ? (
        complaint.error ? (
          <Alert type="error" title={errorText(complaint.error)} />
        ) : (
          <Spin />
        )
      ) : (
        <>
          <Descriptions
            size="small"
            column={1}
            styles={{ label: { width: 110 } }}
            items={[
              { key: 'content', label: t('complaintSheet.content'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{c.content}</span> },
              {
                key: 'findings',
                label: t('complaintSheet.verification'),
                children: <span style={{ whiteSpace: 'pre-wrap' }}>{c.verification?.findings ?? '—'}</span>,
              },
              { key: 'proposal', label: t('complaintSheet.proposal'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{c.proposal?.proposal ?? '—'}</span> },
              {
                key: 'compensation',
                label: t('complaintApprovals.compensation'),
                children: (
                  <Typography.Text strong data-testid="approval-compensation">
                    {t('complaintStep.yuan', { yuan: fenToYuan(c.proposal?.compensationFen ?? 0) })}
                  </Typography.Text>
                ),
              },
              {
                key: 'by',
                label: t('complaintApprovals.proposedBy'),
                children: `${c.proposal?.by?.name ?? '—'} · ${t('complaintSheet.responsible')}${t('complaints.colon')}${c.proposal?.responsible?.name ?? '—'} · ${c.proposal ? dayjs(c.proposal.at).format('MM-DD HH:mm') : ''}`,
              },
            ]}
          />
          {error ? <Alert type="error" showIcon title={error} style={{ margin: '8px 0' }} /> : null}
          {c.actions.includes('approve') || c.actions.includes('reject') ? (
            <Space.Compact style={{ width: '100%', marginTop: 8 }}>
              <Input
                value={text}
                onChange={(e) => setText(e.target.value)}
                placeholder={t('complaintApprovals.notePlaceholder')}
                maxLength={1000}
                data-testid="approval-note"
              />
              {c.actions.includes('approve') ? (
                <Button
                  type="primary"
                  loading={decide.isPending && decide.variables?.decision === 'approve'}
                  onClick={() => run('approve')}
                  data-testid="approval-approve"
                >
                  {labels.action('approve')}
                </Button>
              ) : null}
              {c.actions.includes('reject') ? (
                <Button
                  danger
                  loading={decide.isPending && decide.variables?.decision === 'reject'}
                  onClick={() => run('reject')}
                  data-testid="approval-reject"
                >
                  {labels.action('reject')}
                </Button>
              ) : null}
            </Space.Compact>
          ) : (
            <Typography.Text type="secondary">{t('complaintApprovals.notYours', { state: labels.state(c.state) })}</Typography.Text>
          )}
        </>
      )}
    </Card>
  );
}
