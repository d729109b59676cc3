import { zonedDate } from '@kefu/shared';
import { sql } from 'kysely';
import type { Db } from '../../db/client';
import { insertNotifications, type NewNotification } from '../notifications';
import type { ComplaintCore, Env } from './complaint.core';
import { slaFactsOf } from './complaint.mapper';
import { caseLink, departmentHandlers, localTime, notes, watchers } from './complaint.notify';
import { findComplaint, insertStep, pausesOf, recordBreach } from './complaint.repo';
import { clockOf, runningClock, watchMoment } from './complaint.sla';

const BATCH = 200;

export interface SweepResult {
  atRisk: number;
  breaches: number;
  transferReminders: number;
  overduePromises: number;
}

/**
 * The watch (SPEC §5): at-risk and breached cases tell the assignee, the supervisors and the managers,
 * once per case and clock, and the breach is recorded; overdue transfers remind the department's
 * handlers (and the assignee) once a day until answered; overdue promises are flagged and their owner
 * told once. Several instances may sweep at once: each case is claimed under its row lock (SKIP LOCKED),
 * each transfer and promise by a guarded update, and the notifications' dedupe keys make a repeat harmless.
 * Notifications are written in the claim's transaction: a crash cannot record an alert and lose its message.
 */
export function createWatch(core: ComplaintCore) {
  const { db } = core;

  async function watchCase(id: string, e: Env): Promise<'at_risk' | 'breach' | null> {
    return db.transaction().execute(async (trx) => {
      const locked = await trx
        .selectFrom('complaints')
        .select('id')
        .where('id', '=', id)
        .where('watch_at', '<=', e.now)
        .forUpdate()
        .skipLocked()
        .executeTakeFirst();
      if (!locked) return null;
      const row = (await findComplaint(trx, id))!;
      const pauses = (await pausesOf(trx, [id])).get(id) ?? [];
      const f = slaFactsOf(row);
      const kind = f.pausedSince ? null : runningClock(f);
      const alerted = [...f.alerted];
      let event: 'at_risk' | 'breach' | null = null;
      if (kind) {
        const clock = clockOf(e.cal, f, kind, pauses, e.now);
        const due = kind === 'response' ? row.response_due_at : row.resolve_due_at;
        const params = { number: row.number, complainant: row.complainant_name, due: localTime(due, e.cal.config.timeZone) };
        let told: NewNotification[] = [];
        if (clock.breached && !alerted.includes(`${kind}_breached`)) {
          alerted.push(`${kind}_breached`);
          await recordBreach(trx, id, kind, due, e.now, null);
          await insertStep(trx, {
            complaintId: id,
            action: 'breach',
            from: null,
            to: null,
            at: e.now,
            actor: null,
            data: { clock: kind, dueAt: due.toISOString() },
          });
          told = notes(await watchers(trx, row), `${kind}_breached`, id, params, caseLink(id));
          event = 'breach';
        } else if (
          !clock.breached &&
          clock.fraction >= e.settings.atRiskFraction &&
          !alerted.includes(`${kind}_at_risk`) &&
          !alerted.includes(`${kind}_breached`)
        ) {
          alerted.push(`${kind}_at_risk`);
          const data = { clock: kind, dueAt: due.toISOString(), usedFraction: Math.round(clock.fraction * 100) / 100, remainingMs: clock.remainingMs };
          await insertStep(trx, { complaintId: id, action: 'at_risk', from: null, to: null, at: e.now, actor: null, data });
          told = notes(await watchers(trx, row), `${kind}_at_risk`, id, params, caseLink(id));
          event = 'at_risk';
        }
        await insertNotifications(trx, told, e.now);
      }
      const watchAt = watchMoment(e.cal, { ...f, alerted }, pauses, e.settings.atRiskFraction);
      await trx.updateTable('complaints').set({ alerted, watch_at: watchAt }).where('id', '=', id).execute();
      return event;
    });
  }

  async function watchCases(e: Env, out: SweepResult) {
    let after: { at: Date; id: string } | null = null;
    for (;;) {
      let q = db.selectFrom('complaints').select(['id', 'watch_at']).where('watch_at', '<=', e.now);
      if (after) q = q.where(sql<boolean>`(watch_at, id) > (${after.at}::timestamptz, ${after.id}::uuid)`);
      const batch = await q.orderBy('watch_at').orderBy('id').limit(BATCH).execute();
      for (const c of batch) {
        const event = await watchCase(c.id, e);
        if (event === 'at_risk') out.atRisk += 1;
        if (event === 'breach') out.breaches += 1;
      }
      if (batch.length < BATCH) return;
      const last = batch.at(-1)!;
      after = { at: last.watch_at!, id: last.id };
    }
  }

  /** Each overdue, unanswered transfer: one reminder per day of the department (跟进和督促). */
  async function remindTransfers(e: Env, out: SweepResult) {
    const today = zonedDate(e.now, e.cal.config.timeZone);
    const due = await db
      .selectFrom('complaint_transfers as t')
      .innerJoin('complaints as c', 'c.id', 't.complaint_id')
      .innerJoin('departments as d', 'd.id', 't.department_id')
      .select(['t.id', 't.department_id', 't.due_at', 'c.id as complaint_id', 'c.number', 'c.assignee_id', 'd.name as department'])
      .where('t.answered_at', 'is', null)
      .where('t.due_at', '<=', e.now)
      .where('c.state', '<>', 'closed')
      .where((eb) => eb.or([eb('t.last_reminded_on', 'is', null), eb('t.last_reminded_on', '<', today)]))
      .orderBy('t.due_at')
      .execute();
    for (const t of due) {
      await db.transaction().execute(async (trx: Db) => {
        const claimed = await trx
          .updateTable('complaint_transfers')
          .set({ reminders_sent: sql`reminders_sent + 1`, last_reminded_on: today })
          .where('id', '=', t.id)
          .where('answered_at', 'is', null)
          .where((eb) => eb.or([eb('last_reminded_on', 'is', null), eb('last_reminded_on', '<', today)]))
          .returning('reminders_sent')
          .executeTakeFirst();
        if (!claimed) return;
        const people = [...(await departmentHandlers(trx, t.department_id)), t.assignee_id];
        const params = { number: t.number, department: t.department, due: localTime(t.due_at, e.cal.config.timeZone) };
        await insertStep(trx, {
          complaintId: t.complaint_id,
          action: 'transfer_reminder',
          from: null,
          to: null,
          at: e.now,
          actor: null,
          data: { transferId: t.id, department: t.department, reminder: claimed.reminders_sent },
        });
        await insertNotifications(trx, notes(people, 'transfer_overdue', `${t.id}:${today}`, params, caseLink(t.complaint_id)), e.now);
        out.transferReminders += 1;
      });
    }
  }

  /** Each promise past its deadline and not kept: flagged once, its owner told once (承诺必须兑现). */
  async function flagPromises(e: Env, out: SweepResult) {
    const due = await db
      .selectFrom('complaint_promises as p')
      .innerJoin('complaints as c', 'c.id', 'p.complaint_id')
      .select(['p.id', 'p.what', 'p.due_at', 'p.owner_id', 'c.id as complaint_id', 'c.number'])
      .where('p.kept_at', 'is', null)
      .where('p.overdue_at', 'is', null)
      .where('p.due_at', '<=', e.now)
      .orderBy('p.due_at')
      .execute();
    for (const p of due) {
      await db.transaction().execute(async (trx: Db) => {
        const claimed = await trx
          .updateTable('complaint_promises')
          .set({ overdue_at: e.now })
          .where('id', '=', p.id)
          .where('overdue_at', 'is', null)
          .where('kept_at', 'is', null)
          .returning('id')
          .executeTakeFirst();
        if (!claimed) return;
        await insertStep(trx, {
          complaintId: p.complaint_id,
          action: 'promise_overdue',
          from: null,
          to: null,
          at: e.now,
          actor: null,
          data: { promiseId: p.id, what: p.what, dueAt: p.due_at.toISOString() },
        });
        const params = { number: p.number, what: p.what, due: localTime(p.due_at, e.cal.config.timeZone) };
        await insertNotifications(trx, notes([p.owner_id], 'promise_overdue', p.id, params, caseLink(p.complaint_id)), e.now);
        out.overduePromises += 1;
      });
    }
  }

  /** One pass of the watch at `now` (main.ts: every minute with the system clock; tests: the fixed clock). */
  async function sweep(now?: Date): Promise<SweepResult> {
    const base = await core.env();
    const e: Env = { ...base, now: now ?? base.now };
    const out: SweepResult = { atRisk: 0, breaches: 0, transferReminders: 0, overduePromises: 0 };
    await watchCases(e, out);
    await remindTransfers(e, out);
    await flagPromises(e, out);
    return out;
  }

  return { sweep };
}
