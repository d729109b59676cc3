import { cardMovementSchema, cardTransferSchema } from '@kefu/shared/card';
import type { DirectKind } from '@kefu/shared/card-ledger';
import { Alert, Form, Input, Modal, Typography, type ButtonProps } from 'antd';
import { useRef, useState } from 'react';
import { useLang } from '../../../app/i18n/language';
import { useT } from '../../../app/i18n/use-t';
import { isApiError } from '../../../lib/api-error';
import { clearChangedFieldErrors } from '../../../lib/form-errors';
import { parseForForm, showServerErrors } from '../../../lib/schema-form';
import { formatAmount, parseAmount } from '../amounts';
import { useMove, useTransfer, type Card, type MovementResult } from '../api';
import { useIdempotencyKey } from '../idempotency-key';
import { TransferTargetSelect } from './TransferTargetSelect';

export type MovementMode = DirectKind | 'transfer';
interface Values {
  amount?: string;
  note?: string;
  toCardId?: string;
}
const FIELDS = ['amount', 'note', 'toCardId'] as const;

/**
 * Top-up, spend, refund, points or a transfer: the amount typed in the card's unit (元 for stored value,
 * sent in fen), checked by the shared schema, sent with one Idempotency-Key per action so that a double
 * click or a retry after a network failure never moves the balance twice.
 */
export function MovementDialog({ card, mode, onClose, onDone }: { card: Card; mode: MovementMode; onClose: () => void; onDone: (r: MovementResult) => void }) {
  const t = useT();
  const { lang } = useLang();
  const [form] = Form.useForm<Values>();
  const move = useMove(card.id);
  const transfer = useTransfer(card.id);
  const idem = useIdempotencyKey();
  const inFlight = useRef(false);
  const [error, setError] = useState<string | null>(null);
  const [networkFailed, setNetworkFailed] = useState(false);

  const submit = () => {
    if (inFlight.current) return; // the second click of a double click: the first is on its way
    const values = form.getFieldsValue(true) as Values;
    const amount = parseAmount(values.amount, card.unit);
    if (Number.isNaN(amount) || amount <= 0) {
      form.setFields([{ name: 'amount', errors: [t(card.unit === 'fen' ? 'cards.form.amountInvalid' : 'cards.form.countInvalid')] }]);
      return;
    }
    const note = values.note?.trim() || undefined;
    const body =
      mode === 'transfer'
        ? parseForForm(form, cardTransferSchema, { toCardId: values.toCardId ?? '', amount, note }, lang, FIELDS)
        : parseForForm(form, cardMovementSchema, { kind: mode, amount, note }, lang, FIELDS);
    if (!body) return;
    const key = idem.keyFor(body);
    inFlight.current = true;
    setError(null);
    const settled = {
      onSuccess: (r: MovementResult) => {
        idem.done();
        onDone(r);
      },
      onError: (err: Error) => {
        // a failure without an answer may have been applied: the same key resends it safely
        setNetworkFailed(!isApiError(err));
        setError(isApiError(err) ? showServerErrors(form, err, FIELDS) : null);
      },
      onSettled: () => {
        inFlight.current = false;
      },
    };
    if (mode === 'transfer') transfer.mutate({ body: body as { toCardId: string; amount: number; note?: string }, key }, settled);
    else move.mutate({ body: body as { kind: DirectKind; amount: number; note?: string }, key }, settled);
  };

  const title = mode === 'transfer' ? t('cards.action.transfer') : t(`cards.action.${mode}`);
  return (
    <Modal
      open
      title={`${title} · ${card.number}`}
      okText={t('cards.form.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'movement-submit' } as ButtonProps}
      cancelButtonProps={{ 'data-testid': 'movement-cancel' } as ButtonProps}
      confirmLoading={move.isPending || transfer.isPending}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('cards.form.balanceNow', { balance: formatAmount(t, card.balance, card.unit) })}</Typography.Paragraph>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="movement-error" /> : null}
      {networkFailed ? <Alert type="warning" showIcon title={t('cards.form.retryHint')} style={{ marginBottom: 12 }} data-testid="movement-retry" /> : null}
      <Form form={form} layout="vertical" data-testid="movement-form" onValuesChange={(changed) => clearChangedFieldErrors(form, changed)} onFinish={submit}>
        {mode === 'transfer' ? (
          <Form.Item name="toCardId" label={t('cards.form.toCard')} required>
            <TransferTargetSelect card={card} />
          </Form.Item>
        ) : null}
        <Form.Item name="amount" label={t(`cards.form.amount.${card.unit}`)} required>
          <Input inputMode="decimal" autoFocus data-testid="field-amount" autoComplete="off" />
        </Form.Item>
        <Form.Item name="note" label={t('cards.form.note')}>
          <Input maxLength={200} data-testid="field-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
