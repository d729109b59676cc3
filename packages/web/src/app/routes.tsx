import type { Permission } from '@kefu/shared/permissions';
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/**
 * The signed-in screens, in one registry. A route shows when the user holds any of its permissions;
 * other areas (import, export with approval…) add their entries here and their menu entries in nav.tsx.
 */
export interface AppRoute {
  path: string;
  Page: LazyExoticComponent<ComponentType>;
  anyOf?: Permission[];
}

/** A lazily loaded page from a module's named export: each area is its own chunk. */
function page<M extends Record<string, unknown>>(load: () => Promise<M>, name: keyof M & string): LazyExoticComponent<ComponentType> {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}

export const APP_ROUTES: AppRoute[] = [
  { path: '/customers', Page: page(() => import('../features/customers/pages/CustomerListPage'), 'CustomerListPage'), anyOf: ['customer:read'] },
  { path: '/customers/new', Page: page(() => import('../features/customers/pages/CustomerCreatePage'), 'CustomerCreatePage'), anyOf: ['customer:create'] },
  { path: '/customers/:id', Page: page(() => import('../features/customers/pages/CustomerDetailPage'), 'CustomerDetailPage'), anyOf: ['customer:read'] },
  { path: '/complaints', Page: page(() => import('../features/complaints/pages/ComplaintQueuePage'), 'ComplaintQueuePage'), anyOf: ['complaint:read'] },
  {
    path: '/complaints/new',
    Page: page(() => import('../features/complaints/pages/ComplaintRegisterPage'), 'ComplaintRegisterPage'),
    anyOf: ['complaint:register'],
  },
  {
    path: '/complaints/:id',
    Page: page(() => import('../features/complaints/pages/ComplaintCasePage'), 'ComplaintCasePage'),
    anyOf: ['complaint:read', 'complaint:respond'],
  },
  { path: '/complaint-approvals', Page: page(() => import('../features/complaints/pages/ApprovalsPage'), 'ApprovalsPage'), anyOf: ['complaint:approve'] },
  {
    path: '/complaint-transfers',
    Page: page(() => import('../features/complaints/pages/TransferInboxPage'), 'TransferInboxPage'),
    anyOf: ['complaint:respond'],
  },
  // the reports' own chunk (with the chart library): loaded only by those who open them
  {
    path: '/complaint-reports',
    Page: page(() => import('../features/complaint-reports/pages/ComplaintReportsPage'), 'ComplaintReportsPage'),
    anyOf: ['complaint:report'],
  },
  {
    path: '/complaint-reports/root-cause',
    Page: page(() => import('../features/complaint-reports/pages/RootCausePage'), 'RootCausePage'),
    anyOf: ['complaint:report'],
  },
  { path: '/call-log', Page: page(() => import('../features/call-centre/pages/CallLogPage'), 'CallLogPage'), anyOf: ['interaction:read'] },
  { path: '/cards', Page: page(() => import('../features/cards/pages/CardListPage'), 'CardListPage'), anyOf: ['card:read'] },
  { path: '/cards/:id', Page: page(() => import('../features/cards/pages/CardPage'), 'CardPage'), anyOf: ['card:read'] },
  { path: '/card-adjustments', Page: page(() => import('../features/cards/pages/AdjustmentsPage'), 'AdjustmentsPage'), anyOf: ['card:approve'] },
  { path: '/card-renewals', Page: page(() => import('../features/cards/pages/RenewalsPage'), 'RenewalsPage'), anyOf: ['card:read'] },
  { path: '/referrals', Page: page(() => import('../features/referrals/ReferralsPage'), 'ReferralsPage'), anyOf: ['referral:read'] },
  { path: '/activities', Page: page(() => import('../features/activities/pages/ActivitiesPage'), 'ActivitiesPage'), anyOf: ['activity:read'] },
  { path: '/activities/:id', Page: page(() => import('../features/activities/pages/ActivityPage'), 'ActivityPage'), anyOf: ['activity:read'] },
  { path: '/follow-ups', Page: page(() => import('../features/follow-ups/pages/MyFollowUpsPage'), 'MyFollowUpsPage'), anyOf: ['follow_up:work'] },
  {
    path: '/follow-ups/:id',
    Page: page(() => import('../features/follow-ups/pages/FollowUpTaskPage'), 'FollowUpTaskPage'),
    anyOf: ['follow_up:work', 'follow_up:supervise'],
  },
  {
    path: '/follow-up-manage',
    Page: page(() => import('../features/follow-ups/pages/FollowUpManagePage'), 'FollowUpManagePage'),
    anyOf: ['follow_up:supervise'],
  },
  { path: '/follow-up-stats', Page: page(() => import('../features/follow-ups/pages/FollowUpStatsPage'), 'FollowUpStatsPage'), anyOf: ['follow_up:report'] },
  { path: '/card-settings', Page: page(() => import('../features/cards/pages/CardSettingsPage'), 'CardSettingsPage'), anyOf: ['card:settings'] },
  { path: '/customer-import', Page: page(() => import('../features/customer-import/ImportPage'), 'ImportPage'), anyOf: ['customer:import'] },
  {
    path: '/customer-exports',
    Page: page(() => import('../features/customer-export/ExportsPage'), 'ExportsPage'),
    anyOf: ['customer:export_request', 'customer:export_approve'],
  },
  {
    path: '/archive-settings',
    Page: page(() => import('../features/archive-settings/pages/ArchiveSettingsPage'), 'ArchiveSettingsPage'),
    anyOf: ['customer:settings'],
  },
  {
    path: '/complaint-settings',
    Page: page(() => import('../features/complaint-settings/pages/ComplaintSettingsPage'), 'ComplaintSettingsPage'),
    anyOf: ['complaint:settings'],
  },
  { path: '/bookings', Page: page(() => import('../features/bookings/pages/SchedulePage'), 'SchedulePage'), anyOf: ['booking:read'] },
  { path: '/resources', Page: page(() => import('../features/bookings/pages/ResourcesPage'), 'ResourcesPage'), anyOf: ['resource:manage'] },
  { path: '/bookings/sheet', Page: page(() => import('../features/bookings/pages/SheetPage'), 'SheetPage'), anyOf: ['booking:read'] },
  { path: '/bookings/waitlist', Page: page(() => import('../features/bookings/pages/WaitlistPage'), 'WaitlistPage'), anyOf: ['booking:read'] },
  { path: '/bookings/closures', Page: page(() => import('../features/bookings/pages/ClosuresPage'), 'ClosuresPage'), anyOf: ['booking:read'] },
  { path: '/bookings/closures/:id', Page: page(() => import('../features/bookings/pages/ClosurePage'), 'ClosurePage'), anyOf: ['booking:read'] },
  { path: '/bookings/feeds', Page: page(() => import('../features/bookings/pages/FeedTokensPage'), 'FeedTokensPage'), anyOf: ['booking:read'] },
  {
    path: '/bookings/settings',
    Page: page(() => import('../features/bookings/pages/BookingSettingsPage'), 'BookingSettingsPage'),
    anyOf: ['resource:manage'],
  },
  { path: '/bookings/:id', Page: page(() => import('../features/bookings/pages/BookingPage'), 'BookingPage'), anyOf: ['booking:read'] },
  { path: '/group-bookings', Page: page(() => import('../features/group-bookings/pages/GroupListPage'), 'GroupListPage'), anyOf: ['booking:read'] },
  { path: '/group-bookings/:id', Page: page(() => import('../features/group-bookings/pages/GroupPage'), 'GroupPage'), anyOf: ['booking:read'] },
  { path: '/room-bookings', Page: page(() => import('../features/room-bookings/pages/RoomListPage'), 'RoomListPage'), anyOf: ['booking:read'] },
  { path: '/room-bookings/:id', Page: page(() => import('../features/room-bookings/pages/RoomBookingPage'), 'RoomBookingPage'), anyOf: ['booking:read'] },
  {
    path: '/booking-exceptions',
    Page: page(() => import('../features/bookings/pages/ExceptionsPage'), 'ExceptionsPage'),
    anyOf: ['booking:approve'],
  },
  {
    path: '/follow-up-rules',
    Page: page(() => import('../features/follow-up-rules/pages/FollowUpRulesPage'), 'FollowUpRulesPage'),
    anyOf: ['follow_up:settings'],
  },
  { path: '/inquiries', Page: page(() => import('../features/inquiries/pages/InquiryListPage'), 'InquiryListPage'), anyOf: ['inquiry:record'] },
  {
    path: '/knowledge',
    Page: page(() => import('../features/knowledge/pages/KnowledgeListPage'), 'KnowledgeListPage'),
    anyOf: ['knowledge:read', 'knowledge:manage'],
  },
  { path: '/knowledge/:id', Page: page(() => import('../features/knowledge/pages/ArticlePage'), 'ArticlePage'), anyOf: ['knowledge:read', 'knowledge:manage'] },
  { path: '/scripts', Page: page(() => import('../features/scripts/pages/ScriptsPage'), 'ScriptsPage'), anyOf: ['knowledge:read', 'script:manage'] },
  {
    path: '/polite-phrases',
    Page: page(() => import('../features/scripts/pages/PolitePhrasesPage'), 'PolitePhrasesPage'),
    anyOf: ['knowledge:read', 'inquiry:record'],
  },
  { path: '/calendar', Page: page(() => import('../features/calendar/pages/CalendarPage'), 'CalendarPage'), anyOf: ['calendar:manage'] },
  { path: '/audit-log', Page: page(() => import('../features/audit/AuditLogPage'), 'AuditLogPage'), anyOf: ['audit:read'] },
  { path: '/admin/users', Page: page(() => import('../features/admin/pages/UsersPage'), 'UsersPage'), anyOf: ['user:manage'] },
  { path: '/admin/departments', Page: page(() => import('../features/admin/pages/DepartmentsPage'), 'DepartmentsPage'), anyOf: ['user:manage'] },
  { path: '/admin/roles', Page: page(() => import('../features/admin/pages/RolesPage'), 'RolesPage'), anyOf: ['role:manage'] },
  { path: '/admin/api-keys', Page: page(() => import('../features/admin/pages/ApiKeysPage'), 'ApiKeysPage'), anyOf: ['apikey:manage'] },
];
