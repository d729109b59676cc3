import { customerUpdateSchema, type Customer } from '@kefu/shared/customer';
import { Alert, App, Button, Form, Space } from 'antd';
import { useState } from 'react';
import { useLang } from '../../../app/i18n/language';
import { useT } from '../../../app/i18n/use-t';
import { errorText, isApiError } from '../../../lib/api-error';
import { clearChangedFieldErrors, toFormFields, zodFieldErrors } from '../../../lib/form-errors';
import { useUpdateCustomer } from '../api';
import { changedFields, FORM_FIELDS, type CustomerFormValues } from '../form-values';
import { ConflictAlert } from './ConflictAlert';
import { CustomerFormFields } from './CustomerFormFields';
import { DuplicateHint } from './DuplicateHint';
import type { RevealedNumbers } from './RevealButton';
import { editValues } from './edit-values';

/**
 * Edit with the update schema: only changed fields are sent, with the version the editor started from.
 * When someone else saved first (409) the editor loads the latest version without losing their input.
 */
export function EditCustomerForm({ customer, numbers, onDone }: { customer: Customer; numbers: RevealedNumbers | null; onDone: () => void }) {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<CustomerFormValues>();
  const [base, setBase] = useState(customer);
  const [conflict, setConflict] = useState(false);
  const [others, setOthers] = useState<string[]>([]);
  const [theirs, setTheirs] = useState<string[] | null>(null);
  const update = useUpdateCustomer(customer.id);
  const mobile = Form.useWatch('mobile', form);
  const initial = editValues(base, numbers);

  const showErrors = (errors: { path: string; message: string }[]) => {
    const mapped = toFormFields<CustomerFormValues>(errors, FORM_FIELDS);
    form.setFields(mapped.fields);
    setOthers(mapped.others);
  };

  const submit = () => {
    const changes = changedFields(initial, form.getFieldsValue(true) as CustomerFormValues);
    if (Object.keys(changes).length === 0) return void message.info(t('customer.edit.nothing'));
    const body = { ...changes, version: base.version };
    const parsed = customerUpdateSchema.safeParse(body);
    if (!parsed.success) return showErrors(zodFieldErrors(parsed.error, lang));
    setOthers([]);
    update.mutate(body, {
      onSuccess: () => {
        void message.success(t('common.saved'));
        onDone();
      },
      onError: (err) => {
        if (isApiError(err) && err.code === 'customer.version_conflict') setConflict(true);
        else if (isApiError(err) && err.fieldErrors.length) showErrors(err.fieldErrors);
        else setOthers([errorText(err)]);
      },
    });
  };

  const loaded = (latest: Customer, theirFields: string[]) => {
    const mine = changedFields(initial, form.getFieldsValue(true) as CustomerFormValues);
    form.setFieldsValue({ ...editValues(latest, numbers), ...(mine as CustomerFormValues) });
    setBase(latest);
    setConflict(false);
    setTheirs(theirFields);
  };

  return (
    <>
      {conflict ? <ConflictAlert customerId={customer.id} base={base} onLoaded={loaded} /> : null}
      {theirs ? (
        <Alert
          type="info"
          showIcon
          closable
          style={{ marginBottom: 16 }}
          title={t('customer.conflict.loaded')}
          description={theirs.length ? t('customer.conflict.changed', { fields: theirs.join('、') }) : undefined}
        />
      ) : null}
      {others.length ? <Alert type="error" showIcon title={others.join('；')} style={{ marginBottom: 16 }} /> : null}
      <Form<CustomerFormValues>
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={submit}
        onValuesChange={(changed: object) => clearChangedFieldErrors(form, changed)}
        data-testid="customer-edit-form"
      >
        <CustomerFormFields
          maskedFields={base.masked && !numbers ? (['mobile', 'idNumber', 'otherPhones'] as const).filter((f) => base[f]?.length) : []}
          mobileExtra={mobile !== initial.mobile ? <DuplicateHint mobile={mobile} exceptId={customer.id} /> : undefined}
        />
        <Space>
          <Button type="primary" htmlType="submit" loading={update.isPending} data-testid="customer-save">
            {t('common.save')}
          </Button>
          <Button onClick={onDone}>{t('common.cancel')}</Button>
        </Space>
      </Form>
    </>
  );
}
