import { cardTypeInputSchema } from '@kefu/shared/card';
import { CARD_KINDS, CARD_UNITS, type CardKind } from '@kefu/shared/card-ledger';
import { Alert, App, Form, Input, Modal, Select, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useLang } from '../../../app/i18n/language';
import { useT } from '../../../app/i18n/use-t';
import { clearChangedFieldErrors } from '../../../lib/form-errors';
import { parseForForm, showServerErrors } from '../../../lib/schema-form';
import { parseAmount } from '../amounts';
import { useCreateCardType } from '../api';
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

/** 新建卡类型: checked by the shared schema; the low-balance line typed in 元 for stored value (sent in fen). */
export function CardTypeDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const kindLabel = useCardKindLabel();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? 'stored_value';
  const create = useCreateCardType();
  const [error, setError] = useState<string | null>(null);

  const submit = () => {
    if (create.isPending) return;
    const v = form.getFieldsValue(true) as Values;
    const unit = CARD_UNITS[v.kind ?? 'stored_value'];
    const low = v.lowBalanceThreshold?.trim() ? parseAmount(v.lowBalanceThreshold, unit) : 0;
    if (Number.isNaN(low))
      return form.setFields([{ name: 'lowBalanceThreshold', errors: [t(unit === 'fen' ? 'cards.form.amountInvalid' : 'cards.form.countInvalid')] }]);
    const days = v.validityDays?.trim() ? Number(v.validityDays) : null;
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
      title={t('cards.types.new')}
      okText={t('cards.form.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'type-submit' } as ButtonProps}
      confirmLoading={create.isPending}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      <Form form={form} layout="vertical" initialValues={{ kind: 'stored_value' }} onValuesChange={(changed) => clearChangedFieldErrors(form, changed)}>
        <Form.Item name="name" label={t('cards.types.name')} required>
          <Input maxLength={50} data-testid="field-type-name" />
        </Form.Item>
        <Form.Item name="kind" label={t('cards.types.kind')} required>
          <Select options={CARD_KINDS.map((k) => ({ value: k, label: kindLabel(k) }))} data-testid="field-type-kind" />
        </Form.Item>
        <Form.Item name="code" label={t('cards.types.code')} required>
          <Input maxLength={32} placeholder="value_card" data-testid="field-type-code" />
        </Form.Item>
        <Form.Item name="prefix" label={t('cards.types.prefix')} required>
          <Input maxLength={4} placeholder="HY" data-testid="field-type-prefix" />
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
