import type { User } from '@kefu/shared/auth';
import { userUpdateSchema } from '@kefu/shared/auth';
import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useLang } from '../../../app/i18n/language';
import { useT } from '../../../app/i18n/use-t';
import { parseForForm, showServerErrors } from '../../../lib/schema-form';
import { useUpdateUser } from '../api';

/** Set a new password for someone who forgot theirs; they must change it when they next sign in. */
export function ResetPasswordDialog({ user, onClose }: { user: User | null; onClose: () => void }) {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string }>();
  const update = useUpdateUser();
  const [general, setGeneral] = useState<string | null>(null);

  const submit = ({ password }: { password: string }) => {
    if (!user) return;
    const body = { password, version: user.version };
    if (!parseForForm(form, userUpdateSchema, body, lang, ['password'])) return;
    update.mutate(
      { id: user.id, ...body },
      {
        onSuccess: () => {
          void message.success(t('admin.users.passwordReset'));
          onClose();
        },
        onError: (err) => setGeneral(showServerErrors(form, err, ['password'])),
      },
    );
  };
  return (
    <Modal
      open={!!user}
      title={`${t('admin.users.resetPassword')} · ${user?.displayName ?? ''}`}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={update.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {general ? <Alert type="error" showIcon title={general} style={{ marginBottom: 12 }} /> : null}
      <Typography.Paragraph type="secondary">{t('admin.users.resetPassword.help')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
        <Form.Item name="password" label={t('admin.users.newPassword')} required>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
