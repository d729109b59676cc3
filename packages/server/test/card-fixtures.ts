import { randomBytes, randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { buildCustomer, type Client, type Res } from './factories';

let seq = 0;
/** A card type with its own code and prefix (prefixes are unique: two letters plus a counter). */
export async function createCardType(manager: Client, overrides: Record<string, unknown> = {}) {
  seq += 1;
  const tag = randomBytes(3).toString('hex');
  const letters = Array.from(randomBytes(4), (b) => String.fromCharCode(65 + (b % 26))).join('');
  const res = await manager.post('/api/v1/card-types', { code: `t${seq}-${tag}`, name: `储值卡${seq}`, kind: 'stored_value', prefix: letters, ...overrides });
  expect(res.status, res.text).toBe(201);
  return res.body as { id: string; prefix: string; kind: string };
}

/** A customer and a card of the type for them, issued by the membership officer. */
export async function issueCard(officer: Client, typeId: string, name = '王会员') {
  const customer = (await officer.post('/api/v1/customers', buildCustomer({ name }))).body;
  const res = await officer.post('/api/v1/cards', { typeId, customerId: customer.id });
  expect(res.status, res.text).toBe(201);
  return res.body as { id: string; number: string; customerId: string; balance: number };
}

/** One balance-moving request with its Idempotency-Key (a fresh one unless given). */
export function move(
  client: Client,
  cardId: string,
  kind: string,
  amount: number,
  key: string = randomUUID(),
  extra: Record<string, string> = {},
): Promise<Res> {
  return client.post(`/api/v1/cards/${cardId}/entries`, { kind, amount }, { 'idempotency-key': key, ...extra });
}

export const key = () => randomUUID();
