import { customerCreateSchema, GENDERS, SOURCES, TITLES, type Customer } from '@kefu/shared/customer';
import { Alert, App, Button, Form, Input, Radio, Select, Space } from 'antd';
import { useState } from 'react';
import { useLang } from '../../../app/i18n/language';
import { useT } from '../../../app/i18n/use-t';
import { errorText, isApiError } from '../../../lib/api-error';
import { clearChangedFieldErrors, toFormFields, zodFieldErrors } from '../../../lib/form-errors';
import { DuplicateHint } from '../../customers/components/DuplicateHint';
import { EMPTY_CUSTOMER, FORM_FIELDS, toInput, type CustomerFormValues } from '../../customers/form-values';
import { useCustomerLabels } from '../../customers/labels';
import { useCallCustomer } from '../api';

interface Props {
  callId: string;
  /** the caller's number, normalised by the server: a mobile, or a landline (another phone) */
  number: string | null;
  onClose: () => void;
}

/**
 * 新建客户 inside the pop of an unknown caller, open by itself with the number filled in: the fields an
 * agent can ask during the call (the rest is on the customer page later). Saved through the call, so
 * the customer, the call and its interaction are linked in one transaction on the server.
 */
export function NewCallerForm({ callId, number, onClose }: Props) {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const labels = useCustomerLabels();
  const [form] = Form.useForm<CustomerFormValues>();
  const [others, setOthers] = useState<string[]>([]);
  const create = useCallCustomer(callId);
  const mobile = Form.useWatch('mobile', form);
  const prefilled = number ? (/^1\d{10}$/.test(number) ? { mobile: number } : { otherPhones: [number] }) : {};

  const showErrors = (errors: { path: string; message: string }[]) => {
    const mapped = toFormFields<CustomerFormValues>(errors, FORM_FIELDS);
    form.setFields(mapped.fields);
    setOthers(mapped.others);
  };

  const submit = (values: CustomerFormValues) => {
    const input = toInput({ ...EMPTY_CUSTOMER, ...values });
    const parsed = customerCreateSchema.safeParse(input);
    if (!parsed.success) return showErrors(zodFieldErrors(parsed.error, lang));
    setOthers([]);
    create.mutate(input, {
      onSuccess: (customer: Customer) => void message.success(t('customerForm.created', { name: customer.name })),
      onError: (err) => {
        if (isApiError(err) && err.fieldErrors.length) showErrors(err.fieldErrors);
        else setOthers([errorText(err)]);
      },
    });
  };

  return (
    <div data-testid="pop-new-customer-form" style={{ marginBottom: 16 }}>
      {others.length ? <Alert type="error" showIcon title={others.join('；')} style={{ marginBottom: 12 }} /> : null}
      <Form<CustomerFormValues>
        form={form}
        layout="vertical"
        size="small"
        initialValues={{ ...EMPTY_CUSTOMER, source: 'phone', ...prefilled }}
        onFinish={submit}
        onValuesChange={(changed: object) => clearChangedFieldErrors(form, changed)}
        requiredMark
      >
        <Form.Item name="name" label={t('customerForm.name')} required>
          <Input maxLength={50} autoFocus data-testid="pop-field-name" />
        </Form.Item>
        <Space size="large" wrap>
          <Form.Item name="title" label={t('customerForm.title')}>
            <Radio.Group options={TITLES.map((v) => ({ value: v, label: labels.title(v) }))} optionType="button" />
          </Form.Item>
          <Form.Item name="gender" label={t('customerForm.gender')}>
            <Radio.Group options={GENDERS.map((v) => ({ value: v, label: labels.gender(v) }))} optionType="button" />
          </Form.Item>
        </Space>
        <Form.Item name="mobile" label={t('customerForm.mobile')} extra={<DuplicateHint mobile={mobile} />}>
          <Input maxLength={20} inputMode="tel" data-testid="pop-field-mobile" />
        </Form.Item>
        <Form.Item name="otherPhones" label={t('customerForm.otherPhones')} extra={t('customerForm.otherPhones.help')}>
          <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={[',', '，', ' ']} data-testid="pop-field-other-phones" />
        </Form.Item>
        <Form.Item name="source" label={t('customerForm.source')}>
          <Select options={SOURCES.map((s) => ({ value: s, label: labels.source(s) }))} />
        </Form.Item>
        <Form.Item name="notes" label={t('customerForm.notes')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="pop-new-customer-save">
            {t('pop.saveCustomer')}
          </Button>
          <Button onClick={onClose} data-testid="pop-new-customer-close">
            {t('pop.notNow')}
          </Button>
        </Space>
      </Form>
    </div>
  );
}
