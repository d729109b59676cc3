import type { ComplaintState, RegisterComplaintBody } from '@kefu/shared';
import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { systemCtx } from '../src/lib/context';
import { PASSWORD, signIn, type Client } from './factories';
import type { TestEnv } from './helpers';

/** A complaint as the hotline form sends it (seed 003 附件二): Friday 2026-10-09 09:30 in Beijing. */
export function buildComplaint(overrides: Partial<Record<keyof RegisterComplaintBody, unknown>> = {}) {
  return {
    receivedAt: '2026-10-09T09:30:00+08:00',
    channel: 'hotline',
    complainantName: '李女士',
    complainantPhone: '13812345678',
    content: '私教课教练迟到半小时，课程被缩短，要求补课并道歉',
    category: 'staff',
    severity: 'normal',
    ...overrides,
  };
}

export interface Case {
  id: string;
  number: string;
  state: ComplaintState;
  version: number;
  actions: string[];
  [k: string]: any;
}

/** The shortest way from registered to each state; `officer` handles, `manager` approves. */
export const PATH_TO: Record<ComplaintState, string[]> = {
  registered: [],
  acknowledged: ['acknowledge'],
  verified: ['acknowledge', 'verify'],
  proposed: ['acknowledge', 'verify', 'propose'],
  approved: ['acknowledge', 'verify', 'proposeBig', 'approve'],
  resolved: ['acknowledge', 'verify', 'propose', 'resolve'],
  feedback: ['acknowledge', 'verify', 'propose', 'resolve', 'feedback'],
  closed: ['acknowledge', 'verify', 'propose', 'resolve', 'feedback', 'close'],
};

/** A valid body for each action (with the case's version), as the case page sends it. */
export function bodyFor(action: string, c: Case, people: { officerId: string }): { path: string; body: Record<string, unknown> } {
  const v = { version: c.version };
  switch (action) {
    case 'acknowledge':
      return { path: 'acknowledge', body: { ...v, note: '已致电客户致歉，说明将核实' } };
    case 'verify':
      return { path: 'verify', body: { ...v, investigatorId: people.officerId, findings: '核实：教练当日迟到 25 分钟' } };
    case 'propose':
      return { path: 'propose', body: { ...v, proposal: '补一节私教课并书面道歉', responsibleId: people.officerId, compensationFen: 0 } };
    case 'proposeBig':
      return { path: 'propose', body: { ...v, proposal: '退还一节课费用 800 元', responsibleId: people.officerId, compensationFen: 80_000 } };
    case 'approve':
      return { path: 'approve', body: { ...v, note: '同意' } };
    case 'reject':
      return { path: 'reject', body: { ...v, reason: '补偿过高，请重新协商' } };
    case 'resolve':
      return { path: 'resolve', body: { ...v, handlerId: people.officerId, result: '已补课，教练当面道歉' } };
    case 'recordFeedback':
    case 'feedback':
      return { path: 'feedback', body: { ...v, satisfactionResult: 'satisfied', satisfactionSpeed: 'fair', suggestion: '希望教练准时' } };
    case 'close':
      return { path: 'close', body: { ...v, note: '客户满意，结案' } };
    case 'reopen':
      return { path: 'reopen', body: { ...v, reason: '客户再次来电' } };
    case 'pause':
      return { path: 'pause', body: { ...v, reason: '等待客户提供收据照片' } };
    case 'resume':
      return { path: 'resume', body: { ...v, note: '客户已发来照片' } };
    case 'assign':
      return { path: 'assign', body: { ...v, assigneeId: people.officerId } };
    default:
      throw new Error(`no body for ${action}`);
  }
}

export async function step(by: Client, c: Case, action: string, people: { officerId: string }, expectStatus = 200): Promise<Case> {
  const { path, body } = bodyFor(action, c, people);
  const res = await by.post(`/api/v1/complaints/${c.id}/${path}`, body);
  expect(res.status, `${action} from ${c.state}: ${res.text}`).toBe(expectStatus);
  return res.body;
}

/** Registers a case and walks it to `state`: the officer handles, the manager approves. */
export async function complaintIn(state: ComplaintState, officer: Client, manager: Client, overrides: Record<string, unknown> = {}): Promise<Case> {
  const created = await officer.post('/api/v1/complaints', buildComplaint(overrides));
  expect(created.status, created.text).toBe(201);
  let c: Case = created.body;
  for (const action of PATH_TO[state]) c = await step(action === 'approve' ? manager : officer, c, action, { officerId: officer.userId });
  expect(c.state).toBe(state);
  return c;
}

/** A department and a department handler (相关部门) in it, signed in. */
export async function departmentWithHandler(env: TestEnv, name: string, handlerName = `${name}处理人`) {
  const dept = await env.app.services.users.createDepartment(systemCtx(), name);
  const user = await env.app.services.users.create(systemCtx(), {
    username: `handler_${randomBytes(4).toString('hex')}`,
    displayName: handlerName,
    password: PASSWORD,
    roles: ['handler'],
    departmentId: dept.id,
    agentNo: null,
  });
  return { department: dept, handler: await signIn(env, user.username) };
}

/** Notifications of one user, straight from the table (what the watch and the steps wrote). */
export async function notificationsOf(env: TestEnv, userId: string, kind?: string) {
  let q = env.handle.db.selectFrom('notifications').selectAll().where('user_id', '=', userId);
  if (kind) q = q.where('kind', '=', kind);
  return q.orderBy('created_at').execute();
}
