import type { interactionInputSchema } from '@kefu/shared';
import { type Interaction, type InteractionListQuery, type InteractionUpdate } from '@kefu/shared';
import type { z } from 'zod';
import type { Db } from '../../db/client';
import type { Clock } from '../../lib/clock';
import type { Ctx } from '../../lib/context';
import { AppError, conflict, invalid } from '../../lib/errors';
import { page, readCursor } from '../../lib/pagination';
import { appendAudit } from '../audit';
import { canSee, insertTimeline } from '../customers';
import { toInteraction } from './interaction.mapper';
import { canSeeInteraction, canUpdateInteraction, seesAllInteractions } from './interaction.policy';
import { customerFacts, dayEnd, dayStart, selectInteractions, touchLastContact, type InteractionRow } from './interaction.repo';

const notFound = () => new AppError('interaction.not_found', 404);

/** What a call's end writes (telephony module), inside the telephony module's transaction. */
export interface CallRecord {
  callId: string;
  customerId: string | null;
  agent: { id: string; name: string } | null;
  direction: 'inbound' | 'outbound';
  startedAt: Date;
  /** when the call ended: the customer's last contact, if it was answered */
  endedAt: Date;
  durationSeconds: number;
  answered: boolean;
  phone: string | null;
  recordingRef: string | null;
}

