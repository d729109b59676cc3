import {
  AlertOutlined,
  AuditOutlined,
  BookOutlined,
  CalendarOutlined,
  CreditCardOutlined,
  ContactsOutlined,
  ControlOutlined,
  CustomerServiceOutlined,
  ExportOutlined,
  ImportOutlined,
  ScheduleOutlined,
  SettingOutlined,
  TeamOutlined,
  PhoneOutlined,
} from '@ant-design/icons';
import type { Permission } from '@kefu/shared/permissions';
import type { ReactNode } from 'react';
import type { TextKey } from './i18n/catalog';

/**
 * The left navigation, in one place. An entry shows when the user holds any of its permissions
 * (a group shows when one of its children shows). Other areas (import, export…) add entries here.
 */
export interface NavItem {
  key: string;
  label: TextKey;
  icon?: ReactNode;
  /** path, with a query string when the entry is a view of a list */
  to?: string;
  anyOf?: Permission[];
  children?: NavItem[];
}

export const NAV_ITEMS: NavItem[] = [
  {
    key: 'customers',
    label: 'nav.customers',
    icon: <ContactsOutlined />,
    children: [
      { key: 'customers.all', label: 'nav.customers.all', to: '/customers', anyOf: ['customer:read'] },
      { key: 'customers.big', label: 'nav.customers.big', to: '/customers?list=big', anyOf: ['customer:read'] },
      { key: 'customers.churn', label: 'nav.customers.churn', to: '/customers?list=churn_risk', anyOf: ['customer:read'] },
      { key: 'customers.birthdayWeek', label: 'nav.customers.birthdayWeek', to: '/customers?list=birthday_week', anyOf: ['customer:read'] },
      { key: 'customers.birthdayMonth', label: 'nav.customers.birthdayMonth', to: '/customers?list=birthday_month', anyOf: ['customer:read'] },
    ],
  },
  {
    key: 'complaints',
    label: 'nav.complaints',
    icon: <AlertOutlined />,
    children: [
      { key: 'complaints.queue', label: 'nav.complaints.queue', to: '/complaints', anyOf: ['complaint:read'] },
      { key: 'complaints.new', label: 'nav.complaints.new', to: '/complaints/new', anyOf: ['complaint:register'] },
      { key: 'complaints.approvals', label: 'nav.complaints.approvals', to: '/complaint-approvals', anyOf: ['complaint:approve'] },
      { key: 'complaints.inbox', label: 'nav.complaints.inbox', to: '/complaint-transfers', anyOf: ['complaint:respond'] },
      { key: 'complaints.reports', label: 'nav.complaints.reports', to: '/complaint-reports', anyOf: ['complaint:report'] },
      { key: 'complaints.rootCause', label: 'nav.complaints.rootCause', to: '/complaint-reports/root-cause', anyOf: ['complaint:report'] },
    ],
  },
  {
    key: 'bookings',
    label: 'nav.bookings',
    icon: <ScheduleOutlined />,
    children: [
      { key: 'bookings.schedule', label: 'nav.bookings.schedule', to: '/bookings', anyOf: ['booking:read'] },
      { key: 'bookings.exceptions', label: 'nav.bookings.exceptions', to: '/booking-exceptions', anyOf: ['booking:approve'] },
      { key: 'bookings.sheet', label: 'nav.bookings.sheet', to: '/bookings/sheet', anyOf: ['booking:read'] },
      { key: 'bookings.waitlist', label: 'nav.bookings.waitlist', to: '/bookings/waitlist', anyOf: ['booking:read'] },
      { key: 'bookings.closures', label: 'nav.bookings.closures', to: '/bookings/closures', anyOf: ['booking:read'] },
      { key: 'bookings.feeds', label: 'nav.bookings.feeds', to: '/bookings/feeds', anyOf: ['booking:read'] },
      { key: 'bookings.groups', label: 'nav.bookings.groups', to: '/group-bookings', anyOf: ['booking:read'] },
      { key: 'bookings.rooms', label: 'nav.bookings.rooms', to: '/room-bookings', anyOf: ['booking:read'] },
      { key: 'bookings.resources', label: 'nav.bookings.resources', to: '/resources', anyOf: ['resource:manage'] },
      { key: 'bookings.settings', label: 'nav.bookings.settings', to: '/bookings/settings', anyOf: ['resource:manage'] },
    ],
  },
  {
    key: 'followUps',
    label: 'nav.followUps',
    icon: <PhoneOutlined />,
    children: [
      { key: 'followUps.mine', label: 'nav.followUps.mine', to: '/follow-ups', anyOf: ['follow_up:work'] },
      { key: 'followUps.manage', label: 'nav.followUps.manage', to: '/follow-up-manage', anyOf: ['follow_up:supervise'] },
      { key: 'followUps.stats', label: 'nav.followUps.stats', to: '/follow-up-stats', anyOf: ['follow_up:report'] },
    ],
  },
  { key: 'callLog', label: 'nav.callLog', icon: <PhoneOutlined />, to: '/call-log', anyOf: ['interaction:read'] },
  {
    key: 'cards',
    label: 'nav.cards',
    icon: <CreditCardOutlined />,
    children: [
      { key: 'cards.search', label: 'nav.cards.search', to: '/cards', anyOf: ['card:read'] },
      { key: 'cards.renewals', label: 'nav.cards.renewals', to: '/card-renewals', anyOf: ['card:read'] },
      { key: 'cards.activities', label: 'nav.activities', to: '/activities', anyOf: ['activity:read'] },
      { key: 'cards.referrals', label: 'nav.referrals', to: '/referrals', anyOf: ['referral:read'] },
      { key: 'cards.adjustments', label: 'nav.cards.adjustments', to: '/card-adjustments', anyOf: ['card:approve'] },
      { key: 'cards.settings', label: 'nav.cards.settings', to: '/card-settings', anyOf: ['card:settings'] },
    ],
  },
  {
    key: 'service',
    label: 'nav.service',
    icon: <BookOutlined />,
    children: [
      { key: 'service.inquiries', label: 'nav.inquiries', to: '/inquiries', anyOf: ['inquiry:record'] },
      { key: 'service.knowledge', label: 'nav.knowledge', to: '/knowledge', anyOf: ['knowledge:read', 'knowledge:manage'] },
      { key: 'service.scripts', label: 'nav.scripts', to: '/scripts', anyOf: ['knowledge:read', 'script:manage'] },
      { key: 'service.polite', label: 'nav.politePhrases', to: '/polite-phrases', anyOf: ['knowledge:read', 'inquiry:record'] },
    ],
  },
  { key: 'customerImport', label: 'nav.customerImport', icon: <ImportOutlined />, to: '/customer-import', anyOf: ['customer:import'] },
  {
    key: 'customerExports',
    label: 'nav.customerExports',
    icon: <ExportOutlined />,
    to: '/customer-exports',
    anyOf: ['customer:export_request', 'customer:export_approve'],
  },
  {
    key: 'settings',
    label: 'nav.settings',
    icon: <SettingOutlined />,
    children: [
      { key: 'settings.archive', label: 'nav.archiveSettings', icon: <ContactsOutlined />, to: '/archive-settings', anyOf: ['customer:settings'] },
      { key: 'settings.complaints', label: 'nav.complaintSettings', icon: <ControlOutlined />, to: '/complaint-settings', anyOf: ['complaint:settings'] },
      { key: 'settings.followUpRules', label: 'nav.followUpRules', icon: <CustomerServiceOutlined />, to: '/follow-up-rules', anyOf: ['follow_up:settings'] },
      { key: 'settings.calendar', label: 'nav.calendar', icon: <CalendarOutlined />, to: '/calendar', anyOf: ['calendar:manage'] },
    ],
  },
  { key: 'audit', label: 'nav.audit', icon: <AuditOutlined />, to: '/audit-log', anyOf: ['audit:read'] },
  {
    key: 'admin',
    label: 'nav.admin',
    icon: <TeamOutlined />,
    children: [
      { key: 'admin.users', label: 'nav.admin.users', to: '/admin/users', anyOf: ['user:manage'] },
      { key: 'admin.departments', label: 'nav.admin.departments', to: '/admin/departments', anyOf: ['user:manage'] },
      { key: 'admin.roles', label: 'nav.admin.roles', to: '/admin/roles', anyOf: ['role:manage'] },
      { key: 'admin.apiKeys', label: 'nav.admin.apiKeys', to: '/admin/api-keys', anyOf: ['apikey:manage'] },
    ],
  },
];

