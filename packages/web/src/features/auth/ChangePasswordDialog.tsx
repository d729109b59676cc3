import { changePasswordSchema } from '@kefu/shared/auth';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useLang } from '../../app/i18n/language';
import { useT } from '../../app/i18n/use-t';
import { errorText, isApiError } from '../../lib/api-error';
import { toFormFields, zodFieldErrors } from '../../lib/form-errors';
import { useChangePassword } from './api';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}
const FIELDS = ['currentPassword', 'newPassword'] as const;

/** Change one's own password; `forced` when an administrator set it (it cannot be dismissed then). */
export function ChangePasswordDialog({ open, forced, onClose }: { open: boolean; forced: boolean; onClose: () => void }) {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const change = useChangePassword();

  const submit = (values: Values) => {
    const parsed = changePasswordSchema.safeParse(values);
    if (!parsed.success) {
      form.setFields(toFormFields<Values>(zodFieldErrors(parsed.error, lang), FIELDS).fields);
      return;
    }
    change.mutate(parsed.data, {
      onSuccess: () => {
        void message.success(t('auth.passwordChanged'));
        form.resetFields();
        onClose();
      },
      onError: (err) => {
        if (isApiError(err)) form.setFields(toFormFields<Values>(err.fieldErrors, FIELDS).fields);
      },
    });
  };

  const generalError = change.error && !(isApiError(change.error) && change.error.fieldErrors.length) ? errorText(change.error) : null;
  return (
    <Modal
      open={open}
      title={t('auth.changePassword.title')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={forced ? undefined : onClose}
      closable={!forced}
      mask={{ closable: !forced }}
      cancelButtonProps={{ style: forced ? { display: 'none' } : undefined }}
      confirmLoading={change.isPending}
      destroyOnHidden
    >
      {forced ? <Alert type="warning" showIcon title={t('auth.changePassword.forced')} style={{ marginBottom: 16 }} /> : null}
      {generalError ? <Alert type="error" showIcon title={generalError} style={{ marginBottom: 16 }} /> : null}
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item name="currentPassword" label={t('auth.currentPassword')}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item name="newPassword" label={t('auth.newPassword')}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label={t('auth.confirmPassword')}
          dependencies={['newPassword']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, value) => (value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('auth.passwordMismatch')))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
