import { invitationStep, type Activity, type Invitation, type InvitationStep } from '@kefu/shared';
import { sql } from 'kysely';
import type { Db } from '../../db/client';
import type { Clock } from '../../lib/clock';
import type { Ctx, RequestActor } from '../../lib/context';
import { AppError, conflict } from '../../lib/errors';
import { appendAudit } from '../audit';
import { insertTimeline } from '../customers';
import { toActivity, toInvitation } from './activity.mapper';
import { factsOf, selectActivities, selectInvitations, type ActivityRow } from './activity.repo';

const notFound = () => new AppError('activity.not_found', 404);
const noInvitation = () => new AppError('activity.invitation_not_found', 404);
const seesAll = (actor: RequestActor) => actor.permissions.has('customer:read_all');
const actorRef = (ctx: Ctx) => ({ id: ctx.actor.id, name: ctx.actor.name });
/** One invitation round reaches at most this many customers (a department's member list, not a mass mailing). */
const MAX_INVITEES = 2000;

export interface ActivityInput {
  title: string;
  startsAt: string;
  endsAt: string;
  place: string;
  capacity: number;
  description: string;
}

/**
 * 会员活动 (seed 003 会籍管理员 (5)(6)): the event, its invitations (by chosen customers, tier or tag), the
 * answers, attendance and the opinions collected afterwards. The accepted count is a cached column with a
 * CHECK (accepted <= capacity), moved in the same transaction as each answer: two last places are never
 * given twice. Every step is audited and on the customer's timeline.
 */
