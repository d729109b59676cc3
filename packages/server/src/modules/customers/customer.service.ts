import {
  distributeByLoad,
  MAX_OTHER_PHONES,
  lifecycleTransition,
  timelineSummary,
  type Customer,
  type CustomerCreate,
  type CustomerListItem,
  type LifecycleAction,
  type TimelineEvent,
} from '@kefu/shared';
import { sql } from 'kysely';
import type { Db } from '../../db/client';
import type { CustomerRow } from '../../db/schema';
import { localDate, type Clock } from '../../lib/clock';
import type { Ctx } from '../../lib/context';
import { AppError, conflict, forbidden, notFound } from '../../lib/errors';
import { page, readCursor } from '../../lib/pagination';
import { appendAudit } from '../audit';
import type { SettingsService } from '../settings';
import { FIELD_COLUMNS, derivedColumns, diffFields, toInsertRow } from './customer.fields';
import { maskHistoryValue, toCustomer, toListItem, type CustomerRowWithOwner } from './customer.mapper';
import { canSee, seesNumbers } from './customer.policy';
import { createCustomerLister } from './customer.list';
import { findCustomer, insertHistory, insertTimeline, selectCustomers } from './customer.repo';

export { CUSTOMER_LISTS, type CustomerListName, type ListParams } from './customer.list';

/** Called inside the merge's transaction, after the other record's timeline has moved to the kept one. */
export type MergeHook = (trx: Db, ctx: Ctx, m: { keepId: string; keepName: string; otherId: string; otherName: string; at: Date }) => Promise<void>;

type Patch = Partial<Record<keyof typeof FIELD_COLUMNS, unknown>> & { version: number };

function isUniqueViolation(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: string }).code === '23505';
}