/** Interactions: calls (written when they end), visits, chats and emails recorded by hand. */
export function createInteractionService(deps: { db: Db; clock: Clock; timeZone: () => Promise<string> }) {
  const { db, clock } = deps;

  /** The moment a contact ended (never later than now): what `customers.last_contact_at` moves forward to. */
  const contactEnd = (startedAt: Date, durationSeconds: number) => new Date(Math.min(startedAt.getTime() + durationSeconds * 1000, clock.now().getTime()));
  /** A call nobody answered (or a visit noted as such) is an attempt, not a contact. */
  const isContact = (outcome: string) => outcome !== 'no_answer';
  /** A call's end as the PBX reported it (its start is the ring); a contact recorded by hand ends after its duration. */
  async function endOf(trx: Db, row: Pick<InteractionRow, 'call_id' | 'started_at' | 'duration_seconds'>): Promise<Date> {
    const call = row.call_id ? await trx.selectFrom('telephony_calls').select('ended_at').where('call_id', '=', row.call_id).executeTakeFirst() : undefined;
    return call?.ended_at ?? contactEnd(row.started_at, row.duration_seconds);
  }

  async function find(ctx: Ctx, id: string): Promise<InteractionRow> {
    const row = await selectInteractions(db).where('i.id', '=', id).executeTakeFirst();
    if (!row || !canSeeInteraction(ctx.actor, row)) throw notFound();
    return row;
  }
  const get = async (ctx: Ctx, id: string): Promise<Interaction> => toInteraction(await find(ctx, id), ctx.actor);

  /** A visit, chat, email, or a call the PBX did not report: written by hand from the customer page. */
  async function record(ctx: Ctx, input: z.output<typeof interactionInputSchema>): Promise<Interaction> {
    const now = clock.now();
    const startedAt = new Date(input.startedAt);
    if (startedAt.getTime() > now.getTime() + 60_000) throw invalid('startedAt', 'v.interaction_future');
    const id = await db.transaction().execute(async (trx) => {
      const customer = await customerFacts(trx, input.customerId);
      if (!customer || customer.merged_into || !canSee(ctx.actor, customer)) throw new AppError('error.not_found', 404);
      const row = await trx
        .insertInto('interactions')
        .values({
          customer_id: customer.id,
          channel: input.channel,
          direction: input.direction,
          agent_id: ctx.actor.kind === 'user' ? ctx.actor.id : null,
          started_at: startedAt,
          duration_seconds: input.durationSeconds,
          summary: input.summary,
          outcome: input.outcome,
          recording_ref: input.recordingRef,
          created_by: ctx.actor.kind === 'user' ? ctx.actor.id : null,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await insertTimeline(trx, [
        {
          customerId: customer.id,
          kind: 'interaction.recorded',
          at: startedAt,
          actor: { id: ctx.actor.id, name: ctx.actor.name },
          data: { channel: input.channel, direction: input.direction, durationSeconds: input.durationSeconds, summary: input.summary.slice(0, 200) },
          refType: 'interaction',
          refId: row.id,
        },
      ]);
      if (isContact(input.outcome)) await touchLastContact(trx, customer.id, contactEnd(startedAt, input.durationSeconds));
      await appendAudit(trx, ctx, {
        action: 'interaction.record',
        entityType: 'interaction',
        entityId: row.id,
        detail: { customerId: customer.id, channel: input.channel },
      });
      return row.id;
    });
    return get(ctx, id);
  }

  /**
   * The interaction of a call that ended, once per call id however often `ended` arrives: the unique
   * call_id decides (two instances receiving the repeat at once: one insert wins, the other reads it).
   */
  async function recordCall(trx: Db, ctx: Ctx, call: CallRecord): Promise<{ id: string; created: boolean }> {
    const inserted = await trx
      .insertInto('interactions')
      .values({
        customer_id: call.customerId,
        channel: 'phone',
        direction: call.direction,
        agent_id: call.agent?.id ?? null,
        started_at: call.startedAt,
        duration_seconds: call.durationSeconds,
        outcome: call.answered ? 'pending' : 'no_answer',
        recording_ref: call.recordingRef,
        phone: call.phone,
        call_id: call.callId,
        created_at: clock.now(),
        updated_at: clock.now(),
      })
      .onConflict((oc) => oc.column('call_id').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) {
      const existing = await trx.selectFrom('interactions').select('id').where('call_id', '=', call.callId).executeTakeFirstOrThrow();
      return { id: existing.id, created: false };
    }
    if (call.customerId) {
      await insertTimeline(trx, [
        {
          customerId: call.customerId,
          kind: 'interaction.recorded',
          at: call.startedAt,
          actor: call.agent,
          data: { channel: 'phone', direction: call.direction, durationSeconds: call.durationSeconds, summary: '' },
          refType: 'interaction',
          refId: inserted.id,
        },
      ]);
      if (call.answered) await touchLastContact(trx, call.customerId, call.endedAt);
    }
    await appendAudit(trx, ctx, {
      action: 'interaction.call_recorded',
      entityType: 'interaction',
      entityId: inserted.id,
      detail: { callId: call.callId, customerId: call.customerId, durationSeconds: call.durationSeconds },
    });
    return { id: inserted.id, created: true };
  }

  /**
   * A call from an unknown number whose interaction was written at `ended` before the agent saved the
   * new customer: the interaction is linked inside the transaction that creates the customer (the
   * telephony module's). Nothing when the call has not ended yet (its `ended` will name the customer) or
   * when the interaction already names someone.
   */
  async function linkCall(trx: Db, ctx: Ctx, callId: string, customerId: string): Promise<string | null> {
    const row = await selectInteractions(trx).where('i.call_id', '=', callId).forUpdate('i').executeTakeFirst();
    if (!row || row.customer_id) return null;
    await trx
      .updateTable('interactions')
      .set({ customer_id: customerId, updated_at: clock.now(), version: row.version + 1 })
      .where('id', '=', row.id)
      .execute();
    await insertTimeline(trx, [
      {
        customerId,
        kind: 'interaction.recorded',
        at: row.started_at,
        actor: row.agent_id ? { id: row.agent_id, name: row.agent_name ?? '' } : null,
        data: { channel: row.channel, direction: row.direction, durationSeconds: row.duration_seconds, summary: row.summary.slice(0, 200) },
        refType: 'interaction',
        refId: row.id,
      },
    ]);
    if (isContact(row.outcome)) await touchLastContact(trx, customerId, await endOf(trx, row));
    await appendAudit(trx, ctx, { action: 'interaction.link_call', entityType: 'interaction', entityId: row.id, detail: { callId, customerId } });
    return row.id;
  }

  /** After a call: the summary and outcome; a call from an unknown number gets the customer created for it. */
  async function update(ctx: Ctx, id: string, patch: InteractionUpdate): Promise<Interaction> {
    await db.transaction().execute(async (trx) => {
      const row = await selectInteractions(trx).where('i.id', '=', id).forUpdate('i').executeTakeFirst();
      if (!row || !canSeeInteraction(ctx.actor, row)) throw notFound();
      if (!canUpdateInteraction(ctx.actor, row)) throw new AppError('error.forbidden', 403);
      if (row.version !== patch.version) throw conflict('interaction.version_conflict');
      let linked: string | null = null;
      if (patch.customerId && patch.customerId !== row.customer_id) {
        if (row.customer_id) throw conflict('interaction.customer_set');
        const customer = await customerFacts(trx, patch.customerId);
        if (!customer || customer.merged_into || !canSee(ctx.actor, customer)) throw new AppError('error.not_found', 404);
        linked = customer.id;
      }
      const summary = patch.summary ?? row.summary;
      await trx
        .updateTable('interactions')
        .set({
          ...(patch.summary !== undefined ? { summary: patch.summary } : {}),
          ...(patch.outcome !== undefined ? { outcome: patch.outcome } : {}),
          ...(linked ? { customer_id: linked } : {}),
          updated_at: clock.now(),
          version: row.version + 1,
        })
        .where('id', '=', id)
        .execute();
      if (linked) {
        await insertTimeline(trx, [
          {
            customerId: linked,
            kind: 'interaction.recorded',
            at: row.started_at,
            actor: row.agent_id ? { id: row.agent_id, name: row.agent_name ?? '' } : null,
            data: { channel: row.channel, direction: row.direction, durationSeconds: row.duration_seconds, summary: summary.slice(0, 200) },
            refType: 'interaction',
            refId: id,
          },
        ]);
        const outcome = patch.outcome ?? row.outcome;
        if (isContact(outcome)) await touchLastContact(trx, linked, await endOf(trx, row));
      }
      const fields = Object.keys(patch).filter((k) => k !== 'version');
      await appendAudit(trx, ctx, { action: 'interaction.update', entityType: 'interaction', entityId: id, detail: { fields } });
    });
    return get(ctx, id);
  }

  /** The call log (通话记录) and the customer page's list: newest first, keyset-paged, in the reader's scope. */
  async function list(ctx: Ctx, q: InteractionListQuery) {
    const after = readCursor(q.cursor, ['time', 'uuid']);
    const rows = await filtered(ctx, q, await deps.timeZone())
      .$if(after !== null, (b) =>
        b.where((eb) =>
          eb.or([
            eb('i.started_at', '<', new Date(String(after![0]))),
            eb.and([eb('i.started_at', '=', new Date(String(after![0]))), eb('i.id', '<', String(after![1]))]),
          ]),
        ),
      )
      .limit(q.limit + 1)
      .execute();
    const p = page(rows, q.limit, (r) => [r.started_at.toISOString(), r.id]);
    return { items: p.items.map((r) => toInteraction(r, ctx.actor)), nextCursor: p.nextCursor };
  }

  function filtered(ctx: Ctx, q: Omit<InteractionListQuery, 'limit' | 'cursor'>, timeZone: string) {
    const me = ctx.actor.id;
    return selectInteractions(db)
      .$if(!seesAllInteractions(ctx.actor), (b) => b.where((eb) => eb.or([eb('i.agent_id', '=', me), eb('c.owner_id', '=', me)])))
      .$if(Boolean(q.customerId), (b) => b.where('i.customer_id', '=', q.customerId!))
      .$if(Boolean(q.agentId), (b) => b.where('i.agent_id', '=', q.agentId!))
      .$if(Boolean(q.channel), (b) => b.where('i.channel', '=', q.channel!))
      .$if(Boolean(q.direction), (b) => b.where('i.direction', '=', q.direction!))
      .$if(Boolean(q.outcome), (b) => b.where('i.outcome', '=', q.outcome!))
      .$if(Boolean(q.from), (b) => b.where('i.started_at', '>=', dayStart(q.from!, timeZone)))
      .$if(Boolean(q.to), (b) => b.where('i.started_at', '<', dayEnd(q.to!, timeZone)))
      .orderBy('i.started_at', 'desc')
      .orderBy('i.id', 'desc');
  }

  /** Every row of the filtered call log, for the workbook (bounded: a year of a busy desk). */
  async function exportRows(ctx: Ctx, q: Omit<InteractionListQuery, 'limit' | 'cursor'>) {
    const timeZone = await deps.timeZone();
    const rows = await filtered(ctx, q, timeZone).limit(50_000).execute();
    await appendAudit(db, ctx, { action: 'interaction.export', entityType: 'interaction', detail: { filter: q, rows: rows.length } });
    return { rows: rows.map((r) => toInteraction(r, ctx.actor)), timeZone };
  }

  return { get, record, recordCall, linkCall, update, list, exportRows };
}
export type InteractionService = ReturnType<typeof createInteractionService>;
