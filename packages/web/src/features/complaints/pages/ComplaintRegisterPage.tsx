import { MAX_LOGGED_LATE_DAYS, registerComplaintBody } from '@kefu/shared/complaint';
import { translate } from '@kefu/shared/messages';
import { Alert, App, Button, Card, Form, Space, Spin } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useLang } from '../../../app/i18n/language';
import { useT } from '../../../app/i18n/use-t';
import { PageHeader } from '../../../components/PageHeader';
import { errorText, isApiError } from '../../../lib/api-error';
import { clearChangedFieldErrors, toFormFields, zodFieldErrors } from '../../../lib/form-errors';
import { useSession } from '../../auth/session';
import { useLinkedCustomer, useRegisterComplaint } from '../api';
import type { PickedCustomer } from '../components/CustomerSearchSelect';
import { RegisterFormFields } from '../components/RegisterFormFields';
import { REGISTER_FIELDS, registerDefaults, toRegisterInput, type RegisterValues } from '../register-values';

/** 客诉登记: fast enough to fill while the customer is on the phone; opened from a customer, it is linked already. */
export function ComplaintRegisterPage() {
  const [search] = useSearchParams();
  const customerId = search.get('customerId');
  const customer = useLinkedCustomer(customerId);
  if (customerId && customer.isPending) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  const c = customerId && customer.data ? { id: customer.data.id, name: customer.data.name, mobile: customer.data.mobile, masked: customer.data.masked } : null;
  return <RegisterForm customer={c} />;
}

function RegisterForm({ customer }: { customer: PickedCustomer | null }) {
  const t = useT();
  const { lang } = useLang();
  const { user } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<RegisterValues>();
  const register = useRegisterComplaint();
  const [others, setOthers] = useState<string[]>([]);
  const [phoneHidden, setPhoneHidden] = useState(!!customer?.masked);
  const [initial] = useState<RegisterValues>(() => ({
    ...registerDefaults(user.id),
    customerId: customer?.id ?? null,
    complainantName: customer?.name ?? '',
    complainantPhone: customer && !customer.masked ? (customer.mobile ?? '') : '',
  }));

  const showErrors = (errors: { path: string; message: string }[]) => {
    const mapped = toFormFields<RegisterValues>(errors, REGISTER_FIELDS);
    form.setFields(mapped.fields);
    setOthers(mapped.others);
    if (mapped.firstField) form.scrollToField(mapped.firstField, { block: 'center' });
  };

  /** Picking a customer fills who is calling; a number this reader may not see is left for them to ask. */
  const picked = (c: PickedCustomer | null) => {
    setPhoneHidden(!!c?.masked);
    if (!c) return;
    form.setFieldsValue({ complainantName: c.name, complainantPhone: c.masked ? '' : (c.mobile ?? '') });
    clearChangedFieldErrors(form, { complainantName: true, complainantPhone: true });
  };

  const submit = (values: RegisterValues) => {
    const input = toRegisterInput(values);
    const parsed = registerComplaintBody.safeParse(input);
    const errors = parsed.success ? [] : zodFieldErrors(parsed.error, lang);
    // never later than now (a letter or a walk-in may be logged later, so earlier is fine)
    if (values.receivedAt?.isAfter(dayjs())) errors.push({ path: 'receivedAt', message: translate('complaint.received_in_future', lang) });
    if (values.receivedAt?.isBefore(dayjs().subtract(MAX_LOGGED_LATE_DAYS, 'day'))) {
      errors.push({ path: 'receivedAt', message: translate('complaint.received_too_early', lang, { days: MAX_LOGGED_LATE_DAYS }) });
    }
    if (errors.length) return showErrors(errors);
    setOthers([]);
    register.mutate(input, {
      onSuccess: (c) => void navigate(`/complaints/${c.id}`, { state: { registered: true } }),
      onError: (err) => {
        if (isApiError(err) && err.fieldErrors.length) showErrors(err.fieldErrors);
        else setOthers([errorText(err)]);
      },
    });
  };

  return (
    <>
      <PageHeader title={t('complaints.register')} />
      <Card variant="borderless" style={{ maxWidth: 1080 }}>
        {others.length ? <Alert type="error" showIcon title={others.join('；')} style={{ marginBottom: 16 }} /> : null}
        <Form<RegisterValues>
          form={form}
          layout="vertical"
          initialValues={initial}
          onFinish={submit}
          onValuesChange={(changed: object) => clearChangedFieldErrors(form, changed)}
          onFinishFailed={() => void message.error(t('common.fixFields'))}
          data-testid="complaint-form"
        >
          <RegisterFormFields initialCustomer={customer} onPickCustomer={picked} phoneExtra={phoneHidden ? t('complaintForm.phoneHidden') : undefined} />
          <Space>
            <Button type="primary" htmlType="submit" loading={register.isPending} data-testid="complaint-save">
              {t('complaintForm.submit')}
            </Button>
            <Button onClick={() => void navigate(-1)}>{t('common.cancel')}</Button>
          </Space>
        </Form>
      </Card>
    </>
  );
}
