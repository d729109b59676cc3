import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import type { Client } from './factories';
import type { TestEnv } from './helpers';

/**
 * Data for the follow-up rules' tests, written straight into the tables (the rules read tables, and
 * each case needs a precise past: assigned 2 days ago, lost since September, attended on the 6th).
 */
export async function customer(env: TestEnv, o: Record<string, unknown> = {}): Promise<string> {
  const row = await env.handle.db
    .insertInto('customers')
    .values({
      name: `客户${randomBytes(2).toString('hex')}`,
      other_phones: [],
      birthday_lunar: false,
      birthday_lunar_leap: false,
      tags: [],
      consent_marketing: false,
      consent_sensitive: false,
      ...o,
    } as never)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function timeline(env: TestEnv, customerId: string, kind: string, at: string, data: object = {}) {
  await env.handle.db
    .insertInto('timeline_events')
    .values({ customer_id: customerId, kind, at: new Date(at), data: JSON.stringify(data) })
    .execute();
}

let bookingNo = 0;
/** A booking row at a given time (its own resource, so no two test bookings collide). */
export async function booking(env: TestEnv, customerId: string, startsAt: string, status: 'booked' | 'attended' | 'no_show' | 'cancelled' = 'booked') {
  const resource = await env.handle.db
    .insertInto('resources')
    .values({ name: `教练${randomBytes(2).toString('hex')}`, kind: 'coach', capacity: 1, opening_hours: JSON.stringify([[], [], [], [], [], [], []]) })
    .returning('id')
    .executeTakeFirstOrThrow();
  bookingNo += 1;
  const start = new Date(startsAt);
  const row = await env.handle.db
    .insertInto('bookings')
    .values({
      number: `YY${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}-${String(bookingNo).padStart(4, '0')}`,
      customer_id: customerId,
      resource_id: resource.id,
      starts_at: start,
      ends_at: new Date(start.getTime() + 3_600_000),
      exclusive: true,
      channel: 'phone',
      status,
      taken_by_name: '前台',
      marked_at: status === 'attended' || status === 'no_show' ? start : null,
    } as never)
    .returning(['id', 'number'])
    .executeTakeFirstOrThrow();
  return row;
}

export async function tasksOf(env: TestEnv, customerIds: string[]) {
  if (!customerIds.length) return [];
  return env.handle.db.selectFrom('follow_up_tasks').selectAll().where('customer_id', 'in', customerIds).orderBy('dedupe_key').execute();
}

/** Sets a rule through the settings route (by its current version) and runs it now; returns how many tasks it made. */
export async function runRule(manager: Client, code: string, params: Record<string, unknown> = {}): Promise<number> {
  const list = await manager.get('/api/v1/follow-up-rules');
  expect(list.status, list.text).toBe(200);
  const rule = list.body.items.find((r: { code: string }) => r.code === code);
  const saved = await manager.patch(`/api/v1/follow-up-rules/${code}`, { enabled: true, params, version: rule.version });
  expect(saved.status, saved.text).toBe(200);
  const ran = await manager.post(`/api/v1/follow-up-rules/${code}/run`);
  expect(ran.status, ran.text).toBe(200);
  return ran.body.created as number;
}

export const shanghai = (local: string) => new Date(`${local}+08:00`).toISOString();
