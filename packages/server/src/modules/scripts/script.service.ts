import {
  renderScriptFor,
  scriptProblems,
  scriptSettingsSchema,
  type RenderedScript,
  type Script,
  type ScriptContext,
  type ScriptCreate,
  type ScriptSettings,
  type ScriptUpdate,
} from '@kefu/shared';
import type { Db } from '../../db/client';
import type { Clock } from '../../lib/clock';
import type { Ctx } from '../../lib/context';
import { AppError, conflict } from '../../lib/errors';
import { appendAudit } from '../audit';
import { canSee } from '../customers';

const notFound = () => new AppError('script.not_found', 404);
const userId = (ctx: Ctx) => (ctx.actor.kind === 'user' && ctx.actor.username !== 'system' ? ctx.actor.id : null);
const isUnique = (e: unknown) => (e as { code?: string }).code === '23505';
const DEFAULT_SETTINGS: ScriptSettings = { companyName: '' };

/** Unknown variables and unmatched braces are refused with what is wrong (422), before anything is written. */
function check(body: string) {
  const p = scriptProblems(body);
  if (p.unknown.length) throw new AppError('script.unknown_variable', 422, { names: p.unknown.map((n) => `{${n}}`).join('、') });
  if (p.unbalanced) throw new AppError('script.unbalanced_braces', 422);
}

/** The department's local date and hour (the greeting's time of day is the department's, not the browser's). */
export function localNow(now: Date, timeZone: string): { localDate: string; localHour: number } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(now);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '00';
  return { localDate: `${get('year')}-${get('month')}-${get('day')}`, localHour: Number(get('hour')) };
}

/** The standard scripts (标准话术): the shipped seed texts, edited by the manager, filled in per customer. */
export function createScriptService(deps: { db: Db; clock: Clock; timeZone: () => Promise<string> }) {
  const { db, clock } = deps;

  const selectScripts = (d: Db) =>
    d.selectFrom('scripts as s').leftJoin('users as u', 'u.id', 's.updated_by').selectAll('s').select('u.display_name as updated_by_name');
  type Row = Awaited<ReturnType<ReturnType<typeof selectScripts>['executeTakeFirstOrThrow']>>;
  const toScript = (r: Row): Script => ({
    code: r.code,
    name: r.name,
    body: r.body,
    builtin: r.builtin,
    version: r.version,
    updatedAt: new Date(r.updated_at).toISOString(),
    updatedByName: r.updated_by ? r.updated_by_name : null,
  });

  async function list(): Promise<Script[]> {
    return (await selectScripts(db).orderBy('s.sort').orderBy('s.code').execute()).map(toScript);
  }

  async function get(code: string): Promise<Script> {
    const row = await selectScripts(db).where('s.code', '=', code).executeTakeFirst();
    if (!row) throw notFound();
    return toScript(row);
  }

  async function create(ctx: Ctx, input: ScriptCreate): Promise<Script> {
    check(input.body);
    try {
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('scripts')
          .values({ code: input.code, name: input.name, body: input.body, updated_by: userId(ctx), updated_at: clock.now() })
          .execute();
        await appendAudit(trx, ctx, { action: 'script.create', entityType: 'script', entityId: input.code, detail: { name: input.name } });
      });
    } catch (e) {
      if (isUnique(e)) throw conflict('script.code_taken');
      throw e;
    }
    return get(input.code);
  }

  async function update(ctx: Ctx, code: string, input: ScriptUpdate): Promise<Script> {
    check(input.body);
    await db.transaction().execute(async (trx) => {
      const before = await trx.selectFrom('scripts').select(['version', 'body', 'name']).where('code', '=', code).forUpdate().executeTakeFirst();
      if (!before) throw notFound();
      if (before.version !== input.version) throw conflict('script.version_conflict');
      await trx
        .updateTable('scripts')
        .set({ name: input.name, body: input.body, updated_by: userId(ctx), updated_at: clock.now(), version: before.version + 1 })
        .where('code', '=', code)
        .execute();
      await appendAudit(trx, ctx, {
        action: 'script.update',
        entityType: 'script',
        entityId: code,
        detail: { name: input.name, body: input.body, before: before.body },
      });
    });
    return get(code);
  }

  async function settings(): Promise<ScriptSettings> {
    const row = await db.selectFrom('settings').select('value').where('key', '=', 'scripts').executeTakeFirst();
    const parsed = scriptSettingsSchema.safeParse({ ...DEFAULT_SETTINGS, ...((row?.value as object) ?? {}) });
    return parsed.success ? parsed.data : DEFAULT_SETTINGS;
  }

  async function saveSettings(ctx: Ctx, value: ScriptSettings): Promise<ScriptSettings> {
    const by = userId(ctx);
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('settings')
        .values({ key: 'scripts', value: JSON.stringify(value), updated_by: by })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value), updated_by: by, updated_at: clock.now() }))
        .execute();
      await appendAudit(trx, ctx, { action: 'settings.update', entityType: 'settings', entityId: 'scripts', detail: { ...value } });
    });
    return value;
  }

  /** The facts behind the variables for this agent and customer (a customer outside the agent's scope: 404). */
  async function context(ctx: Ctx, customerId: string | undefined): Promise<ScriptContext> {
    let customer: ScriptContext['customer'] = null;
    if (customerId) {
      const c = await db
        .selectFrom('customers')
        .select(['name', 'title', 'owner_id', 'lifecycle', 'merged_into'])
        .where('id', '=', customerId)
        .executeTakeFirst();
      if (!c || !canSee(ctx.actor, c)) throw new AppError('error.not_found', 404);
      customer = { name: c.name, title: c.title };
    }
    const me = ctx.actor.kind === 'user' ? await db.selectFrom('users').select('agent_no').where('id', '=', ctx.actor.id).executeTakeFirst() : undefined;
    const [{ companyName }, timeZone] = await Promise.all([settings(), deps.timeZone()]);
    return { customer, agentNo: me?.agent_no ?? null, company: companyName || null, ...localNow(clock.now(), timeZone) };
  }

  async function render(ctx: Ctx, code: string, customerId: string | undefined): Promise<RenderedScript> {
    const script = await get(code);
    const out = renderScriptFor(script.body, await context(ctx, customerId));
    return { code: script.code, name: script.name, text: out.text, values: out.values, missing: out.missing, festival: out.festival };
  }

  return { list, get, create, update, settings, saveSettings, context, render };
}
export type ScriptService = ReturnType<typeof createScriptService>;
