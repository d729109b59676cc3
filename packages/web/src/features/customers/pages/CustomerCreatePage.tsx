import { customerCreateSchema } from '@kefu/shared/customer';
import { Alert, App, Button, Card, Form, Space } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useLang } from '../../../app/i18n/language';
import { useT } from '../../../app/i18n/use-t';
import { PageHeader } from '../../../components/PageHeader';
import { errorText, isApiError } from '../../../lib/api-error';
import { clearChangedFieldErrors, toFormFields, zodFieldErrors } from '../../../lib/form-errors';
import { useSession } from '../../auth/session';
import { useCreateCustomer } from '../api';
import { CustomerFormFields } from '../components/CustomerFormFields';
import { DuplicateHint } from '../components/DuplicateHint';
import { EMPTY_CUSTOMER, FORM_FIELDS, toInput, type CustomerFormValues } from '../form-values';

/** 新建客户: the shared schema checks the form here first, the server checks it again. */
export function CustomerCreatePage() {
  const t = useT();
  const { lang } = useLang();
  const { can } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<CustomerFormValues>();
  // the screen pop of an unknown caller opens this form with the number: a mobile, or another phone
  const [params] = useSearchParams();
  const prefill = params.get('mobile');
  const prefilled = prefill ? (/^1\d{10}$/.test(prefill) ? { mobile: prefill } : { otherPhones: [prefill] }) : {};
  const mobile = Form.useWatch('mobile', form);
  const create = useCreateCustomer();
  const [others, setOthers] = useState<string[]>([]);

  const showErrors = (errors: { path: string; message: string }[]) => {
    const mapped = toFormFields<CustomerFormValues>(errors, FORM_FIELDS);
    form.setFields(mapped.fields);
    setOthers(mapped.others);
    if (mapped.firstField) form.scrollToField(mapped.firstField, { block: 'center' });
  };

  const submit = (values: CustomerFormValues) => {
    const input = toInput(values);
    const parsed = customerCreateSchema.safeParse(input);
    if (!parsed.success) return showErrors(zodFieldErrors(parsed.error, lang));
    setOthers([]);
    create.mutate(input, {
      onSuccess: (customer) => {
        void message.success(t('customerForm.created', { name: customer.name }));
        void navigate(`/customers/${customer.id}`);
      },
      onError: (err) => {
        if (isApiError(err) && err.fieldErrors.length) showErrors(err.fieldErrors);
        else setOthers([errorText(err)]);
      },
    });
  };

  return (
    <>
      <PageHeader title={t('customers.new')} />
      <Card variant="borderless" style={{ maxWidth: 980 }}>
        {others.length ? <Alert type="error" showIcon title={others.join('；')} style={{ marginBottom: 16 }} /> : null}
        <Form<CustomerFormValues>
          form={form}
          layout="vertical"
          key={prefill ?? ''}
          initialValues={{ ...EMPTY_CUSTOMER, ...prefilled }}
          onFinish={submit}
          onValuesChange={(changed: object) => clearChangedFieldErrors(form, changed)}
          onFinishFailed={() => void message.error(t('common.fixFields'))}
          scrollToFirstError
          data-testid="customer-form"
        >
          <CustomerFormFields mobileExtra={<DuplicateHint mobile={mobile} />} showOwner={can('customer:assign')} />
          <Space>
            <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="customer-save">
              {t('customerForm.create')}
            </Button>
            <Button onClick={() => void navigate(-1)}>{t('common.cancel')}</Button>
          </Space>
        </Form>
      </Card>
    </>
  );
}
