import { addDays, endOfMonth, parseSearchQuery, type CustomerListItem, type SearchQuery } from '@kefu/shared';
import { sql } from 'kysely';
import type { Db } from '../../db/client';
import type { Clock } from '../../lib/clock';
import type { Ctx } from '../../lib/context';
import { badCursor, decodeCursor, encodeCursor, fitsShape, type CursorPart } from '../../lib/pagination';
import type { SettingsService } from '../settings';
import { toListItem, type CustomerRowWithOwner } from './customer.mapper';
import { birthdayFilter, scoped, selectCustomers } from './customer.repo';

export const CUSTOMER_LISTS = ['big', 'churn_risk', 'birthday_week', 'birthday_month'] as const;
export type CustomerListName = (typeof CUSTOMER_LISTS)[number];

export interface ListParams {
  q?: string | undefined;
  lifecycle?: string | undefined;
  ownerId?: string | undefined;
  tierCode?: string | undefined;
  classCode?: string | undefined;
  tag?: string | undefined;
  list?: CustomerListName | undefined;
  limit: number;
  cursor?: string | undefined;
}

type Query = ReturnType<typeof selectCustomers>;

/**
 * Each way of listing has an order that one index serves with the filter (docs/decisions/003), so
 * that a page is an index range scan that stops after `limit` rows, at a million customers too.
 */
const ORDERS = {
  newest: { shape: ['time', 'uuid'], cols: ['customers.created_at', 'customers.id'], dir: 'desc', key: (r: CustomerRowWithOwner) => [r.created_at.toISOString(), r.id] },
  pinyin: { shape: ['text', 'uuid'], cols: ['customers.name_pinyin', 'customers.id'], dir: 'asc', key: (r: CustomerRowWithOwner) => [r.name_pinyin, r.id] },
  initials: { shape: ['text', 'text', 'uuid'], cols: ['customers.name_initials', 'customers.name_pinyin', 'customers.id'], dir: 'asc', key: (r: CustomerRowWithOwner) => [r.name_initials, r.name_pinyin, r.id] },
  mobile: { shape: ['text', 'uuid'], cols: ['customers.mobile', 'customers.id'], dir: 'asc', key: (r: CustomerRowWithOwner) => [r.mobile ?? '', r.id] },
  silence: {
    shape: ['time', 'uuid'],
    cols: [sql`coalesce(customers.last_contact_at, customers.created_at)`, 'customers.id'],
    dir: 'asc',
    key: (r: CustomerRowWithOwner) => [(r.last_contact_at ?? r.created_at).toISOString(), r.id],
  },
} as const satisfies Record<string, { shape: readonly CursorPart[]; dir: 'asc' | 'desc'; cols: readonly unknown[]; key: unknown }>;
type OrderName = keyof typeof ORDERS;

/** The search box's condition and the order that serves it. */
function searchPlan(q: Query, s: SearchQuery, reading: 'pinyin' | 'initials', ctx: Ctx): { query: Query; order: OrderName } {
  switch (s.kind) {
    case 'empty':
      return { query: q, order: 'newest' };
    case 'phone_key':
      return { query: q.where(sql<boolean>`customers.search_keys @> array[${s.key}]::text[]`), order: 'newest' };
    case 'phone_prefix':
      // A prefix being typed reads digits that the mask hides (one query per digit would recover a
      // number, unaudited): it searches only the customers whose numbers this reader sees, their own.
      return { query: q.where('customers.owner_id', '=', ctx.actor.id).where('customers.mobile', 'like', `${s.prefix}%`), order: 'mobile' };
    case 'name':
      return { query: q.where(sql<boolean>`customers.search_keys @> ${sql.val(s.keys)}::text[]`).where('customers.name', 'like', `%${s.contains}%`), order: 'pinyin' };
    case 'pinyin':
      return reading === 'pinyin'
        ? { query: q.where('customers.name_pinyin', 'like', `${s.key}%`), order: 'pinyin' }
        : { query: q.where('customers.name_initials', 'like', `${s.key}%`), order: 'initials' };
  }
}

/** Keyset condition: rows after the cursor in the order's direction (row-value comparison). */
function after(q: Query, order: OrderName, cursor: (string | number)[]): Query {
  const o = ORDERS[order];
  const cols = o.cols.map((c) => (typeof c === 'string' ? sql.ref(c) : c));
  const values = cursor.map((v, i) => (order === 'newest' && i === 0) || (order === 'silence' && i === 0) ? sql`${new Date(String(v))}::timestamptz` : sql`${v}`);
  const op = o.dir === 'desc' ? sql`<` : sql`>`;
  return q.where(sql<boolean>`(${sql.join(cols)}) ${op} (${sql.join(values)})`);
}

