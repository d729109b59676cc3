import { DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { BUILTIN_ROLES } from '@kefu/shared/permissions';
import { Avatar, Dropdown, Space, Tag } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useLogout } from '../../features/auth/api';
import { ChangePasswordDialog } from '../../features/auth/ChangePasswordDialog';
import { useSession } from '../../features/auth/session';
import { useLang } from '../i18n/language';
import { useT } from '../i18n/use-t';

export function roleLabel(name: string, lang: 'zh-CN' | 'en'): string {
  const role = BUILTIN_ROLES.find((r) => r.name === name);
  if (!role) return name;
  return lang === 'zh-CN' ? role.labelZh : role.labelEn;
}

/** Who is signed in, with their roles; change password; sign out. */
export function UserMenu() {
  const t = useT();
  const { lang } = useLang();
  const { user } = useSession();
  const logout = useLogout();
  const navigate = useNavigate();
  const [changing, setChanging] = useState(false);

  const items = [
    { key: 'password', icon: <KeyOutlined />, label: t('layout.changePassword'), onClick: () => setChanging(true) },
    { type: 'divider' as const },
    {
      key: 'logout',
      icon: <LogoutOutlined />,
      label: t('layout.signOut'),
      onClick: () => logout.mutate(undefined, { onSettled: () => void navigate('/login', { replace: true }) }),
    },
  ];
  return (
    <>
      <Space size={4}>
        {user.roles.map((r) => (
          <Tag key={r} color="blue" variant="filled">
            {roleLabel(r, lang)}
          </Tag>
        ))}
      </Space>
      <Dropdown menu={{ items }} trigger={['click']}>
        <a onClick={(e) => e.preventDefault()} data-testid="user-menu" style={{ color: 'inherit' }}>
          <Space>
            <Avatar size="small" icon={<UserOutlined />} style={{ background: '#1f6feb' }} />
            <span>{user.displayName}</span>
            {user.agentNo ? <span style={{ color: '#8c8c8c' }}>#{user.agentNo}</span> : null}
            <DownOutlined style={{ fontSize: 10 }} />
          </Space>
        </a>
      </Dropdown>
      <ChangePasswordDialog open={changing || user.mustChangePassword} forced={user.mustChangePassword} onClose={() => setChanging(false)} />
    </>
  );
}
