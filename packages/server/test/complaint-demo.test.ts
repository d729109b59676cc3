import { COMPLAINT_STATES } from '@kefu/shared';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { loadDemo } from '../src/modules/demo';
import { loadDemoComplaints } from '../src/modules/demo/demo-complaints';
import { describeEachDb } from './helpers';

/**
 * The demo department's complaints: about 40 over two months, made through the service at moved
 * clocks, so that every screen has something to show, whatever the time of day the demo is loaded.
 */
describeEachDb('demo complaints', (env) => {
  it('fill every state, with breaches, cases at risk, the front desk’s transfers, promises and follow-ups — on a Friday morning and on a Sunday night', async () => {
    const db = env().handle.db;
    // the customers and users of the demo, without its complaints (loaded below at fixed moments)
    await db.insertInto('settings').values({ key: 'demo_complaints_loaded', value: '{}' }).execute();
    await loadDemo(db, { password: 'demo-password-1', customers: 150 });
    for (const now of [new Date('2026-10-09T02:00:00Z'), new Date('2026-10-18T14:30:00Z')]) {
      await db.deleteFrom('settings').where('key', '=', 'demo_complaints_loaded').execute();
      const before = new Set((await db.selectFrom('complaints').select('id').execute()).map((r) => r.id));
      expect(await loadDemoComplaints(db, { now })).toBeGreaterThanOrEqual(38);
      const rows = (await db.selectFrom('complaints').selectAll().execute()).filter((r) => !before.has(r.id));
      const ids = rows.map((r) => r.id);
      expect(new Set(rows.map((r) => r.state))).toEqual(new Set(COMPLAINT_STATES));
      expect(rows.every((r) => r.received_at <= now && r.received_at.getTime() > now.getTime() - 62 * 86_400_000)).toBe(true);
      expect(rows.some((r) => r.paused_since !== null)).toBe(true);
      expect(
        rows.filter((r) => r.alerted.some((a) => a.endsWith('_at_risk') && !r.alerted.includes(a.replace('at_risk', 'breached')))).length,
      ).toBeGreaterThanOrEqual(2);
      const breaches = await db.selectFrom('complaint_breaches').select(['kind', 'met_at']).where('complaint_id', 'in', ids).execute();
      expect(new Set(breaches.map((b) => `${b.kind}:${b.met_at ? 'late' : 'open'}`))).toEqual(
        new Set(['response:late', 'resolve:late', 'response:open', 'resolve:open']),
      );
      const transfers = await db
        .selectFrom('complaint_transfers as t')
        .innerJoin('users as u', 'u.department_id', 't.department_id')
        .select(['t.answered_at', 't.reminders_sent', 't.due_at'])
        .where('u.username', '=', 'handler')
        .where('t.complaint_id', 'in', ids)
        .execute();
      expect(transfers.some((t) => t.answered_at)).toBe(true);
      expect(transfers.some((t) => !t.answered_at && t.reminders_sent > 0)).toBe(true);
      expect(transfers.some((t) => !t.answered_at && t.due_at > now)).toBe(true);
      const promises = await db.selectFrom('complaint_promises').select(['kept_at', 'overdue_at', 'source']).where('complaint_id', 'in', ids).execute();
      expect(promises.some((p) => p.kept_at)).toBe(true);
      expect(promises.some((p) => !p.kept_at && p.overdue_at)).toBe(true);
      expect(promises.some((p) => !p.kept_at && !p.overdue_at)).toBe(true);
      expect(promises.some((p) => p.source === 'callback')).toBe(true);
      const approvals = rows.filter((r) => r.state === 'proposed' && r.needs_approval);
      expect(approvals.length).toBeGreaterThanOrEqual(2);
      const followUps = await db.selectFrom('complaint_follow_ups').select(['done_at']).where('complaint_id', 'in', ids).execute();
      expect(followUps.some((f) => f.done_at) && followUps.some((f) => !f.done_at)).toBe(true);
      const told = await db
        .selectFrom('notifications')
        .innerJoin('users', 'users.id', 'notifications.user_id')
        .select(['users.username', sql<number>`count(*)::int`.as('n')])
        .groupBy('users.username')
        .execute();
      expect(told.map((t) => t.username)).toEqual(expect.arrayContaining(['complaints', 'manager', 'supervisor', 'handler']));
    }
  });
});
