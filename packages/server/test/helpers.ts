import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { buildApp, type App } from '../src/app';
import { readConfig } from '../src/config';
import { openDb, type DbHandle, type DbKind } from '../src/db/client';
import { fixedClock } from '../src/lib/clock';
import { PG_ADMIN_URL } from './global-setup';

export interface TestEnv {
  kind: DbKind;
  app: App;
  handle: DbHandle;
  clock: ReturnType<typeof fixedClock>;
}

/** A fresh database of the given kind, from the migrated template; dropped by the returned close(). */
export async function freshDb(kind: DbKind): Promise<{ handle: DbHandle; drop: () => Promise<void> }> {
  if (kind === 'pglite') {
    const file = inject('pgliteTemplate');
    const handle = await openDb({ dataDir: 'memory://', loadDataDir: new Blob([readFileSync(file)]) });
    return { handle, drop: () => handle.close() };
  }
  const template = inject('pgTemplate');
  if (!template) throw new Error('no PostgreSQL template');
  const name = `kefu_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name} template ${template}`);
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  const handle = await openDb({ databaseUrl: url.toString(), poolSize: 10 });
  return {
    handle,
    drop: async () => {
      await handle.close();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

export function engines(): DbKind[] {
  return inject('pgTemplate') ? ['pglite', 'postgres'] : ['pglite'];
}

/**
 * Runs a suite once per database engine (PGlite always; the PostgreSQL server when reachable, and
 * always under CI), each with its own database and app at a fixed clock.
 */
export function describeEachDb(name: string, body: (env: () => TestEnv) => void) {
  const reason = inject('pgSkipReason');
  if (reason) describe.skip(`${name} [postgres] — skipped: ${reason}`, () => {});
  for (const kind of engines()) {
    describe(`${name} [${kind}]`, () => {
      let env: TestEnv | undefined;
      let drop: (() => Promise<void>) | undefined;
      beforeAll(async () => {
        const fresh = await freshDb(kind);
        drop = fresh.drop;
        const clock = fixedClock('2026-10-09T02:00:00Z'); // 10:00 in Shanghai, a Friday
        const app = await buildApp({ db: fresh.handle.db, dbKind: kind, clock, config: { ...readConfig({}), webDist: null } });
        await app.ready();
        env = { kind, app, handle: fresh.handle, clock };
      });
      afterAll(async () => {
        await env?.app.close();
        await drop?.();
      });
      body(() => {
        if (!env) throw new Error('test env not ready');
        return env;
      });
    });
  }
}
