import { cardIssueSchema } from '@kefu/shared/card';
import { Alert, App, Form, Modal, Select, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useLang } from '../../../app/i18n/language';
import { useT } from '../../../app/i18n/use-t';
import { clearChangedFieldErrors } from '../../../lib/form-errors';
import { parseForForm, showServerErrors } from '../../../lib/schema-form';
import { useCardTypes, useIssueCard } from '../api';
import { useCardKindLabel } from '../labels';

const FIELDS = ['typeId'] as const;

/** 开卡 from the customer's page: choose one of the active card types; the new card's page opens. */
export function IssueCardDialog({ customer, onClose }: { customer: { id: string; name: string }; onClose: () => void }) {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<{ typeId?: string }>();
  const types = useCardTypes();
  const issue = useIssueCard();
  const kindLabel = useCardKindLabel();
  const [error, setError] = useState<string | null>(null);
  const active = (types.data?.items ?? []).filter((ct) => ct.active);

  const submit = () => {
    if (issue.isPending) return;
    const body = parseForForm(form, cardIssueSchema, { typeId: form.getFieldValue('typeId') ?? '', customerId: customer.id }, lang, FIELDS);
    if (!body) return;
    setError(null);
    issue.mutate(body, {
      onSuccess: (card) => {
        void message.success(t('cards.issue.done', { number: card.number }));
        onClose();
        void navigate(`/cards/${card.id}`);
      },
      onError: (err) => setError(showServerErrors(form, err, FIELDS)),
    });
  };

  return (
    <Modal
      open
      title={t('cards.issue.title', { name: customer.name })}
      okText={t('cards.form.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'issue-submit', disabled: !active.length } as ButtonProps}
      confirmLoading={issue.isPending}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
    >
      {types.isSuccess && !active.length ? <Alert type="info" showIcon title={t('cards.issue.noTypes')} style={{ marginBottom: 12 }} /> : null}
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      <Form form={form} layout="vertical" onValuesChange={(changed) => clearChangedFieldErrors(form, changed)}>
        <Form.Item name="typeId" label={t('cards.issue.type')} required>
          <Select
            data-testid="field-card-type"
            loading={types.isPending}
            options={active.map((ct) => ({ value: ct.id, label: `${ct.name}（${kindLabel(ct.kind)}${ct.course ? ` · ${ct.course}` : ''}）` }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
