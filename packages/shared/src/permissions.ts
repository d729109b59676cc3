/**
 * Named permissions and the built-in roles of SPEC §1.
 * A role is a named set of permissions; the admin may edit the sets (roles table),
 * these are the defaults shipped and used to seed a new department.
 */
export const PERMISSIONS = [
  'customer:read', // read customers in the role's scope
  'customer:read_all', // scope: every customer, not only the ones the user owns
  'customer:create',
  'customer:update',
  'customer:close', // 销户 and reopen
  'customer:reveal', // see masked numbers after one audited click
  'customer:assign',
  'customer:merge',
  'customer:import',
  'customer:export_request',
  'customer:export_approve',
  'customer:settings', // classification scheme, tiers, tags, churn threshold
  'complaint:register', // log a complaint (any front-line role)
  'complaint:read', // scope: cases the user received, is assigned or handles
  'complaint:read_all', // scope: every case
  'complaint:handle', // move cases through the workflow, transfer, pause, record promises
  'complaint:approve', // approve proposals whose compensation is above the threshold
  'complaint:respond', // department handler: answer cases transferred to their department
  'complaint:report', // weekly/monthly reports, root-cause page, exports
  'complaint:settings', // SLA limits per category and severity, approval threshold, reopen window
  'card:read', // member cards, their ledger and receipts
  'card:issue', // open a card for a customer (会籍管理员)
  'card:top_up', // top-ups, points earned, transfers between cards
  'card:spend', // spends and points redeemed at the desk
  'card:refund', // refunds, and only when the policy allows them (seed 004 不退费)
  'card:adjust', // ask for an adjustment (a second person approves)
  'card:approve', // approve adjustments, reverse entries, run the ledger check
  'card:settings', // card types and the refund policy
  'referral:read', // 转介绍: the list, its Excel, a customer's referrer and referred
  'referral:manage', // record who brought whom, give a waiting reward by hand
  'activity:read', // member activities (会员活动), their invitations, attendance and opinions
  'activity:manage', // create activities, invite, record answers, check in, collect opinions
  'calendar:manage', // business calendar: working hours, holidays and adjusted workdays
  'booking:read', // resources, the schedule and bookings
  'booking:take', // take, change and cancel bookings, mark attendance, file an exception (seed 003 接受预约, seed 004 约课排课)
  'booking:approve', // approve exceptions inside the frozen window (seed 004 临时取消课: 等待领导同意)
  'resource:manage', // resources, opening hours, closures, the change windows
  'booking:sheet', // confirm the next day's booking sheet (预订单) and send it to the departments (seed 003)
  'interaction:read', // calls, visits, chats and emails of the customers in the role's scope; the call log
  'interaction:record', // record an interaction by hand, write the summary of one's calls
  'telephony:call', // click-to-call through the PBX (the server dials the real number, masked or not)
  'telephony:events', // integrations: the PBX posts ringing / answered / ended (an API key's permission)
  'follow_up:settings', // the follow-up rules (回访规则): on/off, their params, run now
  'job:manage', // the scheduled jobs: last and next run, errors, run now
  'inquiry:record', // record what a caller asked and the answer given (咨询记录)
  'knowledge:read', // read and search the knowledge base (问题回答资料库) and the standard scripts
  'knowledge:manage', // write and publish articles, turn good inquiries into articles
  'script:manage', // edit the standard scripts (标准话术) and the company name they say
  'follow_up:work', // the agent's day: work one's own follow-up tasks (outcomes, the record form)
  'follow_up:supervise', // every task: distribute, overdue, spot checks, campaigns, tasks by hand
  'follow_up:report', // follow-up KPIs, the campaign summary report and its xlsx
  'audit:read',
  'user:manage',
  'role:manage',
  'apikey:manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_NAMES = [
  'manager',
  'supervisor',
  'agent',
  'archivist',
  'complaints',
  'membership',
  'handler',
  'admin',
] as const;
export type RoleName = (typeof ROLE_NAMES)[number];

export interface RoleDefinition {
  name: string;
  labelZh: string;
  labelEn: string;
  permissions: Permission[];
}

