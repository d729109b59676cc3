import { apiKeyCreateSchema } from '@kefu/shared/auth';
import { PERMISSIONS, type Permission } from '@kefu/shared/permissions';
import { Alert, Button, Checkbox, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useLang } from '../../../app/i18n/language';
import { useT } from '../../../app/i18n/use-t';
import { parseForForm, showServerErrors } from '../../../lib/schema-form';
import { useCreateApiKey } from '../api';
import { PERMISSION_LABELS } from '../permission-text';

interface Values {
  name: string;
  permissions: Permission[];
}

/** Create a key; its secret is shown exactly once, with a copy button. */
export function CreateApiKeyDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const { lang } = useLang();
  const [form] = Form.useForm<Values>();
  const create = useCreateApiKey();
  const [secret, setSecret] = useState<string | null>(null);
  const [general, setGeneral] = useState<string | null>(null);

  const close = () => {
    setSecret(null);
    setGeneral(null);
    create.reset();
    onClose();
  };
  const submit = (values: Values) => {
    const body = parseForForm(form, apiKeyCreateSchema, { name: values.name ?? '', permissions: values.permissions ?? [] }, lang, ['name', 'permissions']);
    if (!body) return;
    create.mutate(body, { onSuccess: (r) => setSecret(r.key), onError: (err) => setGeneral(showServerErrors(form, err, ['name', 'permissions'])) });
  };
  return (
    <Modal
      open={open}
      title={secret ? t('admin.apiKeys.created') : t('admin.apiKeys.new')}
      onCancel={close}
      destroyOnHidden
      mask={{ closable: !secret }}
      footer={
        secret ? (
          <Button type="primary" onClick={close}>
            {t('common.confirm')}
          </Button>
        ) : (
          [
            <Button key="cancel" onClick={close}>
              {t('common.cancel')}
            </Button>,
            <Button key="ok" type="primary" loading={create.isPending} onClick={() => form.submit()}>
              {t('common.create')}
            </Button>,
          ]
        )
      }
    >
      {secret ? (
        <>
          <Alert type="warning" showIcon title={t('admin.apiKeys.showOnce')} style={{ marginBottom: 12 }} />
          <Typography.Paragraph
            copyable={{ text: secret, tooltips: [t('common.copy'), t('common.copied')] }}
            code
            data-testid="apikey-secret"
            style={{ wordBreak: 'break-all' }}
          >
            {secret}
          </Typography.Paragraph>
        </>
      ) : (
        <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ permissions: [] }}>
          {general ? <Alert type="error" showIcon title={general} style={{ marginBottom: 12 }} /> : null}
          <Form.Item name="name" label={t('admin.apiKeys.name')} required>
            <Input maxLength={64} />
          </Form.Item>
          <Form.Item name="permissions" label={t('admin.apiKeys.permissions')} required>
            <Checkbox.Group
              style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 6 }}
              options={PERMISSIONS.map((p) => ({ value: p, label: PERMISSION_LABELS[p][lang] }))}
            />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
