import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import type { Db } from '../src/db/client';
import { insertStep } from '../src/modules/complaints/complaint.repo';
import { complaintIn } from './complaint-fixtures';
import { userClient, type Client } from './factories';
import { describeEachDb } from './helpers';

/** Until some session of this database waits for a row lock (how a test knows the other side is blocked). */
async function someoneWaits(db: Db) {
  for (let i = 0; i < 500; i += 1) {
    const { rows } = await sql<{
      n: number;
    }>`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`.execute(db);
    if (rows[0]!.n > 0) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('nobody ever waited for the lock');
}

/**
 * A case's step locks the case row; the watch and the answers lock a promise, transfer or follow-up row
 * and then write a step that references the case (a foreign key, which takes a KEY SHARE lock on it).
 * The case lock must not be FOR UPDATE, or the two orders meet and PostgreSQL kills one as a deadlock.
 */
describeEachDb('complaint row locks: steps and the watch under concurrency', (env) => {
  let officer: Client;
  let manager: Client;

  beforeAll(async () => {
    officer = await userClient(env(), ['complaints'], '赵客诉');
    manager = await userClient(env(), ['manager'], '王经理');
  });

  it('a promise kept while the watch is flagging it overdue: no deadlock, both are recorded', async (ctx) => {
    // PGlite has one connection: nothing runs at the same time there
    if (env().kind !== 'postgres') return ctx.skip();
    const db = env().handle.db;
    const c = await complaintIn('acknowledged', officer, manager);
    const made = await officer.post(`/api/v1/complaints/${c.id}/promises`, { what: '半小时后回电', dueAt: '2026-10-09T10:30:00+08:00' });
    expect(made.status, made.text).toBe(201);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let claimed!: () => void;
    const claimedPromise = new Promise<void>((r) => (claimed = r));
    // the watch's claim of the overdue promise (complaint.watch.ts flagPromises), held open between its two statements
    const watch = db.transaction().execute(async (trx) => {
      await trx.updateTable('complaint_promises').set({ overdue_at: new Date() }).where('id', '=', made.body.id).execute();
      claimed();
      await gate;
      await insertStep(trx, {
        complaintId: c.id,
        action: 'promise_overdue',
        from: null,
        to: null,
        at: new Date(),
        actor: null,
        data: { promiseId: made.body.id },
      });
    });
    await claimedPromise;
    const keep = officer.post(`/api/v1/complaint-promises/${made.body.id}/keep`);
    await someoneWaits(db);
    release();
    const [kept, watched] = await Promise.allSettled([keep, watch]);
    expect(watched.status, watched.status === 'rejected' ? String(watched.reason) : '').toBe('fulfilled');
    expect(kept.status).toBe('fulfilled');
    const res = (kept as PromiseFulfilledResult<{ status: number; text: string }>).value;
    expect(res.status, res.text).toBe(200);
    const steps = await db.selectFrom('complaint_steps').select('action').where('complaint_id', '=', c.id).execute();
    expect(steps.map((s) => s.action)).toEqual(expect.arrayContaining(['promise_overdue', 'promise_kept']));
  });
});
