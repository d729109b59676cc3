import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { COMPLAINT_CATEGORIES, COMPLAINT_CHANNELS, COMPLAINT_SEVERITIES, type ComplaintState } from '@kefu/shared';
import { sql } from 'kysely';
import { from as copyFrom } from 'pg-copy-streams';
import type { DbHandle } from '../src/db/client';
import { listMigrations } from '../src/db/migrate';
import { seededRandom } from '../src/modules/demo';
import { GIVEN_FEMALE, GIVEN_MALE, SURNAMES } from '../src/modules/demo/names';

/**
 * Open complaint cases for the queue benchmark, loaded by COPY (like the customers in load.ts): a mix of
 * the open states, received over the last two weeks, some overdue, some waiting for the customer
 * (paused: no current deadline, sorted last), spread over departments and officers. Rows satisfy every
 * CHECK of 005-complaints.sql, so the queue reads them as it reads real cases.
 */
const COLUMNS = [
  'id',
  'number',
  'state',
  'received_at',
  'channel',
  'complainant_name',
  'complainant_phone',
  'content',
  'category',
  'severity',
  'major',
  'department_id',
  'receiver_id',
  'assignee_id',
  'acknowledged_at',
  'acknowledged_by',
  'verified_at',
  'investigator_id',
  'findings',
  'proposed_at',
  'proposal',
  'responsible_id',
  'handled_at',
  'handler_id',
  'result',
  'feedback_at',
  'satisfaction_result',
  'satisfaction_speed',
  'response_hours',
  'resolve_days',
  'response_due_at',
  'resolve_due_at',
  'responded_at',
  'resolved_at',
  'current_due_at',
  'paused_since',
  'created_by',
  'created_at',
  'updated_at',
] as const;
// open states, weighted as a busy desk has them
const STATES: ComplaintState[] = [
  'registered',
  'registered',
  'registered',
  'acknowledged',
  'acknowledged',
  'acknowledged',
  'verified',
  'verified',
  'proposed',
  'resolved',
  'feedback',
];
const HOUR = 3_600_000;

export interface ComplaintPeople {
  departmentIds: string[];
  officerIds: string[];
}

function* copyLines(count: number, people: ComplaintPeople, now: number, pauses: string[]): Generator<string> {
  const rnd = seededRandom(7);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const iso = (ms: number | null) => (ms === null ? '\\N' : new Date(ms).toISOString());
  const day = new Date(now).toISOString().slice(0, 10).replace(/-/g, '');
  for (let i = 0; i < count; i += 1) {
    const id = randomUUID();
    const state = pick(STATES);
    const received = now - Math.floor(rnd() * 14 * 24 * HOUR);
    const responseDue = received + 2 * HOUR;
    const resolveDue = received + 3 * 24 * HOUR;
    const responded = state === 'registered' ? null : received + Math.floor(rnd() * 3 * HOUR);
    const at = (after: number | null, hours: number) => (after === null ? null : after + Math.floor(rnd() * hours * HOUR));
    const verified = ['verified', 'proposed', 'resolved', 'feedback'].includes(state) ? at(responded, 8) : null;
    const proposed = ['proposed', 'resolved', 'feedback'].includes(state) ? at(verified, 8) : null;
    const handled = ['resolved', 'feedback'].includes(state) ? at(proposed, 8) : null;
    const feedback = state === 'feedback' ? at(handled, 8) : null;
    const paused = rnd() < 0.03 ? now - Math.floor(rnd() * 24 * HOUR) : null;
    if (paused !== null) pauses.push(`${randomUUID()}\t${id}\t${iso(paused)}\t等待客户提供购买凭证`);
    const officer = pick(people.officerIds);
    const name = pick(SURNAMES)[0] + (rnd() < 0.5 ? pick(GIVEN_MALE) : pick(GIVEN_FEMALE));
    const values: (string | number | boolean | null)[] = [
      id,
      `KS${day}-${String(i + 1).padStart(6, '0')}`,
      state,
      iso(received),
      pick(COMPLAINT_CHANNELS),
      name,
      `13${String(Math.floor(rnd() * 1e9)).padStart(9, '0')}`,
      '客户反映预约的课程被临时取消，未提前通知，要求说明原因并补偿。',
      pick(COMPLAINT_CATEGORIES),
      pick(COMPLAINT_SEVERITIES),
      rnd() < 0.02,
      pick(people.departmentIds),
      officer,
      officer,
      iso(responded),
      responded === null ? null : officer,
      iso(verified),
      verified === null ? null : officer,
      verified === null ? null : '经核实情况属实。',
      iso(proposed),
      proposed === null ? null : '致歉并补课一次。',
      proposed === null ? null : officer,
      iso(handled),
      handled === null ? null : officer,
      handled === null ? null : '已补课并致歉。',
      iso(feedback),
      feedback === null ? null : 'fair',
      feedback === null ? null : 'satisfied',
      2,
      3,
      iso(responseDue),
      iso(resolveDue),
      iso(responded),
      iso(handled),
      paused !== null ? null : iso(responded === null ? responseDue : resolveDue),
      iso(paused),
      officer,
      iso(received),
      iso(received),
    ];
    yield values.map((v) => (v === null ? '\\N' : String(v))).join('\t');
  }
}

