import { transferAnswerBody, type ComplaintTransfer } from '@kefu/shared/complaint';
import { App, Button, Card, Form, Input, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useLang } from '../../../app/i18n/language';
import { useT } from '../../../app/i18n/use-t';
import { errorText } from '../../../lib/api-error';
import { zodFieldErrors } from '../../../lib/form-errors';
import { useAnswerTransfer } from '../api';

/** One case transferred to the department: what is asked, by when (overdue in red), and the answer typed in place. */
export function TransferItem({ transfer: tr }: { transfer: ComplaintTransfer }) {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const answer = useAnswerTransfer();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const open = !tr.answeredAt;

  const submit = () => {
    const parsed = transferAnswerBody.safeParse({ answer: text });
    if (!parsed.success) return setError(zodFieldErrors(parsed.error, lang)[0]?.message ?? null);
    setError(null);
    answer.mutate(
      { id: tr.id, answer: parsed.data.answer },
      { onSuccess: () => void message.success(t('complaintInbox.answered')), onError: (e) => setError(errorText(e)) },
    );
  };
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
        <div style={{ marginTop: 10 }}>
          <Form.Item validateStatus={error ? 'error' : undefined} help={error} style={{ marginBottom: 8 }}>
            <Input.TextArea
              rows={3}
              maxLength={4000}
              value={text}
              onChange={(e) => {
                setText(e.target.value);
                setError(null);
              }}
              placeholder={t('complaintInbox.answerPlaceholder')}
              data-testid="inbox-answer"
            />
          </Form.Item>
          <Button type="primary" loading={answer.isPending} onClick={submit} data-testid="inbox-submit">
            {t('complaintInbox.submit')}
          </Button>
        </div>
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
