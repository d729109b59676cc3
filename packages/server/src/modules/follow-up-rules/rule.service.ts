import {
  FOLLOW_UP_RULE_CADENCE,
  FOLLOW_UP_RULE_CODES,
  FOLLOW_UP_RULE_PARAMS,
  ruleParams,
  type FollowUpRule,
  type FollowUpRuleCode,
  type FollowUpRuleUpdate,
  type MessageKey,
} from '@kefu/shared';
import type { Db, DbKind } from '../../db/client';
import type { Clock } from '../../lib/clock';
import type { Ctx } from '../../lib/context';
import { AppError, conflict } from '../../lib/errors';
import { appendAudit } from '../audit';
import type { BookingHook } from '../bookings';
import { ruleEnv } from './rule.env';
import { RULES } from './rule.registry';
import { absentee } from './rules.services';

export interface FollowUpRuleDeps {
  db: Db;
  clock: Clock;
  timeZone: () => Promise<string>;
  /** decides how the monthly rule runs at scale (rule.registry.ts#monthlyByEngine) */
  dbKind: DbKind;
}

const defaultsOf = (code: FollowUpRuleCode) => ruleParams(code, {}) as Record<string, unknown>;

/** The follow-up rules as settings (list, tune, run now) and their runs from the scheduler. */
export function createFollowUpRuleService(deps: FollowUpRuleDeps) {
  const { db, clock } = deps;
  // the zone last read outside a transaction: the no-show hook runs inside the booking's and may not read through db
  let knownZone = 'Asia/Shanghai';

  async function env() {
    knownZone = await deps.timeZone();
    return ruleEnv(clock.now(), knownZone);
  }

  async function list(): Promise<FollowUpRule[]> {
    const rows = await db.selectFrom('follow_up_rules').selectAll().execute();
    const open = await db
      .selectFrom('follow_up_tasks')
      .select(['rule', (eb) => eb.fn.countAll<number>().as('n')])
      .where('status', '=', 'open')
      .where('rule', 'in', [...FOLLOW_UP_RULE_CODES])
      .groupBy('rule')
      .execute();
    const byCode = new Map(rows.map((r) => [r.code, r]));
    const openBy = new Map(open.map((o) => [o.rule, Number(o.n)]));
    return FOLLOW_UP_RULE_CODES.map((code) => {
      const r = byCode.get(code);
      return {
        code,
        enabled: r?.enabled ?? false,
        params: ruleParams(code, r?.params) as Record<string, unknown>,
        defaults: defaultsOf(code),
        cadence: FOLLOW_UP_RULE_CADENCE[code],
        lastRunAt: r?.last_run_at?.toISOString() ?? null,
        lastRunCreated: r?.last_run_created ?? null,
        openTasks: openBy.get(code) ?? 0,
        version: r?.version ?? 1,
      };
    });
  }

  async function get(code: FollowUpRuleCode): Promise<FollowUpRule> {
    return (await list()).find((r) => r.code === code)!;
  }

  /** Turn on/off and tune, by version (409 when stale); params are checked against the rule's own schema (422 beside the field). */
  async function update(ctx: Ctx, code: FollowUpRuleCode, input: FollowUpRuleUpdate): Promise<FollowUpRule> {
    const parsed = (FOLLOW_UP_RULE_PARAMS[code] as (typeof FOLLOW_UP_RULE_PARAMS)['birthday']).strict().safeParse(input.params);
    if (!parsed.success) {
      const errors = parsed.error.issues.map((i) => ({
        path: ['params', ...i.path].join('.'),
        message: (i.message.startsWith('v.') ? i.message : 'settings.invalid') as MessageKey,
      }));
      throw new AppError('error.validation', 422, {}, { errors });
    }
    const by = ctx.actor.kind === 'user' ? ctx.actor.id : null;
    await db.transaction().execute(async (trx) => {
      const before = await trx.selectFrom('follow_up_rules').selectAll().where('code', '=', code).forUpdate().executeTakeFirst();
      if ((before?.version ?? 1) !== input.version) throw conflict('follow_up_rule.version_conflict');
      const values = { enabled: input.enabled, params: JSON.stringify(parsed.data), updated_by: by, updated_at: clock.now() };
      if (before)
        await trx
          .updateTable('follow_up_rules')
          .set({ ...values, version: before.version + 1 })
          .where('code', '=', code)
          .execute();
      else
        await trx
          .insertInto('follow_up_rules')
          .values({ code, ...values, version: 2 })
          .execute();
      await appendAudit(trx, ctx, {
        action: 'follow_up_rule.update',
        entityType: 'follow_up_rule',
        entityId: code,
        detail: { enabled: input.enabled, params: parsed.data, before: before ? { enabled: before.enabled, params: before.params } : null },
      });
    });
    return get(code);
  }

  /** Runs one rule now and records when and how many tasks it made. */
  async function run(code: FollowUpRuleCode): Promise<{ code: FollowUpRuleCode; created: number; ms: number }> {
    const row = await db.selectFrom('follow_up_rules').select('params').where('code', '=', code).executeTakeFirst();
    const e = await env();
    const started = performance.now();
    const fn = RULES[code] as (db: Db, env: ReturnType<typeof ruleEnv>, p: unknown, kind: DbKind) => Promise<number>;
    const created = await fn(db, e, ruleParams(code, row?.params), deps.dbKind);
    await db.updateTable('follow_up_rules').set({ last_run_at: e.now, last_run_created: created }).where('code', '=', code).execute();
    return { code, created, ms: Math.round(performance.now() - started) };
  }

  /** "Run now" from the settings screen: enabled rules only, audited. */
  async function runNow(ctx: Ctx, code: FollowUpRuleCode) {
    const row = await db.selectFrom('follow_up_rules').select('enabled').where('code', '=', code).executeTakeFirst();
    if (!row?.enabled) throw conflict('follow_up_rule.disabled');
    const result = await run(code);
    await appendAudit(db, ctx, { action: 'follow_up_rule.run', entityType: 'follow_up_rule', entityId: code, detail: { created: result.created } });
    return result;
  }

  /** The scheduler's job: every enabled rule of the cadence; one failing rule does not stop the others, but fails the run. */
  async function runCadence(cadence: 'quarter_hour' | 'daily'): Promise<Record<string, number>> {
    const enabled = await db.selectFrom('follow_up_rules').select('code').where('enabled', '=', true).execute();
    const codes = FOLLOW_UP_RULE_CODES.filter((c) => FOLLOW_UP_RULE_CADENCE[c] === cadence && enabled.some((r) => r.code === c));
    const created: Record<string, number> = {};
    const failed: string[] = [];
    for (const code of codes) {
      try {
        created[code] = (await run(code)).created;
      } catch (e) {
        failed.push(`${code}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    if (failed.length) throw new Error(`rules failed: ${failed.join('; ')} (made: ${JSON.stringify(created)})`);
    return created;
  }

  /**
   * The bookings' `no_show` hook: the absentee call is made in the marking's own transaction, so the
   * agent sees it at once; the rule's sweep catches anything the hook missed (the rule was off then).
   */
  const onNoShow: BookingHook = async (trx, _ctx, e) => {
    const rule = await trx.selectFrom('follow_up_rules').select('enabled').where('code', '=', 'absentee').executeTakeFirst();
    if (rule?.enabled) await absentee(trx, ruleEnv(e.at, knownZone), e.bookingId);
  };

  return { list, get, update, run, runNow, runCadence, onNoShow };
}
export type FollowUpRuleService = ReturnType<typeof createFollowUpRuleService>;
