import {
  addWorkingDays,
  addWorkingHours,
  workingTimeBetween,
  type BusinessCalendar,
  type ComplaintCategory,
  type ComplaintChannel,
  type ComplaintSeverity,
  type ComplaintState,
  type Satisfaction,
} from '@kefu/shared';
import type { Db } from '../../db/client';
import { loadUserActor } from '../../lib/auth';
import { fixedClock } from '../../lib/clock';
import type { Ctx } from '../../lib/context';
import { createCalendarService } from '../calendar';
import { createComplaintService } from '../complaints';
import { seededRandom } from './demo';

type Template = [ComplaintCategory, ComplaintSeverity, ComplaintChannel, string];

/** What members of a fitness club complain about (悦动健身), one line each, as the officer writes it down. */
const TEMPLATES: Template[] = [
  ['staff', 'normal', 'hotline', '私教课教练迟到二十分钟，课程没有顺延，要求补课'],
  ['service_attitude', 'high', 'on_site', '前台办理停卡时态度生硬，当众指责会员卡过期'],
  ['environment', 'normal', 'chat', '女更衣室淋浴间连续三天没有热水'],
  ['booking_unavailable', 'normal', 'hotline', '连续两周约不上周六上午的动感单车课'],
  ['billing_refund', 'high', 'hotline', '续卡时被多扣了一个月的费用，要求退还'],
  ['product', 'low', 'email', '会员店购买的蛋白粉包装破损'],
  ['staff', 'urgent', 'on_site', '游泳课救生员离岗，孩子呛水，家长非常气愤'],
  ['environment', 'low', 'letter', '停车场夜间照明不足，存在安全隐患'],
  ['service_attitude', 'normal', 'chat', '电话咨询私教价格，客服未回电'],
  ['logistics', 'normal', 'email', '线上商城订购的瑜伽垫一周未发货'],
  ['billing_refund', 'normal', 'on_site', '团购体验卡无法在本店使用，要求退款'],
  ['booking_unavailable', 'high', 'hotline', '已预约的私教课被临时取消，没有提前通知'],
  ['other', 'low', 'other', '希望增加晚间十点以后的营业时间'],
];

/**
 * One demo case: the state it ends in, how many days ago it came in, and what happened on the way
 * (late answers, a transfer to the front desk, promises, a pause, unsatisfied feedback, a reopening).
 */
interface Plan {
  state: ComplaintState | 'reopened';
  days: number;
  lateResponse?: boolean;
  lateResolve?: boolean;
  big?: boolean;
  unsatisfiedOnce?: boolean;
  transfer?: 'answered' | 'overdue' | 'open';
  promise?: 'open' | 'overdue' | 'kept';
  paused?: boolean;
  byAgent?: boolean;
  atRisk?: 'response' | 'resolve';
}

const PLANS: Plan[] = [
  ...[58, 55, 51, 47, 44, 40, 37, 33, 30, 27, 24, 21, 19, 17, 15].map((days, i): Plan => ({
    state: 'closed',
    days,
    lateResponse: i % 5 === 1,
    lateResolve: i % 6 === 2,
    big: i % 7 === 3,
    unsatisfiedOnce: i % 6 === 4,
    ...(i === 5 ? { transfer: 'answered' as const } : {}),
    ...(i % 4 === 0 ? { promise: 'kept' as const } : {}),
  })),
  { state: 'closed', days: 12, byAgent: true },
  { state: 'reopened', days: 20 },
  { state: 'feedback', days: 9 },
  { state: 'feedback', days: 8, lateResolve: true },
  { state: 'feedback', days: 7, unsatisfiedOnce: true },
  { state: 'resolved', days: 6 },
  { state: 'resolved', days: 5, transfer: 'answered' },
  { state: 'resolved', days: 6, lateResponse: true },
  { state: 'approved', days: 5, big: true },
  { state: 'proposed', days: 4, big: true },
  { state: 'proposed', days: 3, big: true, promise: 'open' },
  { state: 'proposed', days: 3 },
  { state: 'verified', days: 4, transfer: 'overdue' },
  { state: 'verified', days: 2, transfer: 'open' },
  { state: 'verified', days: 2, promise: 'overdue' },
  { state: 'acknowledged', days: 1, promise: 'open' },
  { state: 'acknowledged', days: 14 },
  { state: 'acknowledged', days: 0, atRisk: 'resolve' },
  { state: 'registered', days: 0 },
  { state: 'registered', days: 3 },
  { state: 'registered', days: 0, atRisk: 'response' },
  { state: 'registered', days: 1, paused: true },
  { state: 'registered', days: 0, byAgent: true },
];

/**
 * A moment of receipt whose clock is at 82-97 % of its limit now: the demo's "at risk" cases (searched
 * backwards, so any time of day works). Right after a long holiday no receipt may fit ("3 working days"
 * jump from 78 % to breached across National Day): null then.
 */
