import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Popconfirm, Table, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useLang } from '../../../app/i18n/language';
import { useT } from '../../../app/i18n/use-t';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { errorText } from '../../../lib/api-error';
import { useApiKeys, useRevokeApiKey, type ApiKey } from '../api';
import { CreateApiKeyDialog } from '../components/CreateApiKeyDialog';
import { PERMISSION_LABELS } from '../permission-text';

const time = (at: string | null) => (at ? dayjs(at).format('YYYY-MM-DD HH:mm') : null);

/** API 密钥: keys for integrations; created (shown once) and revoked here. */
export function ApiKeysPage() {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const keys = useApiKeys();
  const revoke = useRevokeApiKey();
  const [creating, setCreating] = useState(false);

  const columns: TableColumnsType<ApiKey> = [
    { title: t('admin.apiKeys.name'), dataIndex: 'name' },
    { title: t('admin.apiKeys.prefix'), dataIndex: 'prefix', render: (p: string) => <Typography.Text code>{p}…</Typography.Text> },
    {
      title: t('admin.apiKeys.permissions'),
      dataIndex: 'permissions',
      render: (ps: ApiKey['permissions']) =>
        ps.map((p) => (
          <Tag key={p} title={p}>
            {PERMISSION_LABELS[p][lang]}
          </Tag>
        )),
    },
    { title: t('admin.apiKeys.createdAt'), dataIndex: 'createdAt', render: time },
    { title: t('admin.apiKeys.lastUsed'), dataIndex: 'lastUsedAt', render: (at: string | null) => time(at) ?? t('admin.apiKeys.never') },
    {
      title: t('admin.apiKeys.status'),
      dataIndex: 'revokedAt',
      render: (at: string | null) =>
        at ? (
          <Tag>
            {t('admin.apiKeys.revoked')} {time(at)}
          </Tag>
        ) : (
          <Tag color="green">{t('admin.apiKeys.valid')}</Tag>
        ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, k) =>
        k.revokedAt ? null : (
          <Popconfirm
            title={t('admin.apiKeys.revokeConfirm', { name: k.name })}
            okText={t('admin.apiKeys.revoke')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={() => revoke.mutateAsync(k.id).catch((err: unknown) => void message.error(errorText(err)))}
          >
            <Button type="link" danger size="small">
              {t('admin.apiKeys.revoke')}
            </Button>
          </Popconfirm>
        ),
    },
  ];
  return (
    <>
      <PageHeader
        title={t('admin.apiKeys.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="apikey-new">
            {t('admin.apiKeys.new')}
          </Button>
        }
      >
        <Typography.Text type="secondary">{t('admin.apiKeys.help')}</Typography.Text>
      </PageHeader>
      <Card variant="borderless">
        <ErrorAlert error={keys.error} />
        <Table<ApiKey> rowKey="id" size="middle" columns={columns} dataSource={keys.data ?? []} loading={keys.isPending} pagination={false} />
      </Card>
      <CreateApiKeyDialog open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
