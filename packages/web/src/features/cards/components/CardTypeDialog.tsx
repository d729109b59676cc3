import { cardTypeInputSchema, cardTypeUpdateSchema } from '@kefu/shared/card';
import { CARD_KINDS, CARD_UNITS, type CardKind } from '@kefu/shared/card-ledger';
import { Alert, App, Form, Input, Modal, Select, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useLang } from '../../../app/i18n/language';
import { useT } from '../../../app/i18n/use-t';
import { clearChangedFieldErrors } from '../../../lib/form-errors';
import { parseForForm, showServerErrors } from '../../../lib/schema-form';
import { fenToYuan } from '../../complaints/money';
import { parseAmount } from '../amounts';
import { useCreateCardType, useUpdateCardType, type CardType } from '../api';
import { useCardKindLabel } from '../labels';

interface Values {
  code?: string;
  name?: string;
  kind?: CardKind;
  prefix?: string;
  course?: string;
  validityDays?: string;
  lowBalanceThreshold?: string;
}
const FIELDS = ['code', 'name', 'kind', 'prefix', 'course', 'validityDays', 'lowBalanceThreshold'] as const;

/**
 * 新建 / 修改卡类型: checked by the shared schema; the low-balance line typed in 元 for stored value (sent in
 * fen). Editing keeps kind, code and prefix (cards already issued count in that unit under that prefix).
 */
export function CardTypeDialog({ onClose, type }: { onClose: () => void; type?: CardType }) {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const kindLabel = useCardKindLabel();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? 'stored_value';
  const create = useCreateCardType();
  const update = useUpdateCardType();
  const pending = create.isPending || update.isPending;
  const [error, setError] = useState<string | null>(null);

  const submit = () => {
    if (pending) return;
    const v = form.getFieldsValue(true) as Values;
    const unit = CARD_UNITS[v.kind ?? 'stored_value'];
    const low = v.lowBalanceThreshold?.trim() ? parseAmount(v.lowBalanceThreshold, unit) : 0;
    if (Number.isNaN(low))
      return form.setFields([{ name: 'lowBalanceThreshold', errors: [t(unit === 'fen' ? 'cards.form.amountInvalid' : 'cards.form.countInvalid')] }]);
    const days = v.validityDays?.trim() ? Number(v.validityDays) : null;
    if (type) {
      const patch = parseForForm(
        form,
        cardTypeUpdateSchema,
        { name: v.name ?? '', course: v.course?.trim() || null, validityDays: days, lowBalanceThreshold: low, active: type.active, version: type.version },
        lang,
        FIELDS,
      );
      if (!patch) return;
      setError(null);
      update.mutate(
        { id: type.id, body: patch },
        {
          onSuccess: () => {
            void message.success(t('cards.types.saved'));
            onClose();
          },
          onError: (err) => setError(showServerErrors(form, err, FIELDS)),
        },
      );
      return;
    }
    const body = parseForForm(
      form,
      cardTypeInputSchema,
      {
        code: v.code?.trim() ?? '',
        name: v.name ?? '',
        kind: v.kind ?? 'stored_value',
        prefix: v.prefix?.trim() ?? '',
        course: v.course?.trim() || null,
        validityDays: days,
        lowBalanceThreshold: low,
      },
      lang,
      FIELDS,
    );
    if (!body) return;
    setError(null);
    create.mutate(body, {
      onSuccess: () => {
        void message.success(t('cards.types.created'));
        onClose();
      },
      onError: (err) => setError(showServerErrors(form, err, FIELDS)),
    });
  };

  return (
    <Modal
      open
      title={type ? t('cards.types.edit', { name: type.name }) : t('cards.types.new')}
      okText={t('cards.form.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'type-submit' } as ButtonProps}
      confirmLoading={pending}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={type ? initialOf(type) : { kind: 'stored_value' }}
        onValuesChange={(changed) => clearChangedFieldErrors(form, changed)}
      >
        <Form.Item name="name" label={t('cards.types.name')} required>
          <Input maxLength={50} data-testid="field-type-name" />
        </Form.Item>
        <Form.Item name="kind" label={t('cards.types.kind')} required>
          <Select disabled={!!type} options={CARD_KINDS.map((k) => ({ value: k, label: kindLabel(k) }))} data-testid="field-type-kind" />
        </Form.Item>
        <Form.Item name="code" label={t('cards.types.code')} required>
          <Input disabled={!!type} maxLength={32} placeholder="value_card" data-testid="field-type-code" />
        </Form.Item>
        <Form.Item name="prefix" label={t('cards.types.prefix')} required>
          <Input disabled={!!type} maxLength={4} placeholder="HY" data-testid="field-type-prefix" />
        </Form.Item>
        {kind === 'lessons' ? (
          <Form.Item name="course" label={t('cards.types.course')}>
            <Input maxLength={50} />
          </Form.Item>
        ) : null}
        <Form.Item name="validityDays" label={t('cards.types.validityDays')}>
          <Input inputMode="numeric" data-testid="field-type-days" />
        </Form.Item>
        <Form.Item name="lowBalanceThreshold" label={`${t('cards.types.lowBalance')} · ${t(`cards.form.amount.${CARD_UNITS[kind]}`)}`}>
          <Input inputMode="decimal" data-testid="field-type-low" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The form's values of an existing type (the low-balance line back in 元 for stored value). */
function initialOf(ct: CardType): Values {
  const low = ct.unit === 'fen' ? fenToYuan(ct.lowBalanceThreshold) : String(ct.lowBalanceThreshold);
  return {
    name: ct.name,
    kind: ct.kind,
    code: ct.code,
    prefix: ct.prefix,
    course: ct.course ?? '',
    validityDays: ct.validityDays ? String(ct.validityDays) : '',
    lowBalanceThreshold: low,
  };
}