/** `timeZone`: the department's, from the business calendar (birthdays and "today" are counted in it). */
export function createCustomerService(deps: { db: Db; clock: Clock; settings: SettingsService; timeZone: () => Promise<string> }) {
  const { db, clock, settings } = deps;
  const actorRef = (ctx: Ctx) => ({ id: ctx.actor.id, name: ctx.actor.name });
  const today = async () => localDate(clock.now(), await deps.timeZone());
  /** Other areas' steps inside a merge's transaction (the cards module moves the merged customer's cards). */
  const mergeHooks: MergeHook[] = [];
  const onMerge = (hook: MergeHook) => void mergeHooks.push(hook);

  /** Not found and not yours are one answer (404), so existence does not leak. */
  async function visible(ctx: Ctx, id: string, trx: Db = db, forUpdate = false): Promise<CustomerRowWithOwner> {
    const row = await findCustomer(trx, id, forUpdate);
    if (!row || !canSee(ctx.actor, row)) throw notFound();
    return row;
  }

  async function duplicateError(trx: Db, ctx: Ctx, mobile: string): Promise<AppError> {
    const other = await trx
      .selectFrom('customers')
      .select(['id', 'name', 'owner_id', 'lifecycle', 'merged_into'])
      .where('mobile', '=', mobile)
      .where('merged_into', 'is', null)
      .executeTakeFirst();
    const name = other && canSee(ctx.actor, other) ? other.name : ctx.lang === 'en' ? 'another customer' : '另一位客户';
    return new AppError('customer.duplicate_mobile', 409, { name }, { errors: [{ path: 'mobile', message: 'customer.duplicate_mobile', params: { name } }] });
  }

  /**
   * Owners are active users whose roles may read the archive: a customer owned by a department
   * handler or the admin would be a customer nobody works. Answers id -> display name.
   */
  async function eligibleOwners(trx: Db, ids: string[]): Promise<Map<string, string>> {
    const rows = await trx
      .selectFrom('users')
      .select(['id', 'display_name'])
      .select(sql<boolean>`exists (select 1 from roles r where r.name = any(users.roles) and 'customer:read' = any(r.permissions))`.as('can_read'))
      .where('id', 'in', ids)
      .where('active', '=', true)
      .execute();
    if (rows.length !== ids.length) throw new AppError('error.validation', 400, {}, { errors: [{ path: 'ownerId', message: 'customer.unknown_owner' }] });
    if (rows.some((r) => !r.can_read))
      throw new AppError('error.validation', 400, {}, { errors: [{ path: 'ownerId', message: 'customer.owner_cannot_read' }] });
    return new Map(rows.map((r) => [r.id, r.display_name]));
  }

  async function checkReferences(trx: Db, v: { ownerId?: unknown; classCode?: unknown; tierCode?: unknown }) {
    if (typeof v.ownerId === 'string') await eligibleOwners(trx, [v.ownerId]);
    for (const [kind, code, path] of [
      ['class', v.classCode, 'classCode'],
      ['tier', v.tierCode, 'tierCode'],
    ] as const) {
      if (typeof code !== 'string') continue;
      const found = await trx.selectFrom('customer_categories').select('code').where('kind', '=', kind).where('code', '=', code).executeTakeFirst();
      if (!found) throw new AppError('error.validation', 400, {}, { errors: [{ path, message: 'customer.unknown_category' }] });
    }
  }

  /** `within`: another area's step in the same transaction (the screen pop links the call that made the customer). */
  async function create(ctx: Ctx, input: CustomerCreate, within?: (trx: Db, customerId: string) => Promise<void>): Promise<Customer> {
    // an agent's new customer is their own unless they may assign
    // choosing someone else as the owner is an assignment; an agent's new customer is their own
    const ownerId = ctx.actor.permissions.has('customer:assign')
      ? input.ownerId
      : ctx.actor.kind === 'user' && !ctx.actor.permissions.has('customer:read_all')
        ? ctx.actor.id
        : null;
    const now = clock.now();
    const row = await db.transaction().execute(async (trx) => {
      await checkReferences(trx, { ...input, ownerId });
      const values = toInsertRow({ ...input, ownerId }, ctx.actor.kind === 'user' ? ctx.actor.id : null);
      let inserted: CustomerRow;
      try {
        await sql`savepoint before_insert`.execute(trx);
        inserted = await trx
          .insertInto('customers')
          .values({ ...values, created_at: now, updated_at: now })
          .returningAll()
          .executeTakeFirstOrThrow();
      } catch (e) {
        if (!isUniqueViolation(e) || !input.mobile) throw e;
        await sql`rollback to savepoint before_insert`.execute(trx);
        throw await duplicateError(trx, ctx, input.mobile);
      }
      await insertTimeline(trx, [{ customerId: inserted.id, kind: 'customer.created', data: { via: 'form' }, at: now, actor: actorRef(ctx) }]);
      await appendAudit(trx, ctx, { action: 'customer.create', entityType: 'customer', entityId: inserted.id, detail: { name: inserted.name } });
      if (within) await within(trx, inserted.id);
      return findCustomer(trx, inserted.id);
    });
    return toCustomer(row!, ctx.actor, await today());
  }

  async function get(ctx: Ctx, id: string): Promise<Customer> {
    return toCustomer(await visible(ctx, id), ctx.actor, await today());
  }

  /**
   * Optimistic concurrency: the edit names the version it was made on; a stale one is refused (409)
   * and nothing changes. Every changed field goes to the history, old -> new.
   */
  async function update(ctx: Ctx, id: string, patch: Patch): Promise<Customer> {
    const now = clock.now();
    const row = await db.transaction().execute(async (trx) => {
      const before = await visible(ctx, id, trx, true);
      if (!ctx.actor.permissions.has('customer:update')) throw forbidden();
      if (before.merged_into || before.lifecycle === 'closed') throw conflict('customer.closed');
      if (before.version !== patch.version) throw conflict('customer.version_conflict');
      await checkReferences(trx, patch);
      const set: Partial<CustomerRow> = {};
      for (const [field, column] of Object.entries(FIELD_COLUMNS)) {
        if (field in patch) (set as Record<string, unknown>)[column] = patch[field as keyof typeof FIELD_COLUMNS];
      }
      if (set.birthday_lunar === false) set.birthday_lunar_leap = false;
      // the mobile is never also an "other phone", whichever of the two the edit changed
      const phones = set.other_phones ?? before.other_phones;
      const cleaned = [...new Set(phones)].filter((p) => p !== (set.mobile !== undefined ? set.mobile : before.mobile));
      if (set.other_phones || cleaned.length !== before.other_phones.length) set.other_phones = cleaned;
      if (set.tags) set.tags = [...new Set(set.tags)];
      const changes = diffFields(before, set);
      if (!changes.length) return before;
      const merged = { ...before, ...set };
      const derived = derivedColumns(merged);
      let after: CustomerRow | undefined;
      try {
        await sql`savepoint before_update`.execute(trx);
        after = await trx
          .updateTable('customers')
          .set({ ...set, ...derived, updated_at: now, version: before.version + 1 })
          .where('id', '=', id)
          .where('version', '=', patch.version)
          .returningAll()
          .executeTakeFirst();
      } catch (e) {
        if (!isUniqueViolation(e) || typeof set.mobile !== 'string') throw e;
        await sql`rollback to savepoint before_update`.execute(trx);
        throw await duplicateError(trx, ctx, set.mobile);
      }
      if (!after) throw conflict('customer.version_conflict');
      await insertHistory(trx, id, actorRef(ctx), changes, now);
      await insertTimeline(trx, [{ customerId: id, kind: 'customer.updated', data: { fields: changes.map((c) => c.field) }, at: now, actor: actorRef(ctx) }]);
      await appendAudit(trx, ctx, {
        action: 'customer.update',
        entityType: 'customer',
        entityId: id,
        detail: { fields: changes.map((c) => c.field), version: after.version },
      });
      return findCustomer(trx, id);
    });
    return toCustomer(row!, ctx.actor, await today());
  }

  const { list } = createCustomerLister({ db, clock, settings, today });

  /** "Show number": one click, for roles with customer:reveal; every reveal is audited. */
  async function reveal(ctx: Ctx, id: string) {
    const row = await visible(ctx, id);
    if (!seesNumbers(ctx.actor, row) && !ctx.actor.permissions.has('customer:reveal')) throw forbidden();
    await appendAudit(db, ctx, {
      action: 'customer.reveal',
      entityType: 'customer',
      entityId: id,
      detail: { name: row.name, fields: ['mobile', 'otherPhones', 'idNumber'] },
    });
    return { mobile: row.mobile, otherPhones: row.other_phones, idNumber: row.id_number };
  }

  async function history(ctx: Ctx, id: string, limit: number, cursorRaw?: string) {
    const row = await visible(ctx, id);
    const numbers = seesNumbers(ctx.actor, row);
    let q = db.selectFrom('customer_history').selectAll().where('customer_id', '=', id);
    const cursor = readCursor(cursorRaw, ['int']);
    if (cursor) q = q.where('id', '<', Number(cursor[0]));
    const rows = await q
      .orderBy('id', 'desc')
      .limit(limit + 1)
      .execute();
    const result = page(rows, limit, (r) => [r.id]);
    return {
      nextCursor: result.nextCursor,
      items: result.items.map((h) => ({
        id: String(h.id),
        at: h.at.toISOString(),
        actorName: h.actor_name,
        field: h.field,
        oldValue: maskHistoryValue(h.field, h.old_value, numbers),
        newValue: maskHistoryValue(h.field, h.new_value, numbers),
      })),
    };
  }

  async function timeline(ctx: Ctx, id: string, limit: number, cursorRaw?: string): Promise<{ items: TimelineEvent[]; nextCursor: string | null }> {
    await visible(ctx, id);
    let q = db.selectFrom('timeline_events').selectAll().where('customer_id', '=', id);
    const cursor = readCursor(cursorRaw, ['time', 'int']);
    if (cursor) {
      const at = new Date(String(cursor[0]));
      q = q.where((eb) => eb.or([eb('at', '<', at), eb.and([eb('at', '=', at), eb('id', '<', Number(cursor[1]))])]));
    }
    const rows = await q
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit + 1)
      .execute();
    const result = page(rows, limit, (r) => [r.at.toISOString(), r.id]);
    return {
      nextCursor: result.nextCursor,
      items: result.items.map((e) => {
        const data = (e.data ?? {}) as Record<string, unknown>;
        return { id: String(e.id), at: e.at.toISOString(), kind: e.kind, actorName: e.actor_name, summary: timelineSummary(e.kind, data, ctx.lang), data };
      }),
    };
  }

  async function changeLifecycle(ctx: Ctx, id: string, action: LifecycleAction, version: number, reason?: string): Promise<Customer> {
    const now = clock.now();
    const row = await db.transaction().execute(async (trx) => {
      const before = await visible(ctx, id, trx, true);
      const needed = action === 'close' || action === 'reopen' ? 'customer:close' : 'customer:update';
      if (!ctx.actor.permissions.has(needed)) throw forbidden();
      if (before.merged_into) throw conflict('customer.closed');
      if (before.version !== version) throw conflict('customer.version_conflict');
      const t = lifecycleTransition(before.lifecycle, action);
      if (!t.ok) throw conflict('customer.invalid_transition', { from: before.lifecycle, allowed: t.allowed.join(', ') }, t.allowed);
      await trx
        .updateTable('customers')
        .set({ lifecycle: t.to, updated_at: now, version: before.version + 1 })
        .where('id', '=', id)
        .execute();
      await insertHistory(trx, id, actorRef(ctx), [{ field: 'lifecycle', oldValue: before.lifecycle, newValue: t.to }], now);
      await insertTimeline(trx, [
        {
          customerId: id,
          kind: 'customer.lifecycle',
          data: { from: before.lifecycle, to: t.to, action, ...(reason ? { reason } : {}) },
          at: now,
          actor: actorRef(ctx),
        },
      ]);
      await appendAudit(trx, ctx, { action: `customer.${action}`, entityType: 'customer', entityId: id, detail: { from: before.lifecycle, to: t.to, reason } });
      return findCustomer(trx, id);
    });
    return toCustomer(row!, ctx.actor, await today());
  }

  async function applyAssignments(trx: Db, ctx: Ctx, plan: Map<string, string>, how: 'hand' | 'distribute', now: Date) {
    const ownerIds = [...new Set(plan.values())];
    const ownerName = await eligibleOwners(trx, ownerIds);
    // locked in id order, like merge, so that overlapping assignments cannot deadlock
    const rows = await selectCustomers(trx)
      .where('customers.id', 'in', [...plan.keys()])
      .orderBy('customers.id')
      .forUpdate()
      .execute();
    const mine = rows.filter((r) => canSee(ctx.actor, r) && !r.merged_into && r.lifecycle !== 'closed');
    if (mine.length !== plan.size) throw notFound();
    const changed = mine.filter((r) => r.owner_id !== plan.get(r.id));
    for (const ownerId of ownerIds) {
      const ids = changed.filter((r) => plan.get(r.id) === ownerId).map((r) => r.id);
      if (ids.length)
        await trx
          .updateTable('customers')
          .set({ owner_id: ownerId, updated_at: now, version: sql`version + 1` })
          .where('id', 'in', ids)
          .execute();
    }
    for (const r of changed)
      await insertHistory(trx, r.id, actorRef(ctx), [{ field: 'ownerId', oldValue: r.owner_name, newValue: ownerName.get(plan.get(r.id)!) }], now);
    await insertTimeline(
      trx,
      changed.map((r) => ({
        customerId: r.id,
        kind: 'customer.assigned',
        data: { fromName: r.owner_name, toName: ownerName.get(plan.get(r.id)!), how },
        at: now,
        actor: actorRef(ctx),
      })),
    );
    const counts: Record<string, number> = {};
    for (const r of changed) counts[ownerName.get(plan.get(r.id)!)!] = (counts[ownerName.get(plan.get(r.id)!)!] ?? 0) + 1;
    await appendAudit(trx, ctx, { action: 'customer.assign', entityType: 'customer', entityId: null, detail: { how, count: changed.length, byOwner: counts } });
    return { assigned: changed.length, byOwner: counts };
  }

  async function assign(ctx: Ctx, customerIds: string[], ownerId: string) {
    if (!ctx.actor.permissions.has('customer:assign')) throw forbidden();
    const now = clock.now();
    return db.transaction().execute((trx) => applyAssignments(trx, ctx, new Map(customerIds.map((id) => [id, ownerId])), 'hand', now));
  }

  /** Seed 004 第五篇 一.3: spread a selection evenly over agents by their current load. */
  async function distribute(ctx: Ctx, customerIds: string[], agentIds: string[]) {
    if (!ctx.actor.permissions.has('customer:assign')) throw forbidden();
    const now = clock.now();
    return db.transaction().execute(async (trx) => {
      const loads = await trx
        .selectFrom('customers')
        .select(['owner_id', sql<number>`count(*)::int`.as('n')])
        .where('owner_id', 'in', agentIds)
        .where('merged_into', 'is', null)
        .where('lifecycle', '<>', 'closed')
        .where('id', 'not in', customerIds)
        .groupBy('owner_id')
        .execute();
      const load = new Map(loads.map((l) => [l.owner_id!, l.n]));
      const plan = distributeByLoad(
        customerIds,
        agentIds.map((id) => ({ id, load: load.get(id) ?? 0 })),
      );
      return applyAssignments(trx, ctx, plan, 'distribute', now);
    });
  }

  /**
   * Merge `otherId` into `id`: empty fields are filled from the other record, tags and phones united,
   * the other's timeline moves here, and the other record stays, read-only, pointing here.
   */
  async function merge(ctx: Ctx, id: string, otherId: string, version: number): Promise<Customer> {
    if (!ctx.actor.permissions.has('customer:merge')) throw forbidden();
    if (id === otherId) throw new AppError('customer.merge_self', 400);
    const now = clock.now();
    const row = await db.transaction().execute(async (trx) => {
      // lock both in id order, so two merges of the same pair cannot deadlock
      const [first, second] = [id, otherId].sort();
      await trx.selectFrom('customers').select('id').where('id', 'in', [first!, second!]).orderBy('id').forUpdate().execute();
      const keep = await visible(ctx, id, trx);
      const other = await visible(ctx, otherId, trx);
      if (keep.merged_into || other.merged_into || keep.lifecycle === 'closed') throw conflict('customer.closed');
      if (keep.version !== version) throw conflict('customer.version_conflict');
      const set: Partial<CustomerRow> = {};
      for (const column of Object.values(FIELD_COLUMNS)) {
        // the birthday is one value in three columns (date, lunar, leap): filled below as a whole
        if (column === 'birthday_lunar' || column === 'birthday_lunar_leap') continue;
        const mine = keep[column];
        const theirs = other[column];
        if ((mine === null || mine === '') && theirs !== null && theirs !== '') (set as Record<string, unknown>)[column] = theirs;
      }
      if (set.birthday) Object.assign(set, { birthday_lunar: other.birthday_lunar, birthday_lunar_leap: other.birthday_lunar_leap });
      // 'unknown' is the empty value of gender
      if (keep.gender === 'unknown' && other.gender !== 'unknown') set.gender = other.gender;
      const mobile = (set.mobile as string | undefined) ?? keep.mobile;
      set.other_phones = [...new Set([...keep.other_phones, ...other.other_phones, ...(other.mobile ? [other.mobile] : [])])]
        .filter((p) => p !== mobile)
        .slice(0, MAX_OTHER_PHONES);
      set.tags = [...new Set([...keep.tags, ...other.tags])];
      // the other record lets go of its number first (mobile is unique among live customers)
      await trx
        .updateTable('customers')
        .set({ merged_into: id, search_keys: [], updated_at: now, version: other.version + 1 })
        .where('id', '=', otherId)
        .execute();
      const changes = diffFields(keep, set);
      const derived = derivedColumns({ ...keep, ...set });
      await trx
        .updateTable('customers')
        .set({ ...set, ...derived, updated_at: now, version: keep.version + 1 })
        .where('id', '=', id)
        .execute();
      await trx.updateTable('timeline_events').set({ customer_id: id }).where('customer_id', '=', otherId).execute();
      await insertHistory(trx, id, actorRef(ctx), changes, now);
      await insertTimeline(trx, [
        { customerId: id, kind: 'customer.merged', data: { otherId, otherName: other.name }, at: now, actor: actorRef(ctx) },
        { customerId: otherId, kind: 'customer.merged_away', data: { intoId: id, intoName: keep.name }, at: now, actor: actorRef(ctx) },
      ]);
      for (const hook of mergeHooks) await hook(trx, ctx, { keepId: id, keepName: keep.name, otherId, otherName: other.name, at: now });
      await appendAudit(trx, ctx, {
        action: 'customer.merge',
        entityType: 'customer',
        entityId: id,
        detail: { otherId, otherName: other.name, fields: changes.map((c) => c.field) },
      });
      return findCustomer(trx, id);
    });
    return toCustomer(row!, ctx.actor, await today());
  }

  /** Possible duplicates of a mobile, as shown while creating or importing. */
  async function duplicatesOf(ctx: Ctx, mobile: string): Promise<CustomerListItem[]> {
    const rows = await selectCustomers(db).where('customers.mobile', '=', mobile).where('customers.merged_into', 'is', null).execute();
    const day = await today();
    return rows.filter((r) => canSee(ctx.actor, r)).map((r) => toListItem(r, ctx.actor, day));
  }

  return { create, get, update, list, reveal, history, timeline, changeLifecycle, assign, distribute, merge, onMerge, duplicatesOf };
}
export type CustomerService = ReturnType<typeof createCustomerService>;
