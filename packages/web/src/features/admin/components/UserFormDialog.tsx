import { userCreateSchema, userUpdateSchema, type User } from '@kefu/shared/auth';
import { BUILTIN_ROLES } from '@kefu/shared/permissions';
import { Alert, App, Form, Input, Modal, Select, Switch } from 'antd';
import { useState } from 'react';
import { useLang } from '../../../app/i18n/language';
import { useT } from '../../../app/i18n/use-t';
import { clearChangedFieldErrors } from '../../../lib/form-errors';
import { parseForForm, showServerErrors } from '../../../lib/schema-form';
import { useCreateUser, useDepartments, useUpdateUser } from '../api';

interface Values {
  username?: string;
  displayName?: string;
  password?: string;
  roles?: string[];
  departmentId?: string | null;
  agentNo?: string | null;
  extension?: string | null;
  active?: boolean;
}
const FIELDS = ['username', 'displayName', 'password', 'roles', 'departmentId', 'agentNo', 'extension', 'active'];

/** Create a user, or edit one's name, roles, department, agent number and whether they may sign in. */
export function UserFormDialog({ user, open, onClose }: { user: User | null; open: boolean; onClose: () => void }) {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const departments = useDepartments();
  const create = useCreateUser();
  const update = useUpdateUser();
  const [general, setGeneral] = useState<string | null>(null);

  const submit = (values: Values) => {
    const input = { ...values, departmentId: values.departmentId ?? null, agentNo: values.agentNo?.trim() || null, extension: values.extension?.trim() || null };
    const schema = user ? userUpdateSchema : userCreateSchema;
    const body = user ? { ...input, username: undefined, password: undefined, version: user.version } : input;
    if (!parseForForm(form, schema, body, lang, FIELDS)) return;
    const callbacks = {
      onSuccess: () => {
        void message.success(t('admin.users.saved'));
        onClose();
      },
      onError: (err: unknown) => setGeneral(showServerErrors(form, err, FIELDS)),
    };
    if (user) update.mutate({ id: user.id, ...body }, callbacks);
    else create.mutate(body, callbacks);
  };
  return (
    <Modal
      open={open}
      title={user ? `${t('admin.users.edit')} · ${user.username}` : t('admin.users.new')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending || update.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      afterOpenChange={(opened) => opened || setGeneral(null)}
    >
      {general ? <Alert type="error" showIcon title={general} style={{ marginBottom: 12 }} /> : null}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        onValuesChange={(changed: object) => clearChangedFieldErrors(form, changed)}
        initialValues={user ?? { roles: ['agent'], active: true }}
        preserve={false}
      >
        {user ? null : (
          <Form.Item name="username" label={t('admin.users.username')} required>
            <Input autoComplete="off" maxLength={32} />
          </Form.Item>
        )}
        <Form.Item name="displayName" label={t('admin.users.displayName')} required>
          <Input maxLength={50} />
        </Form.Item>
        {user ? null : (
          <Form.Item name="password" label={t('admin.users.password')} required>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
        <Form.Item name="roles" label={t('admin.users.roles')} required>
          <Select mode="multiple" options={BUILTIN_ROLES.map((r) => ({ value: r.name, label: lang === 'zh-CN' ? r.labelZh : r.labelEn }))} />
        </Form.Item>
        <Form.Item name="departmentId" label={t('admin.users.department')}>
          <Select allowClear options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))} />
        </Form.Item>
        <Form.Item name="agentNo" label={t('admin.users.agentNo')}>
          <Input maxLength={16} />
        </Form.Item>
        <Form.Item name="extension" label={t('admin.users.extension')} extra={t('admin.users.extensionHint')}>
          <Input maxLength={10} data-testid="user-extension" />
        </Form.Item>
        {user ? (
          <Form.Item name="active" label={t('admin.users.active')} valuePropName="checked">
            <Switch checkedChildren={t('common.active')} unCheckedChildren={t('common.inactive')} />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
