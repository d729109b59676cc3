import { cardReversalSchema } from '@kefu/shared/card';
import { Alert, Form, Input, Modal, type ButtonProps } from 'antd';
import { useRef, useState } from 'react';
import { useLang } from '../../../app/i18n/language';
import { useT } from '../../../app/i18n/use-t';
import { isApiError } from '../../../lib/api-error';
import { clearChangedFieldErrors } from '../../../lib/form-errors';
import { parseForForm, showServerErrors } from '../../../lib/schema-form';
import { formatAmount, type CardUnit } from '../amounts';
import { useReverse, type CardEntry, type MovementResult } from '../api';
import { useIdempotencyKey } from '../idempotency-key';
import { useEntryKindLabel } from '../labels';

const FIELDS = ['reason'] as const;

/** 冲正: a correction is a reversing entry with its reason, never an edit; one Idempotency-Key per action. */
export function ReverseDialog({
  entry,
  unit,
  onClose,
  onDone,
}: {
  entry: CardEntry;
  unit: CardUnit;
  onClose: () => void;
  onDone: (r: MovementResult) => void;
}) {
  const t = useT();
  const { lang } = useLang();
  const kindLabel = useEntryKindLabel();
  const [form] = Form.useForm<{ reason?: string }>();
  const reverse = useReverse();
  const idem = useIdempotencyKey();
  const inFlight = useRef(false);
  const [error, setError] = useState<string | null>(null);

  const submit = () => {
    if (inFlight.current) return;
    const body = parseForForm(form, cardReversalSchema, { reason: (form.getFieldValue('reason') as string | undefined) ?? '' }, lang, FIELDS);
    if (!body) return;
    inFlight.current = true;
    setError(null);
    reverse.mutate(
      { entryId: entry.id, reason: body.reason, key: idem.keyFor({ entryId: entry.id, ...body }) },
      {
        onSuccess: (r) => {
          idem.done();
          onDone(r);
        },
        onError: (err) => setError(isApiError(err) ? showServerErrors(form, err, FIELDS) : t('cards.form.retryHint')),
        onSettled: () => {
          inFlight.current = false;
        },
      },
    );
  };

  return (
    <Modal
      open
      title={t('cards.reverse.title', { seq: entry.seq, kind: kindLabel(entry.kind), amount: formatAmount(t, entry.amount, unit, true) })}
      okText={t('cards.form.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: true, 'data-testid': 'reverse-submit' } as ButtonProps}
      confirmLoading={reverse.isPending}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      <Form form={form} layout="vertical" onValuesChange={(changed) => clearChangedFieldErrors(form, changed)} onFinish={submit}>
        <Form.Item name="reason" label={t('cards.form.reason')} required>
          <Input.TextArea autoFocus maxLength={200} rows={2} data-testid="field-reverse-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
