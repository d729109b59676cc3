import { birthdayKeysForRange } from '@kefu/shared';
import { type SelectQueryBuilder } from 'kysely';
import type { Db } from '../../db/client';
import type { Database } from '../../db/schema';
import type { RequestActor } from '../../lib/context';
import type { CustomerRowWithOwner } from './customer.mapper';

type CustomerQuery = SelectQueryBuilder<Database, 'customers', CustomerRowWithOwner>;

/** Customers with their owner's display name; merged-away records included only when asked. */
export function selectCustomers(db: Db) {
  return db
    .selectFrom('customers')
    .selectAll('customers')
    .select((eb) => eb.selectFrom('users').select('display_name').whereRef('users.id', '=', 'customers.owner_id').as('owner_name')) as unknown as CustomerQuery;
}

export async function findCustomer(db: Db, id: string, forUpdate = false): Promise<CustomerRowWithOwner | undefined> {
  let q = selectCustomers(db).where('customers.id', '=', id);
  if (forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

/** The row scope of SPEC §1 as SQL: an agent's own customers, or all of them. */
export function scoped(q: CustomerQuery, actor: RequestActor): CustomerQuery {
  if (actor.permissions.has('customer:read_all')) return q;
  return q.where('customers.owner_id', '=', actor.id);
}

export function birthdayFilter(q: CustomerQuery, from: string, to: string): CustomerQuery {
  const keys = birthdayKeysForRange(from, to);
  return q.where((eb) =>
    eb.and([
      eb('customers.birthday', 'is not', null),
      eb.or([
        eb.and([eb('customers.birthday_lunar', '=', false), eb('customers.birthday_md', 'in', keys.solar)]),
        eb.and([eb('customers.birthday_lunar', '=', true), eb('customers.birthday_lunar_leap', '=', false), eb('customers.birthday_md', 'in', keys.lunar.length ? keys.lunar : ['--'])]),
        eb.and([eb('customers.birthday_lunar', '=', true), eb('customers.birthday_lunar_leap', '=', true), eb('customers.birthday_md', 'in', keys.lunarLeap.length ? keys.lunarLeap : ['--'])]),
      ]),
    ]),
  );
}

export async function insertHistory(
  db: Db,
  customerId: string,
  actor: { id: string; name: string },
  changes: { field: string; oldValue: unknown; newValue: unknown }[],
  at: Date,
) {
  if (!changes.length) return;
  await db
    .insertInto('customer_history')
    .values(
      changes.map((c) => ({
        customer_id: customerId,
        at,
        actor_id: actor.id,
        actor_name: actor.name,
        field: c.field,
        old_value: JSON.stringify(c.oldValue ?? null),
        new_value: JSON.stringify(c.newValue ?? null),
      })),
    )
    .execute();
}

export interface TimelineInsert {
  customerId: string;
  kind: string;
  data: Record<string, unknown>;
  at: Date;
  actor: { id: string; name: string } | null;
  refType?: string;
  refId?: string;
}

/** Other areas add their events to a customer's timeline through this (via the module's index). */
export async function insertTimeline(db: Db, events: TimelineInsert[]) {
  if (!events.length) return;
  for (let i = 0; i < events.length; i += 1000) {
    await db
      .insertInto('timeline_events')
      .values(
        events.slice(i, i + 1000).map((e) => ({
          customer_id: e.customerId,
          kind: e.kind,
          at: e.at,
          actor_id: e.actor?.id ?? null,
          actor_name: e.actor?.name ?? null,
          data: JSON.stringify(e.data),
          ref_type: e.refType ?? null,
          ref_id: e.refId ?? null,
        })),
      )
      .execute();
  }
}
