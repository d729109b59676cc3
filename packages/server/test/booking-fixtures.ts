import type { OpeningHours, ResourceCreateInput } from '@kefu/shared';
import { randomBytes } from 'node:crypto';
import { buildCustomer, type Client } from './factories';

/** Monday to Friday 09:00-12:00 and 14:00-21:00, Saturday 09:00-17:00, Sunday closed (times in Shanghai). */
export const HOURS: OpeningHours = [
  [],
  ...Array<OpeningHours[number]>(5).fill([
    { from: '09:00', to: '12:00' },
    { from: '14:00', to: '21:00' },
  ]),
  [{ from: '09:00', to: '17:00' }],
];

export function buildResource(overrides: Partial<ResourceCreateInput> = {}): ResourceCreateInput {
  return { name: `王老师-${randomBytes(3).toString('hex')}`, kind: 'teacher', capacity: 1, openingHours: HOURS, notes: '', ...overrides };
}

export async function createResource(manager: Client, overrides: Partial<ResourceCreateInput> = {}) {
  const res = await manager.post('/api/v1/resources', buildResource(overrides));
  if (res.status !== 201) throw new Error(`resource: ${res.status} ${res.text}`);
  return res.body as { id: string; name: string; capacity: number; version: number };
}

export async function createCustomer(client: Client, name = '李娜') {
  const res = await client.post('/api/v1/customers', buildCustomer({ name }));
  if (res.status !== 201) throw new Error(`customer: ${res.status} ${res.text}`);
  return res.body as { id: string; name: string };
}

/** Times in Shanghai on a given day; the test clock stands at Friday 9 October 2026, 10:00. */
export const sh = (day: string, hhmm: string) => `${day}T${hhmm}:00+08:00`;

export function bookingBody(customerId: string, resourceId: string, day: string, from: string, to: string, extra: Record<string, unknown> = {}) {
  return { customerId, resourceId, startsAt: sh(day, from), endsAt: sh(day, to), channel: 'phone', ...extra };
}

/** Takes a booking as the screens do: each new request with its own Idempotency-Key. */
export function takeBooking(client: Client, body: unknown, headers: Record<string, string> = {}) {
  return client.post('/api/v1/bookings', body, { 'idempotency-key': randomBytes(12).toString('hex'), ...headers });
}
