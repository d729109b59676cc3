import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from './app';
import { bootstrap } from './bootstrap';
import { readConfig } from './config';
import { openDb } from './db/client';
import { migrate } from './db/migrate';
import { systemClock } from './lib/clock';
import { createPgPubSub } from './lib/pubsub';
import { loadDemo } from './modules/demo';

const here = dirname(fileURLToPath(import.meta.url));

async function main() {
  if (process.env.KEFU_TEST_CHEAP_PASSWORD_HASH === '1') {
    // only the test suites may hash passwords cheaply (modules/auth/password.ts)
    throw new Error('KEFU_TEST_CHEAP_PASSWORD_HASH is for the test suites only: unset it to start Kefu');
  }
  const config = { ...readConfig(), webDist: resolve(join(here, '../../web/dist')) };
  const demo = process.argv.includes('--demo');
  const handle = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const applied = await migrate(handle.db);
  const { adminPassword } = await bootstrap(handle.db, { adminPassword: process.env.KEFU_ADMIN_PASSWORD });
  // several instances on one PostgreSQL hear each other's call events through LISTEN/NOTIFY (decision 014)
  const pubsub =
    handle.kind === 'postgres' && config.databaseUrl
      ? createPgPubSub({ connectionString: config.databaseUrl, db: handle.db, log: (m) => console.warn(m) })
      : undefined;
  const app = await buildApp(
    { db: handle.db, dbKind: handle.kind, clock: systemClock, config, pglite: handle.pglite, ...(pubsub ? { pubsub } : {}) },
    { logger: { level: config.logLevel } },
  );
  if (applied.length) app.log.info({ applied }, 'migrations applied');
  if (handle.kind === 'pglite') {
    app.log.warn(
      `embedded database (PGlite) in ${config.dataDir}: fine for one department on one machine; back the folder up, and set DATABASE_URL to use a PostgreSQL server`,
    );
  }
  if (adminPassword) {
    console.log(
      `\n  首次启动：已创建管理员账号 admin，密码 ${adminPassword}（只显示这一次，请登录后修改）\n  First start: admin account created, password ${adminPassword} (shown once; change it after signing in)\n`,
    );
  }
  if (demo) {
    const password = process.env.KEFU_DEMO_PASSWORD || 'demo12345';
    const result = await loadDemo(handle.db, { password, log: (m) => app.log.info(m) });
    console.log(
      `\n  演示数据：${result.customers} 位客户；演示账号 ${result.usernames.join(', ')}，密码 ${password}\n  警告：这是演示部门，密码公开，请勿存放真实客户数据。\n  Demo department: ${result.customers} customers; users ${result.usernames.join(', ')} with password ${password}.\n  WARNING: demo data with a published password — do not keep real customers here.\n`,
    );
  }
  // timed work (the complaint watch every minute, the card ledger's nightly check, the follow-up rules) runs
  // from the job scheduler: every instance ticks every 15 s, each due job runs once across instances (decision 013)
  app.services.jobs.start({ everyMs: 15_000, log: app.log });
  const close = async () => {
    await app.close();
    await pubsub?.close();
    await handle.close();
    process.exit(0);
  };
  process.on('SIGINT', close);
  process.on('SIGTERM', close);
  await app.listen({ port: config.port, host: config.host });
  console.log(`  Kefu 客服部管理系统: http://localhost:${config.port}  (API docs: /api/docs)`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