const archive: Permission[] = ['customer:read', 'customer:read_all'];
const complaintDesk: Permission[] = ['complaint:register', 'complaint:read', 'complaint:read_all', 'complaint:handle', 'complaint:report'];
// whoever answers the phone books, changes and cancels (seed 003 接受预约, seed 004 约课排课)
const bookingDesk: Permission[] = ['booking:read', 'booking:take'];
// everyone in service reads the knowledge base and the scripts, and records the inquiries they answer (SPEC §3)
const knowledgeDesk: Permission[] = ['inquiry:record', 'knowledge:read'];
// seed 001 客服专员 职责二 / seed 003 会籍管理员 (7): whoever keeps customers calls them back (回访)
const followUpDesk: Permission[] = ['follow_up:work'];
// whoever talks to customers records it, and may dial from the customer page (SPEC §3)
const contactDesk: Permission[] = ['interaction:read', 'interaction:record', 'telephony:call'];

export const BUILTIN_ROLES: RoleDefinition[] = [
  {
    name: 'manager',
    labelZh: '客服经理',
    labelEn: 'Service manager',
    permissions: PERMISSIONS.filter((p) => !['user:manage', 'role:manage', 'apikey:manage', 'telephony:events'].includes(p)),
  },
  {
    name: 'supervisor',
    labelZh: '客服主管',
    labelEn: 'Supervisor',
    permissions: [
      ...knowledgeDesk,
      'knowledge:manage',
      'script:manage',
      ...archive,
      'customer:create',
      'customer:update',
      'customer:assign',
      'customer:merge',
      'customer:reveal',
      'customer:export_request',
      ...complaintDesk,
      ...bookingDesk,
      ...followUpDesk,
      'follow_up:supervise',
      'follow_up:report',
      ...contactDesk,
      'booking:sheet',
    ],
  },
  {
    name: 'agent',
    labelZh: '客服专员',
    labelEn: 'Agent',
    // seed 004 约课排课: the agent books lessons and takes them off the card at the desk
    permissions: [...bookingDesk, ...followUpDesk, ...contactDesk, 'customer:read', 'customer:create', 'customer:update', 'complaint:register', 'complaint:read', 'card:read', 'card:spend', ...knowledgeDesk],
  },
  {
    name: 'archivist',
    labelZh: '档案专员',
    labelEn: 'Archivist',
    permissions: [
      'knowledge:read',
      ...archive,
      'customer:create',
      'customer:update',
      'customer:close',
      'customer:merge',
      'customer:reveal',
      'customer:import',
      'customer:export_request',
      'complaint:register',
      'complaint:read',
    ],
  },
  { name: 'complaints', labelZh: '客诉专员', labelEn: 'Complaint officer', permissions: [...knowledgeDesk, ...archive, 'customer:create', ...complaintDesk, ...contactDesk, 'booking:read'] },
  {
    name: 'membership',
    labelZh: '会籍管理员',
    labelEn: 'Membership officer',
    // seed 003 会籍管理员: members' records and cards; adjustments wait for the manager
    permissions: [
      ...knowledgeDesk,
      ...archive,
      ...bookingDesk,
      'booking:sheet',
      ...followUpDesk,
      ...contactDesk,
      'customer:create',
      'customer:update',
      'complaint:register',
      'complaint:read',
      'card:read',
      'card:issue',
      'card:top_up',
      'card:spend',
      'card:refund',
      'card:adjust',
    ],
  },
  { name: 'handler', labelZh: '相关部门', labelEn: 'Department handler', permissions: ['complaint:respond'] },
  { name: 'admin', labelZh: '系统管理员', labelEn: 'Administrator', permissions: ['user:manage', 'role:manage', 'apikey:manage', 'audit:read'] },
];

// the member area's extras (seed 004 转介绍, seed 003 会籍管理员 (5)(6) 会员活动): read by the front line, run by
// the membership officer (the manager has every permission above)
const MEMBER_EXTRAS: Record<string, Permission[]> = {
  supervisor: ['referral:read', 'activity:read'],
  agent: ['referral:read', 'referral:manage', 'activity:read'],
  membership: ['referral:read', 'referral:manage', 'activity:read', 'activity:manage'],
};
for (const role of BUILTIN_ROLES) role.permissions.push(...(MEMBER_EXTRAS[role.name] ?? []));

export interface Actor {
  id: string;
  kind: 'user' | 'apikey';
  name: string;
  permissions: ReadonlySet<Permission>;
}

export function can(actor: Pick<Actor, 'permissions'>, permission: Permission): boolean {
  return actor.permissions.has(permission);
}
