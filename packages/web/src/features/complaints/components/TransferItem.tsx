import type { ComplaintTransfer } from '@kefu/shared/complaint';
import { Card, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { useT } from '../../../app/i18n/use-t';
import { TransferAnswerForm } from './TransferAnswerForm';

/** One case transferred to the department: what is asked, by when (overdue in red), and the answer typed in place. */
export function TransferItem({ transfer: tr }: { transfer: ComplaintTransfer }) {
  const t = useT();
  const open = !tr.answeredAt;
  const number = <Link to={`/complaints/${tr.complaintId}`}>{tr.complaintNumber}</Link>;
  return (
    <Card size="small" style={{ marginBottom: 12, borderColor: open && tr.overdue ? '#ffa39e' : undefined }} data-testid="inbox-item" data-open={open}>
      <Space wrap style={{ marginBottom: 6 }}>
        <Typography.Text strong style={{ fontVariantNumeric: 'tabular-nums' }}>
          {number}
        </Typography.Text>
        <Tag>{tr.department?.name}</Tag>
        {!open ? (
          <Tag color="green">{t('complaintCase.transfer.answered')}</Tag>
        ) : tr.overdue ? (
          <Tag color="red">{t('complaintCase.transfer.overdue')}</Tag>
        ) : (
          <Tag color="gold">{t('complaintCase.transfer.waiting')}</Tag>
        )}
        <Typography.Text type={open && tr.overdue ? 'danger' : 'secondary'}>
          {t('complaintInbox.due', { at: dayjs(tr.dueAt).format('YYYY-MM-DD HH:mm') })}
        </Typography.Text>
      </Space>
      <div style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }}>{tr.request}</div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('complaintInbox.from', { by: tr.createdBy?.name ?? '—', at: dayjs(tr.createdAt).format('MM-DD HH:mm') })}
      </Typography.Text>
      {open ? (
        <TransferAnswerForm transferId={tr.id} placeholder={t('complaintInbox.answerPlaceholder')} />
      ) : (
        <div style={{ marginTop: 8, padding: '6px 10px', background: '#f6ffed', borderRadius: 6 }}>
          <div style={{ whiteSpace: 'pre-wrap' }}>{tr.answer}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {tr.answeredBy?.name} · {tr.answeredAt ? dayjs(tr.answeredAt).format('MM-DD HH:mm') : ''}
          </Typography.Text>
        </div>
      )}
    </Card>
  );
}
