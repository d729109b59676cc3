import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PostgresDialect, type LogEvent } from 'kysely';
import pg from 'pg';
import type { Database } from './schema';
import { PGliteDialect } from './pglite-dialect';

export type Db = Kysely<Database>;
export type DbKind = 'pglite' | 'postgres';

export interface DbHandle {
  db: Db;
  kind: DbKind;
  /** the PGlite instance, for what Kysely cannot do (COPY, dumps); null on PostgreSQL */
  pglite: PGlite | null;
  pool: pg.Pool | null;
  close(): Promise<void>;
}

// Same JavaScript values from both engines: dates as 'YYYY-MM-DD' strings, int8 as numbers.
const DATE_OID = 1082;
const INT8_OID = 20;
pg.types.setTypeParser(DATE_OID, (v: string) => v);
pg.types.setTypeParser(INT8_OID, (v: string) => Number(v));

export interface DbOptions {
  /** postgres://… ; when absent, PGlite */
  databaseUrl?: string | undefined;
  /** PGlite data folder; 'memory://' for an in-memory database */
  dataDir?: string | undefined;
  /** PGlite: start from a dumped data folder (tests) */
  loadDataDir?: Blob | undefined;
  poolSize?: number;
  /** every query with its duration (slow-query logging, the benchmark's direct-SQL comparison) */
  log?: (event: LogEvent) => void;
}

export async function openDb(opts: DbOptions): Promise<DbHandle> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 10 });
    // An idle client whose server connection ends (restart, failover) is dropped from the pool and
    // replaced on next use; without a listener the error would crash the process.
    pool.on('error', (err) => console.warn(`PostgreSQL idle connection lost: ${err.message}`));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), ...(opts.log ? { log: opts.log } : {}) });
    return { db, kind: 'postgres', pglite: null, pool, close: () => db.destroy() };
  }
  const dataDir = opts.dataDir ?? './data/pglite';
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const pglite = await PGlite.create(dataDir.startsWith('memory://') ? undefined : dataDir, {
    extensions: { btree_gist, pg_trgm },
    parsers: { [DATE_OID]: (v: string) => v, [INT8_OID]: (v: string) => Number(v) },
    ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}),
  });
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite), ...(opts.log ? { log: opts.log } : {}) });
  return {
    db,
    kind: 'pglite',
    pglite,
    pool: null,
    close: async () => {
      await db.destroy();
      await pglite.close();
    },
  };
}
