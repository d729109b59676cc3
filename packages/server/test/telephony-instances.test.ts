import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildApp, type App } from '../src/app';
import { readConfig } from '../src/config';
import { openDb, type DbHandle } from '../src/db/client';
import { fixedClock } from '../src/lib/clock';
import { createPgPubSub, type PubSub } from '../src/lib/pubsub';
import { buildCustomer, userClient } from './factories';
import { freshDb, type TestEnv } from './helpers';
import { agentWithExtension, listening, openStream, pbxClient } from './telephony-fixtures';

/**
 * Two instances of Kefu on one PostgreSQL, each with its own pool and its own LISTEN connection: an
 * event the PBX posts to instance A reaches the agent whose browser is connected to instance B.
 */
describe.skipIf(!inject('pgTemplate'))('screen pop across two instances [postgres]', () => {
  let drop: () => Promise<void>;
  let handleB: DbHandle;
  let pubA: PubSub;
  let pubB: PubSub;
  let a: TestEnv;
  let b: TestEnv;

  beforeAll(async () => {
    const fresh = await freshDb('postgres');
    drop = fresh.drop;
    const url = (fresh.handle.pool as unknown as { options: { connectionString: string } }).options.connectionString;
    handleB = await openDb({ databaseUrl: url, poolSize: 5 });
    pubA = createPgPubSub({ connectionString: url, db: fresh.handle.db });
    pubB = createPgPubSub({ connectionString: url, db: handleB.db });
    const clock = fixedClock('2026-10-09T02:00:00Z');
    const config = { ...readConfig({}), webDist: null };
    const appA: App = await buildApp({ db: fresh.handle.db, dbKind: 'postgres', clock, config, pubsub: pubA });
    const appB: App = await buildApp({ db: handleB.db, dbKind: 'postgres', clock, config, pubsub: pubB });
    await Promise.all([appA.ready(), appB.ready(), pubA.ready(), pubB.ready()]);
    a = { kind: 'postgres', app: appA, handle: fresh.handle, clock };
    b = { kind: 'postgres', app: appB, handle: handleB, clock };
  });
  afterAll(async () => {
    await a?.app.close();
    await b?.app.close();
    await pubA?.close();
    await pubB?.close();
    await handleB?.close();
    await drop?.();
  });

  it('an event posted to instance A pops on the stream the agent holds on instance B', async () => {
    const admin = await userClient(a, ['admin']);
    const pbx = await pbxClient(a, admin);
    const agent = await agentWithExtension(b);
    const input = buildCustomer({ name: '周强' });
    const customer = (await agent.client.post('/api/v1/customers', input)).body;
    const stream = await openStream(await listening(b), agent.cookie);
    await stream.next((e) => e.event === 'current');

    const sent = Date.now();
    const res = await pbx.post('/api/v1/telephony/events', {
      type: 'ringing',
      callId: 'two-1',
      caller: input.mobile,
      called: '4008001234',
      extension: agent.extension,
    });
    expect(res.status).toBe(202);
    const pop = await stream.next((e) => e.event === 'call' && e.data.callId === 'two-1');
    expect(pop.data).toMatchObject({ state: 'ringing', customerId: customer.id });
    expect(Date.now() - sent).toBeLessThan(3000);
    // B serves the card of the call A received
    const card = await agent.client.get('/api/v1/telephony/calls/two-1/card');
    expect(card.body.customer).toMatchObject({ id: customer.id, name: '周强', canOpen: true });
    // the hang-up reaches B too, and the interaction exists once
    await pbx.post('/api/v1/telephony/events', { type: 'ended', callId: 'two-1', caller: input.mobile, called: '4008001234', durationSeconds: 42 });
    await stream.next((e) => e.event === 'call' && e.data.callId === 'two-1' && e.data.state === 'ended');
    stream.close();
  });

  it('the same `ended` sent to both instances at once writes one interaction', async () => {
    const admin = await userClient(a, ['admin']);
    const pbxA = await pbxClient(a, admin);
    const { bearer } = await import('./clients');
    const key = (await admin.post('/api/v1/api-keys', { name: 'PBX 2', permissions: ['telephony:events'] })).body.key as string;
    const pbxB = bearer(b, key);
    const agent = await agentWithExtension(a);
    const ev = { callId: 'two-2', caller: '13512345678', called: '4008001234', extension: agent.extension };
    await pbxA.post('/api/v1/telephony/events', { ...ev, type: 'ringing' });
    const results = await Promise.all(
      [...Array(6)].map((_, i) => (i % 2 ? pbxA : pbxB).post('/api/v1/telephony/events', { ...ev, type: 'ended', durationSeconds: 30 })),
    );
    expect(new Set(results.map((r) => r.body.interactionId)).size).toBe(1);
    const n = await a.handle.db
      .selectFrom('interactions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('call_id', '=', 'two-2')
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(1);
  });

  it('a LISTEN connection that drops is made again, and pops arrive again', async () => {
    const admin = await userClient(a, ['admin']);
    const pbx = await pbxClient(a, admin);
    const agent = await agentWithExtension(b);
    const stream = await openStream(await listening(b), agent.cookie);
    await stream.next((e) => e.event === 'current');
    await sql`select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'kefu-listen' and datname = current_database()`.execute(
      a.handle.db,
    );
    // events sent while B's listener is away are lost (the browser re-fetches the current call on reconnect); keep ringing until one arrives
    let got = false;
    for (let i = 0; i < 40 && !got; i++) {
      await pbx.post('/api/v1/telephony/events', {
        type: 'ringing',
        callId: `two-3-${i}`,
        caller: '13512340000',
        called: '4008001234',
        extension: agent.extension,
      });
      got = await stream
        .next((e) => e.event === 'call' && String(e.data.callId).startsWith('two-3-'), 500)
        .then(
          () => true,
          () => false,
        );
    }
    expect(got).toBe(true);
    stream.close();
  });
});