export function createActivityService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;

  async function get(ctx: Ctx, id: string, q: Db = db): Promise<Activity> {
    void ctx;
    const row = await selectActivities(q).where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound();
    return toActivity(row, await factsOf(q, [id]));
  }

  async function list(_ctx: Ctx, limit: number): Promise<Activity[]> {
    const rows = await selectActivities(db).orderBy('starts_at', 'desc').limit(limit).execute();
    const facts = await factsOf(
      db,
      rows.map((r) => r.id),
    );
    return rows.map((r) => toActivity(r, facts));
  }

  async function create(ctx: Ctx, input: ActivityInput): Promise<Activity> {
    const id = await db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('member_activities')
        .values({
          title: input.title,
          starts_at: new Date(input.startsAt),
          ends_at: new Date(input.endsAt),
          place: input.place,
          capacity: input.capacity,
          description: input.description,
          created_by_name: ctx.actor.name,
          created_at: clock.now(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await appendAudit(trx, ctx, { action: 'activity.create', entityType: 'activity', entityId: row.id, detail: { title: input.title } });
      return row.id;
    });
    return get(ctx, id);
  }

  async function update(ctx: Ctx, id: string, input: ActivityInput & { version: number }): Promise<Activity> {
    await db.transaction().execute(async (trx) => {
      const before = await selectActivities(trx).where('id', '=', id).forUpdate().executeTakeFirst();
      if (!before) throw notFound();
      if (before.version !== input.version) throw conflict('activity.version_conflict');
      if (input.capacity < before.accepted) throw conflict('activity.capacity_below_accepted', { accepted: before.accepted });
      await trx
        .updateTable('member_activities')
        .set({
          title: input.title,
          starts_at: new Date(input.startsAt),
          ends_at: new Date(input.endsAt),
          place: input.place,
          capacity: input.capacity,
          description: input.description,
          version: before.version + 1,
        })
        .where('id', '=', id)
        .execute();
      await appendAudit(trx, ctx, {
        action: 'activity.update',
        entityType: 'activity',
        entityId: id,
        detail: { title: input.title, capacity: input.capacity },
      });
    });
    return get(ctx, id);
  }

  /** Invites chosen customers, or every live customer of a tier or with a tag; those already invited stay as they are. */
  async function invite(ctx: Ctx, id: string, input: { customerIds: string[]; tierCode: string | null; tag: string | null }) {
    const now = clock.now();
    return db.transaction().execute(async (trx) => {
      const activity = await selectActivities(trx).where('id', '=', id).executeTakeFirst();
      if (!activity) throw notFound();
      let q = trx.selectFrom('customers').select(['id', 'name']).where('merged_into', 'is', null).where('lifecycle', '<>', 'closed').limit(MAX_INVITEES);
      if (!seesAll(ctx.actor)) q = q.where('owner_id', '=', ctx.actor.id);
      q = q.where((eb) => {
        const any = [];
        if (input.customerIds.length) any.push(eb('id', 'in', input.customerIds));
        if (input.tierCode) any.push(eb('tier_code', '=', input.tierCode));
        if (input.tag) any.push(eb(sql<string[]>`tags`, '@>', sql<string[]>`ARRAY[${input.tag}]::text[]`));
        return eb.or(any);
      });
      const people = await q.execute();
      if (!people.length) throw conflict('activity.no_invitees');
      const added = await trx
        .insertInto('activity_invitations')
        .values(people.map((p) => ({ activity_id: id, customer_id: p.id, invited_at: now, invited_by_name: ctx.actor.name })))
        .onConflict((oc) => oc.columns(['activity_id', 'customer_id']).doNothing())
        .returning('customer_id')
        .execute();
      if (!added.length) throw conflict('activity.no_invitees');
      await insertTimeline(
        trx,
        added.map((a) => ({
          customerId: a.customer_id,
          kind: 'activity.invited',
          data: { title: activity.title },
          at: now,
          actor: actorRef(ctx),
          refType: 'activity',
          refId: id,
        })),
      );
      await appendAudit(trx, ctx, { action: 'activity.invite', entityType: 'activity', entityId: id, detail: { invited: added.length, ...input } });
      return { invited: added.length };
    });
  }

  async function invitations(ctx: Ctx, id: string): Promise<Invitation[]> {
    await get(ctx, id);
    let q = selectInvitations(db).where('i.activity_id', '=', id).orderBy('c.name').limit(MAX_INVITEES);
    if (!seesAll(ctx.actor)) q = q.where('c.owner_id', '=', ctx.actor.id);
    return (await q.execute()).map(toInvitation);
  }

  /** answer (accepted / declined), check in, or the opinion afterwards: one invitation, by its version. */
  async function step(
    ctx: Ctx,
    id: string,
    customerId: string,
    s: InvitationStep,
    input: { version: number; rating?: number; opinion?: string },
  ): Promise<Invitation> {
    const now = clock.now();
    await db.transaction().execute(async (trx) => {
      const activity: ActivityRow | undefined = await selectActivities(trx).where('id', '=', id).executeTakeFirst();
      if (!activity) throw notFound();
      const inv = await selectInvitations(trx).where('i.activity_id', '=', id).where('i.customer_id', '=', customerId).forUpdate('i').executeTakeFirst();
      if (!inv || (!seesAll(ctx.actor) && inv.owner_id !== ctx.actor.id)) throw noInvitation();
      if (inv.version !== input.version) throw conflict('activity.version_conflict');
      const verdict = invitationStep({ status: inv.status, checkedInAt: inv.checked_in_at, rating: inv.rating }, s, { startsAt: activity.starts_at }, now);
      if (!verdict.ok) throw conflict(verdict.code);
      if (verdict.takesPlace) {
        // the last place goes once: a conditional update on the activity row (CHECK accepted <= capacity behind it)
        const took = await trx
          .updateTable('member_activities')
          .set((eb) => ({ accepted: eb('accepted', '+', 1) }))
          .where('id', '=', id)
          .where(sql<boolean>`accepted < capacity`)
          .executeTakeFirst();
        if (Number(took.numUpdatedRows) !== 1) throw conflict('activity.full', { capacity: activity.capacity });
      }
      if (verdict.freesPlace) {
        await trx
          .updateTable('member_activities')
          .set((eb) => ({ accepted: eb('accepted', '-', 1) }))
          .where('id', '=', id)
          .execute();
      }
      const set =
        s === 'opinion'
          ? { rating: input.rating ?? null, opinion: input.opinion ?? '', opinion_at: now }
          : s === 'check_in'
            ? { status: verdict.status, checked_in_at: now, responded_at: inv.responded_at ?? now }
            : { status: verdict.status, responded_at: now };
      await trx
        .updateTable('activity_invitations')
        .set({ ...set, version: inv.version + 1 })
        .where('activity_id', '=', id)
        .where('customer_id', '=', customerId)
        .execute();
      const kind = s === 'opinion' ? 'activity.opinion' : s === 'check_in' ? 'activity.checked_in' : 'activity.answered';
      const data = {
        title: activity.title,
        ...(s === 'opinion' ? { rating: input.rating } : {}),
        ...(s === 'accept' || s === 'decline' ? { status: verdict.status } : {}),
      };
      await appendAudit(trx, ctx, { action: `activity.${s}`, entityType: 'activity', entityId: id, detail: { customer: inv.customer_name, ...data } });
      await insertTimeline(trx, [{ customerId, kind, data, at: now, actor: actorRef(ctx), refType: 'activity', refId: id }]);
    });
    const row = await selectInvitations(db).where('i.activity_id', '=', id).where('i.customer_id', '=', customerId).executeTakeFirstOrThrow();
    return toInvitation(row);
  }

  return { get, list, create, update, invite, invitations, step };
}
export type ActivityService = ReturnType<typeof createActivityService>;
