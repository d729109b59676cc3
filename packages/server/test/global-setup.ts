import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { bootstrap } from '../src/bootstrap';
import { openDb } from '../src/db/client';
import { migrate } from '../src/db/migrate';

/**
 * Once per run: a migrated PGlite dumped to a file (each test file loads a copy: ~0.3 s instead of a
 * new database's ~6 s) and, when a PostgreSQL server is reachable, a migrated template database that
 * each test file clones with CREATE DATABASE … TEMPLATE.
 */
export const PG_ADMIN_URL = process.env.KEFU_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    pgTemplate: string | null;
    pgSkipReason: string | null;
  }
}

export default async function setup(project: TestProject) {
  const lite = await openDb({ dataDir: 'memory://' });
  await migrate(lite.db);
  await bootstrap(lite.db, { adminPassword: 'admin-test-password' });
  const dump = await lite.pglite!.dumpDataDir('none');
  const file = join(tmpdir(), `kefu-pglite-template-${process.pid}.tar`);
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await lite.close();
  project.provide('pgliteTemplate', file);

  const template = `kefu_tpl_${process.pid}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch (e) {
    const reason = `no PostgreSQL server at ${PG_ADMIN_URL} (${(e as Error).message})`;
    if (process.env.CI === 'true') throw new Error(`CI=true needs the PostgreSQL server: ${reason}`, { cause: e });
    console.warn(`\n[kefu tests] SKIPPING the PostgreSQL variant of every integration test: ${reason}\n`);
    project.provide('pgTemplate', null);
    project.provide('pgSkipReason', reason);
    return;
  }
  await admin.query(`drop database if exists ${template}`);
  await admin.query(`create database ${template}`);
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${template}`;
  const handle = await openDb({ databaseUrl: url.toString(), poolSize: 2 });
  await migrate(handle.db);
  await bootstrap(handle.db, { adminPassword: 'admin-test-password' });
  await handle.close();
  project.provide('pgTemplate', template);
  project.provide('pgSkipReason', null);

  return async () => {
    await admin.query(`drop database if exists ${template} with (force)`);
    await admin.end();
  };
}
