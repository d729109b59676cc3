import { transferAnswerBody } from '@kefu/shared/complaint';
import { App, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useLang } from '../../../app/i18n/language';
import { useT } from '../../../app/i18n/use-t';
import { errorText } from '../../../lib/api-error';
import { zodFieldErrors } from '../../../lib/form-errors';
import { useAnswerTransfer } from '../api';

/**
 * The department's answer to a transfer, typed in place: by the department's handler in their inbox, or
 * by the complaint officer on the case page when the department answered by phone (the server takes both).
 */
export function TransferAnswerForm({ transferId, placeholder }: { transferId: string; placeholder: string }) {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const answer = useAnswerTransfer();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = () => {
    const parsed = transferAnswerBody.safeParse({ answer: text });
    if (!parsed.success) return setError(zodFieldErrors(parsed.error, lang)[0]?.message ?? null);
    setError(null);
    answer.mutate(
      { id: transferId, answer: parsed.data.answer },
      { onSuccess: () => void message.success(t('complaintInbox.answered')), onError: (e) => setError(errorText(e)) },
    );
  };
  return (
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
          placeholder={placeholder}
          data-testid="inbox-answer"
        />
      </Form.Item>
      <Button type="primary" loading={answer.isPending} onClick={submit} data-testid="inbox-submit">
        {t('complaintInbox.submit')}
      </Button>
    </div>
  );
}