export function createCustomerLister(deps: { db: Db; clock: Clock; settings: SettingsService; today: () => Promise<string> }) {
  const { db, clock, settings } = deps;

  async function filtered(ctx: Ctx, p: ListParams): Promise<{ query: Query; order: OrderName }> {
    let q = scoped(selectCustomers(db), ctx.actor).where('customers.merged_into', 'is', null);
    if (p.lifecycle) q = q.where('customers.lifecycle', '=', p.lifecycle as never);
    else if (!p.q) q = q.where('customers.lifecycle', '<>', 'closed');
    if (p.ownerId === 'none') q = q.where('customers.owner_id', 'is', null);
    else if (p.ownerId) q = q.where('customers.owner_id', '=', p.ownerId === 'me' ? ctx.actor.id : p.ownerId);
    if (p.tierCode) q = q.where('customers.tier_code', '=', p.tierCode);
    if (p.classCode) q = q.where('customers.class_code', '=', p.classCode);
    if (p.tag) q = q.where(sql<boolean>`customers.tags @> array[${p.tag}]::text[]`);
    let order: OrderName = 'newest';
    if (p.list) {
      const s = await settings.archive();
      if (p.list === 'big') q = q.where('customers.tier_code', 'in', s.bigCustomerTiers.length ? s.bigCustomerTiers : ['--']);
      if (p.list === 'churn_risk') {
        const since = new Date(clock.now().getTime() - s.churnRiskDays * 86_400_000);
        q = q.where('customers.lifecycle', 'in', ['active', 'dormant']).where(sql<boolean>`coalesce(customers.last_contact_at, customers.created_at) < ${since}`);
        order = 'silence';
      }
      if (p.list === 'birthday_week' || p.list === 'birthday_month') {
        const day = await deps.today();
        q = birthdayFilter(q, day, p.list === 'birthday_week' ? addDays(day, 6) : endOfMonth(day));
        order = 'pinyin';
      }
    }
    return { query: q, order };
  }

  async function page(q: Query, order: OrderName, limit: number, cursor: (string | number)[] | null) {
    let query = cursor ? after(q, order, cursor) : q;
    for (const c of ORDERS[order].cols) query = query.orderBy(typeof c === 'string' ? sql.ref(c) : c, ORDERS[order].dir);
    return query.limit(limit + 1).execute();
  }

  /**
   * The list and the one search box. The cursor carries its reading ('p' pinyin, 'i' initials) so a
   * letters query that fell back to initials keeps paging the same way.
   */
  async function list(ctx: Ctx, p: ListParams): Promise<{ items: CustomerListItem[]; nextCursor: string | null }> {
    const base = await filtered(ctx, p);
    const s = p.q ? parseSearchQuery(p.q) : ({ kind: 'empty' } as const);
    const raw = decodeCursor(p.cursor);
    if (p.cursor && !raw) throw badCursor();
    let reading: 'pinyin' | 'initials' = s.kind === 'pinyin' ? s.first : 'pinyin';
    if (raw && s.kind === 'pinyin') {
      if (raw[0] !== 'p' && raw[0] !== 'i') throw badCursor();
      reading = raw[0] === 'p' ? 'pinyin' : 'initials';
    }
    const cursor = raw && s.kind === 'pinyin' ? raw.slice(1) : raw;
    let plan = s.kind === 'empty' ? base : searchPlan(base.query, s, reading, ctx);
    if (cursor && !fitsShape(cursor, ORDERS[plan.order].shape)) throw badCursor();
    let rows = await page(plan.query, plan.order, p.limit, cursor);
    if (!rows.length && !cursor && s.kind === 'pinyin') {
      reading = reading === 'pinyin' ? 'initials' : 'pinyin';
      plan = searchPlan(base.query, s, reading, ctx);
      rows = await page(plan.query, plan.order, p.limit, null);
    }
    const more = rows.length > p.limit;
    const items = more ? rows.slice(0, p.limit) : rows;
    const last = items.at(-1);
    const key = last ? ORDERS[plan.order].key(last) : [];
    const nextCursor = more && last ? encodeCursor(s.kind === 'pinyin' ? [reading === 'pinyin' ? 'p' : 'i', ...key] : key) : null;
    const day = await deps.today();
    return { items: items.map((r) => toListItem(r, ctx.actor, day)), nextCursor };
  }

  return { list };
}