/** The complaints indexes as the migrations define them, dropped before the COPY and built after it. */
function complaintIndexes(): { name: string; create: string }[] {
  const all = listMigrations()
    .map((m) => m.sql)
    .join('\n');
  return [...all.matchAll(/CREATE (?:UNIQUE )?INDEX (complaints_\w+) ON complaints [^;]+;/g)].map((m) => ({ name: m[1]!, create: m[0] }));
}

export async function loadComplaints(handle: DbHandle, count: number, people: ComplaintPeople, log: (m: string) => void): Promise<number> {
  const indexes = complaintIndexes();
  for (const ix of indexes) await sql.raw(`drop index if exists ${ix.name}`).execute(handle.db);
  const t0 = performance.now();
  const pauses: string[] = [];
  const rows = copyLines(count, people, Date.now(), pauses);
  const chunks = function* () {
    let batch: string[] = [];
    for (const line of rows) {
      batch.push(line);
      if (batch.length === 20_000) {
        yield batch.join('\n') + '\n';
        batch = [];
      }
    }
    if (batch.length) yield batch.join('\n') + '\n';
  };
  const copyComplaints = `copy complaints (${COLUMNS.join(', ')}) from`;
  const copyPauses = 'copy complaint_pauses (id, complaint_id, from_at, reason) from';
  if (handle.pglite) {
    for (const text of chunks()) await handle.pglite.query(`${copyComplaints} '/dev/blob'`, [], { blob: new Blob([text]) });
    if (pauses.length) await handle.pglite.query(`${copyPauses} '/dev/blob'`, [], { blob: new Blob([pauses.join('\n') + '\n']) });
  } else {
    const client = await handle.pool!.connect();
    try {
      await pipeline(Readable.from(chunks()), client.query(copyFrom(`${copyComplaints} stdin`)));
      if (pauses.length) await pipeline(Readable.from([pauses.join('\n') + '\n']), client.query(copyFrom(`${copyPauses} stdin`)));
    } finally {
      client.release();
    }
  }
  log(`  COPY ${count.toLocaleString('en')} complaints (${pauses.length} paused): ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const t1 = performance.now();
  for (const ix of indexes) await sql.raw(ix.create).execute(handle.db);
  await sql`analyze complaints`.execute(handle.db);
  await sql`analyze complaint_pauses`.execute(handle.db);
  await sql`checkpoint`.execute(handle.db);
  log(`  indexes (${indexes.length}) + analyze: ${((performance.now() - t1) / 1000).toFixed(1)} s`);
  return (performance.now() - t0) / 1000;
}
