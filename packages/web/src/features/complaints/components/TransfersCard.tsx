import { Card, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useT } from '../../../app/i18n/use-t';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useSession } from '../../auth/session';
import { useCaseTransfers } from '../api';
import { TransferAnswerForm } from './TransferAnswerForm';

/** 转交相关部门 (seed 001): what each department was asked, by when, and its answer (reminded until it answers). */
export function TransfersCard({ complaintId }: { complaintId: string }) {
  const t = useT();
  const transfers = useCaseTransfers(complaintId);
  // the officer records an answer the department gave by phone; the department answers in its inbox
  const { can } = useSession();
  if (!transfers.data?.length && !transfers.error) return null;
  return (
    <Card variant="borderless" title={t('complaintCase.transfers')} style={{ marginBottom: 16 }} data-testid="case-transfers">
      <ErrorAlert error={transfers.error} />
      {(transfers.data ?? []).map((tr, i) => (
        <div key={tr.id} data-testid="case-transfer" style={{ padding: '8px 0', borderTop: i ? '1px solid #f0f0f0' : undefined }}>
          <div>
            <Typography.Text strong>{tr.department?.name}</Typography.Text>{' '}
            {tr.answeredAt ? (
              <Tag color="green">{t('complaintCase.transfer.answered')}</Tag>
            ) : tr.overdue ? (
              <Tag color="red">{t('complaintCase.transfer.overdue')}</Tag>
            ) : (
              <Tag color="gold">{t('complaintCase.transfer.waiting')}</Tag>
            )}
          </div>
          <div style={{ whiteSpace: 'pre-wrap' }}>{tr.request}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('complaintCase.transfer.meta', { by: tr.createdBy?.name ?? '—', due: dayjs(tr.dueAt).format('MM-DD HH:mm') })}
            {tr.remindersSent ? ` · ${t('complaintCase.transfer.reminders', { n: tr.remindersSent })}` : ''}
          </Typography.Text>
          {tr.answer ? (
            <div style={{ marginTop: 6, padding: '6px 10px', background: '#f6ffed', borderRadius: 6 }} data-testid="transfer-answer">
              <div style={{ whiteSpace: 'pre-wrap' }}>{tr.answer}</div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {tr.answeredBy?.name} · {tr.answeredAt ? dayjs(tr.answeredAt).format('MM-DD HH:mm') : ''}
              </Typography.Text>
            </div>
          ) : can('complaint:handle') ? (
            <TransferAnswerForm transferId={tr.id} placeholder={t('complaintCase.transfer.answerFor', { department: tr.department?.name ?? '' })} />
          ) : null}
        </div>
      ))}
    </Card>
  );
}