function atRiskStart(cal: BusinessCalendar, now: Date, due: (from: Date) => Date): Date | null {
  for (let back = 10 * 60_000; back < 14 * 86_400_000; back += 10 * 60_000) {
    const from = new Date(now.getTime() - back);
    const fraction = workingTimeBetween(cal, from, now) / workingTimeBetween(cal, from, due(from));
    if (fraction >= 0.82 && fraction < 0.97) return from;
  }
  return null;
}

/**
 * About 40 complaints over the last two months in every state, made through the complaint service
 * with its clock set back to each step's moment, so the queue, the case pages, the inbox of the front
 * desk, the approvals, the promises, the reports and the bell all have something to show. Loaded once.
 */
export async function loadDemoComplaints(db: Db, opts: { now?: Date; log?: (m: string) => void } = {}): Promise<number> {
  const done = await db.selectFrom('settings').select('key').where('key', '=', 'demo_complaints_loaded').executeTakeFirst();
  if (done) return 0;
  const now = opts.now ?? new Date();
  const clock = fixedClock(now);
  const calendar = createCalendarService({ db, clock });
  const service = createComplaintService({ db, clock, calendar });
  const cal = await calendar.current();
  const users = new Map((await db.selectFrom('users').select(['id', 'username', 'department_id']).execute()).map((u) => [u.username, u]));
  const ctxOf = async (username: string): Promise<Ctx> => ({
    actor: (await loadUserActor(db, users.get(username)!.id))!,
    ip: null,
    requestId: null,
    lang: 'zh-CN',
  });
  const [officer, manager, supervisor, agent, handler] = await Promise.all(['complaints', 'manager', 'supervisor', 'agent1', 'handler'].map(ctxOf));
  const front = users.get('handler')!.department_id!;
  const agentCustomers = await db
    .selectFrom('customers')
    .select(['id', 'name', 'mobile'])
    .where('owner_id', '=', agent!.actor.id)
    .orderBy('name_pinyin')
    .limit(60)
    .execute();
  const rnd = seededRandom(404);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const satisfied = (): Satisfaction => (rnd() < 0.7 ? 'satisfied' : 'fair');
  const latest = now.getTime() - 60_000;

  for (const [i, planned] of PLANS.entries()) {
    // each step a little after the one before, never later than now
    let last = 0;
    const at = (t: Date) => {
      last = Math.max(Math.min(t.getTime(), latest), last + 60_000);
      clock.set(new Date(last));
      return new Date(last);
    };
    let plan = planned;
    let received = new Date(now.getTime() - plan.days * 86_400_000 - Math.floor(rnd() * 6) * 3_600_000);
    const resolveRisk = plan.atRisk === 'resolve' ? atRiskStart(cal, now, (f) => addWorkingDays(cal, f, 3)) : null;
    // no receipt puts the resolution clock at risk now: a case at risk of its response deadline instead
    if (plan.atRisk === 'resolve' && !resolveRisk) plan = { ...plan, state: 'registered', atRisk: 'response' };
    const responseRisk = plan.atRisk === 'response' ? atRiskStart(cal, now, (f) => addWorkingHours(cal, f, 2)) : null;
    received = resolveRisk ?? responseRisk ?? received;
    const [category, severity, channel, content] = TEMPLATES[i % TEMPLATES.length]!;
    const customer = agentCustomers[i % agentCustomers.length];
    const by = plan.byAgent ? agent! : officer!;
    at(new Date(received.getTime() + 5 * 60_000));
    let c = await service.register(by, {
      receivedAt: received.toISOString(),
      channel,
      complainantName: customer?.name ?? '王女士',
      complainantPhone: customer?.mobile ?? null,
      customerId: customer?.id ?? null,
      content,
      category,
      severity: plan.atRisk ? 'normal' : severity,
      major: severity === 'urgent',
      departmentId: category === 'environment' || category === 'service_attitude' ? front : null,
      receiverId: null,
      assigneeId: plan.byAgent ? null : officer!.actor.id,
    });
    const id = c.id;
    const me = officer!.actor.id;
    if (plan.paused) {
      at(addWorkingHours(cal, received, 0.5));
      await service.pause(officer!, id, { version: c.version, reason: '等待客户提供购卡收据照片' });
      continue;
    }
    if (plan.state === 'registered') continue;
    const ackAt = at(addWorkingHours(cal, received, plan.lateResponse ? 3 : 0.4 + rnd()));
    c = await service.acknowledge(officer!, id, { version: c.version, note: '已致电客户致歉，说明将尽快核实' });
    if (plan.promise) {
      // open: due in two hours; overdue: due between the answer and now; kept: due half an hour after the answer
      const halfway = ackAt.getTime() + Math.max(60_000, (now.getTime() - ackAt.getTime()) / 2);
      const due = new Date(plan.promise === 'open' ? now.getTime() + 2 * 3_600_000 : plan.promise === 'overdue' ? halfway : ackAt.getTime() + 30 * 60_000);
      const p = await service.promise(officer!, id, { what: '半小时后给客户回电话，告知核实进展', dueAt: due.toISOString() });
      if (plan.promise === 'kept') {
        at(new Date(ackAt.getTime() + 20 * 60_000));
        await service.keepPromise(officer!, p.id);
      }
    }
    if (plan.state === 'acknowledged') continue;
    at(addWorkingHours(cal, received, 4));
    c = await service.verify(officer!, id, {
      version: c.version,
      investigatorId: pick([me, supervisor!.actor.id]),
      findings: '经查看监控与当班记录，情况属实',
    });
    if (plan.transfer) {
      // open: due tomorrow; overdue: due between the transfer and now (reminded by the watch); answered: a working day
      const halfway = new Date(last + Math.max(60_000, (now.getTime() - last) / 2));
      const dueAt =
        plan.transfer === 'open' ? new Date(now.getTime() + 86_400_000) : plan.transfer === 'overdue' ? halfway : addWorkingHours(cal, new Date(last), 8);
      const t = await service.transfer(officer!, id, {
        version: c.version,
        departmentId: front,
        request: '请前台核实当班情况并书面答复',
        dueAt: dueAt.toISOString(),
      });
      c = await service.get(officer!, id);
      if (plan.transfer === 'answered') {
        at(addWorkingHours(cal, new Date(last), 3));
        await service.answerTransfer(handler!, t.id, '已核实：当班员工已作检讨，前台将加强培训');
      }
    }
    if (plan.state === 'verified') continue;
    const propose = async () => {
      at(addWorkingHours(cal, new Date(last), 3));
      const compensationFen = plan.big ? 80_000 : pick([0, 0, 5_000, 20_000]);
      c = await service.propose(officer!, id, {
        version: c.version,
        proposal: plan.big ? '退还一个月会费并赠送两节私教课' : '向客户书面道歉并赠送一节体验课',
        responsibleId: me,
        compensationFen,
      });
    };
    await propose();
    if (plan.state === 'proposed') continue;
    if (c.proposal?.needsApproval) {
      at(addWorkingHours(cal, new Date(last), 2));
      c = await service.approve(manager!, id, { version: c.version, note: '同意，尽快落实' });
    }
    if (plan.state === 'approved') continue;
    const resolve = async (late: boolean) => {
      at(late ? addWorkingDays(cal, received, 4) : addWorkingHours(cal, new Date(last), 4));
      c = await service.resolve(officer!, id, { version: c.version, handlerId: me, result: '已按处理意见落实，客户已收到补偿' });
    };
    await resolve(Boolean(plan.lateResolve));
    if (plan.state === 'resolved') continue;
    if (plan.unsatisfiedOnce) {
      at(addWorkingHours(cal, new Date(last), 2));
      const callbackAt = addWorkingHours(cal, new Date(last), 6);
      c = await service.recordFeedback(officer!, id, {
        version: c.version,
        satisfactionResult: 'unsatisfied',
        satisfactionSpeed: 'fair',
        suggestion: '补偿太少',
        callbackAt: callbackAt.toISOString(),
      });
      await propose();
      if (c.proposal?.needsApproval) c = await service.approve(manager!, id, { version: c.version, note: null });
      await resolve(false);
    }
    at(addWorkingHours(cal, new Date(last), 2));
    c = await service.recordFeedback(officer!, id, {
      version: c.version,
      satisfactionResult: satisfied(),
      satisfactionSpeed: satisfied(),
      suggestion: rnd() < 0.3 ? '希望以后类似问题处理得更快' : null,
      callbackAt: null,
    });
    if (plan.unsatisfiedOnce) {
      const open = await service.promises(officer!, { complaintId: id, open: true, limit: 10 });
      for (const p of open.items) await service.keepPromise(officer!, p.id);
    }
    if (plan.state === 'feedback') continue;
    at(addWorkingHours(cal, new Date(last), 1));
    c = await service.close(officer!, id, { version: c.version, note: '客户满意，结案' });
    if (plan.days > 20) {
      const followUps = await service.followUpsOf(officer!, id);
      at(new Date(last + 3_600_000));
      await service.followUpDone(officer!, followUps[0]!.id, '回访：客户表示满意');
    }
    if (plan.state === 'reopened') {
      at(new Date(last + 2 * 86_400_000));
      await service.reopen(officer!, id, { version: c.version, reason: '客户再次来电，补偿尚未到账' });
    }
  }
  clock.set(now);
  const watch = await service.sweep(now);
  await db
    .insertInto('settings')
    .values({ key: 'demo_complaints_loaded', value: JSON.stringify({ at: now.toISOString(), count: PLANS.length }) })
    .execute();
  opts.log?.(`demo complaints loaded: ${PLANS.length} (${watch.breaches} breaches, ${watch.atRisk} at risk)`);
  return PLANS.length;
}