/** The group holding `key` (the part before the first dot), when the entry sits in a group. */
export function navGroupOf(items: NavItem[], key: string | undefined): string | undefined {
  if (!key) return undefined;
  return items.find((item) => item.children && flattenNav(item.children).some((c) => c.key === key))?.key;
}

/** The entries this user may see, groups without visible children dropped. */
export function visibleNav(items: NavItem[], can: (p: Permission) => boolean): NavItem[] {
  return items.flatMap((item) => {
    if (item.children) {
      const children = visibleNav(item.children, can);
      return children.length ? [{ ...item, children }] : [];
    }
    return !item.anyOf || item.anyOf.some(can) ? [item] : [];
  });
}

export function flattenNav(items: NavItem[]): NavItem[] {
  return items.flatMap((item) => (item.children ? flattenNav(item.children) : [item]));
}

/** The entry for the current URL: the longest path that prefixes it, whose query parameters all match. */
export function activeNavKey(items: NavItem[], pathname: string, search: URLSearchParams): string | undefined {
  let best: { key: string; score: number } | undefined;
  for (const item of flattenNav(items)) {
    if (!item.to) continue;
    const [path = '', query = ''] = item.to.split('?');
    if (pathname !== path && !pathname.startsWith(`${path}/`)) continue;
    const wanted = new URLSearchParams(query);
    if (![...wanted].every(([k, v]) => search.get(k) === v)) continue;
    if (!wanted.has('list') && search.has('list') && pathname === path) continue;
    const score = path.length * 10 + [...wanted].length;
    if (!best || score > best.score) best = { key: item.key, score };
  }
  return best?.key;
}
