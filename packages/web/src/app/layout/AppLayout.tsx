import { CustomerServiceOutlined } from '@ant-design/icons';
import { Layout, Menu, type MenuProps } from 'antd';
import { useMemo, useState } from 'react';
import { Outlet, useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { useSession } from '../../features/auth/session';
import { NotificationBell } from '../../features/notifications/NotificationBell';
import { ScreenPop } from '../../features/call-centre/ScreenPop';
import type { Translate } from '../i18n/use-t';
import { useT } from '../i18n/use-t';
import { activeNavKey, NAV_ITEMS, navGroupOf, visibleNav, type NavItem } from '../nav';
import { LanguageSwitch } from './LanguageSwitch';
import { UserMenu } from './UserMenu';

type MenuItem = Required<MenuProps>['items'][number];

function toMenuItems(items: NavItem[], t: Translate): MenuItem[] {
  return items.map((item) =>
    item.children
      ? { key: item.key, icon: item.icon, label: t(item.label), children: toMenuItems(item.children, t), 'data-testid': `nav-group-${item.key}` }
      : { key: item.key, icon: item.icon, label: t(item.label), 'data-testid': `nav-${item.key}` },
  );
}

function findItem(items: NavItem[], key: string): NavItem | undefined {
  for (const item of items) {
    if (item.key === key) return item;
    const child = item.children && findItem(item.children, key);
    if (child) return child;
  }
  return undefined;
}

/** Left navigation of the areas the user may see; header with who is signed in and the language. */
export function AppLayout() {
  const t = useT();
  const { can } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [search] = useSearchParams();
  const [collapsed, setCollapsed] = useState(false);
  const nav = useMemo(() => visibleNav(NAV_ITEMS, can), [can]);
  const selected = activeNavKey(nav, location.pathname, search);
  // one group open at a time (the current page's, or the one last opened): the whole menu open is taller
  // than a laptop's screen
  const currentGroup = navGroupOf(nav, selected);
  const [openKeys, setOpenKeys] = useState<string[]>(currentGroup ? [currentGroup] : []);
  const [openedFor, setOpenedFor] = useState(currentGroup);
  if (openedFor !== currentGroup) {
    // moved to another area's page: its group opens (adjusting state while rendering, not in an effect)
    setOpenedFor(currentGroup);
    if (currentGroup && !openKeys.includes(currentGroup)) setOpenKeys([currentGroup]);
  }

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} width={208} theme="dark" className="app-sider">
        <div className="app-logo">
          <CustomerServiceOutlined style={{ fontSize: 20 }} />
          {collapsed ? null : <span>{t('app.name')}</span>}
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={selected ? [selected] : []}
          {...(collapsed ? {} : { openKeys, onOpenChange: (keys: string[]) => setOpenKeys(keys.filter((k) => !openKeys.includes(k)).slice(-1)) })}
          items={toMenuItems(nav, t)}
          onClick={({ key }) => {
            const to = findItem(nav, key)?.to;
            if (to) void navigate(to);
          }}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header className="app-header">
          <NotificationBell />
          <LanguageSwitch />
          <UserMenu />
        </Layout.Header>
        <Layout.Content className="app-content">
          <Outlet />
        </Layout.Content>
        {/* the screen pop: one event stream per signed-in agent, over every page */}
        {can('interaction:read') ? <ScreenPop /> : null}
      </Layout>
    </Layout>
  );
}
