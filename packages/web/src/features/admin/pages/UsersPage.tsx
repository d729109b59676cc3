import { PlusOutlined } from '@ant-design/icons';
import type { User } from '@kefu/shared/auth';
import { Button, Card, Input, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useLang } from '../../../app/i18n/language';
import { roleLabel } from '../../../app/layout/UserMenu';
import { useT } from '../../../app/i18n/use-t';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { useDepartments, useUsers } from '../api';
import { ResetPasswordDialog } from '../components/ResetPasswordDialog';
import { UserFormDialog } from '../components/UserFormDialog';

/** 用户: who may sign in, with which roles, in which department. */
export function UsersPage() {
  const t = useT();
  const { lang } = useLang();
  const users = useUsers();
  const departments = useDepartments();
  const [filter, setFilter] = useState('');
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const departmentName = (id: string | null) => departments.data?.find((d) => d.id === id)?.name ?? '—';
  const needle = filter.trim().toLowerCase();
  const rows = (users.data ?? []).filter((u) => !needle || [u.displayName, u.username, u.agentNo ?? ''].some((v) => v.toLowerCase().includes(needle)));

  const columns: TableColumnsType<User> = [
    {
      title: t('admin.users.displayName'),
      dataIndex: 'displayName',
      render: (name: string, u) => (u.active ? name : <Typography.Text type="secondary">{name}</Typography.Text>),
    },
    { title: t('admin.users.username'), dataIndex: 'username' },
    { title: t('admin.users.agentNo'), dataIndex: 'agentNo', render: (v: string | null) => v ?? '—' },
    { title: t('admin.users.extension'), dataIndex: 'extension', render: (v: string | null) => v ?? '—' },
    { title: t('admin.users.roles'), dataIndex: 'roles', render: (roles: string[]) => roles.map((r) => <Tag key={r}>{roleLabel(r, lang)}</Tag>) },
    { title: t('admin.users.department'), dataIndex: 'departmentId', render: departmentName },
    {
      title: t('admin.users.active'),
      dataIndex: 'active',
      render: (a: boolean) => (a ? <Tag color="green">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>),
    },
    {
      title: t('admin.users.lastLogin'),
      dataIndex: 'lastLoginAt',
      render: (at: string | null) => (at ? dayjs(at).format('YYYY-MM-DD HH:mm') : t('admin.users.neverLoggedIn')),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, u) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setEditing(u)} data-testid="user-edit">
            {t('common.edit')}
          </Button>
          <Button type="link" size="small" onClick={() => setResetting(u)}>
            {t('admin.users.resetPassword')}
          </Button>
        </Space>
      ),
    },
  ];
  return (
    <>
      <PageHeader
        title={t('admin.users.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="user-new">
            {t('admin.users.new')}
          </Button>
        }
      />
      <Card variant="borderless">
        <Input.Search
          allowClear
          placeholder={t('admin.users.searchPlaceholder')}
          style={{ width: 320, marginBottom: 12 }}
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
        <ErrorAlert error={users.error} />
        <Table<User>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={rows}
          loading={users.isPending}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
        />
      </Card>
      <UserFormDialog user={editing === 'new' ? null : editing} open={editing !== null} onClose={() => setEditing(null)} />
      <ResetPasswordDialog user={resetting} onClose={() => setResetting(null)} />
    </>
  );
}
