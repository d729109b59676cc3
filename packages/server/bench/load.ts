import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sql } from 'kysely';
import { from as copyFrom } from 'pg-copy-streams';
import type { DbHandle } from '../src/db/client';
import { listMigrations } from '../src/db/migrate';
import { COPY_COLUMNS, toCopyLine, type BenchCustomer } from './generate';

/** The customers indexes as the migrations define them, to drop before the bulk load and build after. */
function customerIndexes(): { name: string; create: string }[] {
  const all = listMigrations().map((m) => m.sql).join('\n');
  return [...all.matchAll(/CREATE (?:UNIQUE )?INDEX (customers_\w+) ON customers [^;]+;/g)].map((m) => ({ name: m[1]!, create: m[0] }));
}

export async function bulkLoad(handle: DbHandle, customers: BenchCustomer[], ownerIds: string[], log: (m: string) => void) {
  const indexes = customerIndexes();
  for (const ix of indexes) await sql.raw(`drop index if exists ${ix.name}`).execute(handle.db);
  const columns = COPY_COLUMNS.join(', ');
  const t0 = performance.now();
  if (handle.pglite) {
    const chunk = 200_000;
    for (let i = 0; i < customers.length; i += chunk) {
      const text = customers.slice(i, i + chunk).map((c) => toCopyLine(c, ownerIds)).join('\n') + '\n';
      await handle.pglite.query(`copy customers (${columns}) from '/dev/blob'`, [], { blob: new Blob([text]) });
    }
  } else {
    const client = await handle.pool!.connect();
    try {
      const stream = client.query(copyFrom(`copy customers (${columns}) from stdin`));
      async function* lines() {
        for (let i = 0; i < customers.length; i += 10_000) yield customers.slice(i, i + 10_000).map((c) => toCopyLine(c, ownerIds)).join('\n') + '\n';
      }
      await pipeline(Readable.from(lines()), stream);
    } finally {
      client.release();
    }
  }
  log(`  COPY ${customers.length} rows: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const t1 = performance.now();
  for (const ix of indexes) await sql.raw(ix.create).execute(handle.db);
  await sql`analyze customers`.execute(handle.db);
  await sql`checkpoint`.execute(handle.db);
  log(`  indexes (${indexes.length}) + analyze: ${((performance.now() - t1) / 1000).toFixed(1)} s`);
}
