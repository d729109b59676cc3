import { cardAdjustmentRequestSchema } from '@kefu/shared/card';
import { Alert, App, Form, Input, Modal, Typography, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useLang } from '../../../app/i18n/language';
import { useT } from '../../../app/i18n/use-t';
import { clearChangedFieldErrors } from '../../../lib/form-errors';
import { parseForForm, showServerErrors } from '../../../lib/schema-form';
import { formatAmount, parseAmount } from '../amounts';
import { useRequestAdjustment, type Card } from '../api';

interface Values {
  amount?: string;
  reason?: string;
}
const FIELDS = ['amount', 'reason'] as const;

/** 申请调整: a signed amount and its reason; nothing moves until someone else approves it. */
export function AdjustDialog({ card, onClose }: { card: Card; onClose: () => void }) {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const send = useRequestAdjustment(card.id);
  const [error, setError] = useState<string | null>(null);

  const submit = () => {
    if (send.isPending) return;
    const values = form.getFieldsValue(true) as Values;
    const amount = parseAmount(values.amount, card.unit, true);
    if (Number.isNaN(amount) || amount === 0) {
      form.setFields([{ name: 'amount', errors: [t('cards.form.adjustInvalid')] }]);
      return;
    }
    const body = parseForForm(form, cardAdjustmentRequestSchema, { amount, reason: values.reason ?? '' }, lang, FIELDS);
    if (!body) return;
    setError(null);
    send.mutate(body, {
      onSuccess: () => {
        void message.success(t('cards.adjust.sent'));
        onClose();
      },
      onError: (err) => setError(showServerErrors(form, err, FIELDS)),
    });
  };

  return (
    <Modal
      open
      title={`${t('cards.action.adjust')} · ${card.number}`}
      okText={t('cards.form.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'adjust-submit' } as ButtonProps}
      confirmLoading={send.isPending}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('cards.form.balanceNow', { balance: formatAmount(t, card.balance, card.unit) })}</Typography.Paragraph>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      <Form form={form} layout="vertical" onValuesChange={(changed) => clearChangedFieldErrors(form, changed)} onFinish={submit}>
        <Form.Item name="amount" label={`${t('cards.form.adjust.amount')} · ${t(`cards.form.amount.${card.unit}`)}`} required>
          <Input autoFocus data-testid="field-adjust-amount" autoComplete="off" />
        </Form.Item>
        <Form.Item name="reason" label={t('cards.form.reason')} required>
          <Input.TextArea maxLength={200} rows={2} data-testid="field-adjust-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
