import { PERMISSIONS, type Permission } from '@kefu/shared/permissions';
import { App, Badge, Button, Card, Checkbox, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useLang } from '../../../app/i18n/language';
import { useT } from '../../../app/i18n/use-t';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { errorText } from '../../../lib/api-error';
import { useRoles, useUpdateRole, type Role } from '../api';
import { PERMISSION_LABELS } from '../permission-text';

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** 角色与权限: a matrix of permissions by role; each changed role is saved with its whole permission set. */
export function RolesPage() {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const roles = useRoles();
  const update = useUpdateRole();
  const [drafts, setDrafts] = useState<Record<string, Permission[]>>({});
  const current = (r: Role) => drafts[r.name] ?? r.permissions;
  const dirty = (roles.data ?? []).filter((r) => drafts[r.name] && !sameSet(drafts[r.name]!, r.permissions));

  const toggle = (r: Role, p: Permission, on: boolean) => {
    const set = current(r).filter((x) => x !== p);
    setDrafts({ ...drafts, [r.name]: on ? [...set, p] : set });
  };
  const save = async () => {
    for (const r of dirty) {
      try {
        await update.mutateAsync({ name: r.name, permissions: drafts[r.name]! });
        void message.success(t('admin.roles.saved', { role: lang === 'zh-CN' ? r.labelZh : r.labelEn }));
      } catch (err) {
        void message.error(errorText(err));
        return;
      }
    }
    setDrafts({});
  };

  const columns: TableColumnsType<{ permission: Permission }> = [
    {
      title: t('admin.roles.permission'),
      key: 'permission',
      fixed: 'left',
      width: 260,
      render: (_, { permission }) => (
        <div>
          <div>{PERMISSION_LABELS[permission][lang]}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} code>
            {permission}
          </Typography.Text>
        </div>
      ),
    },
    ...(roles.data ?? []).map((r) => ({
      title: <Badge dot={dirty.includes(r)}>{lang === 'zh-CN' ? r.labelZh : r.labelEn}</Badge>,
      key: r.name,
      align: 'center' as const,
      width: 110,
      render: (_: unknown, { permission }: { permission: Permission }) => (
        <Checkbox
          checked={current(r).includes(permission)}
          onChange={(e) => toggle(r, permission, e.target.checked)}
          data-testid={`perm-${r.name}-${permission}`}
        />
      ),
    })),
  ];
  return (
    <>
      <PageHeader
        title={t('admin.roles.title')}
        extra={
          <Space>
            {dirty.length ? <Typography.Text type="warning">{t('admin.roles.unsaved')}</Typography.Text> : null}
            <Button disabled={!dirty.length} onClick={() => setDrafts({})}>
              {t('common.reset')}
            </Button>
            <Button type="primary" disabled={!dirty.length} loading={update.isPending} onClick={() => void save()} data-testid="roles-save">
              {t('common.save')}
            </Button>
          </Space>
        }
      >
        <Typography.Text type="secondary">{t('admin.roles.help')}</Typography.Text>
      </PageHeader>
      <Card variant="borderless">
        <ErrorAlert error={roles.error} />
        <Table
          rowKey="permission"
          size="small"
          bordered
          loading={roles.isPending}
          columns={columns}
          dataSource={PERMISSIONS.map((permission) => ({ permission }))}
          pagination={false}
          scroll={{ x: 'max-content' }}
        />
      </Card>
    </>
  );
}
