import { canApproveAdjustment } from '@kefu/shared';
import type { Db } from '../../db/client';
import type { Clock } from '../../lib/clock';
import type { Ctx } from '../../lib/context';
import { AppError, conflict } from '../../lib/errors';
import { idempotent } from '../../lib/idempotency';
import { appendAudit } from '../audit';
import { postEntry } from './card.ledger';
import { canSeeCard } from './card.policy';
import { findCard, lockCard } from './card.repo';
import type { Idem } from './card.service';

const selectAdjustments = (db: Db) =>
  db
    .selectFrom('card_adjustments as a')
    .innerJoin('cards', 'cards.id', 'a.card_id')
    .innerJoin('customers as c', 'c.id', 'cards.customer_id')
    .selectAll('a')
    .select(['cards.number as card_number', 'c.name as customer_name']);
type AdjustmentRow = Awaited<ReturnType<ReturnType<typeof selectAdjustments>['executeTakeFirstOrThrow']>>;

function toAdjustment(r: AdjustmentRow) {
  return {
    id: r.id,
    cardId: r.card_id,
    cardNumber: r.card_number,
    customerName: r.customer_name,
    amount: Number(r.amount),
    reason: r.reason,
    state: r.state,
    requestedBy: r.requested_by,
    requestedByName: r.requested_by_name,
    requestedAt: r.requested_at.toISOString(),
    decidedByName: r.decided_by_name,
    decidedAt: r.decided_at?.toISOString() ?? null,
    entryId: r.entry_id,
  };
}

/** Adjustments (调整): asked for by one person, written to the ledger only when a second person approves. */
export function createCardAdjustments(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;

  async function request(ctx: Ctx, cardId: string, input: { amount: number; reason: string }) {
    const card = await findCard(db, cardId);
    if (!card || !canSeeCard(ctx.actor, card)) throw new AppError('card.not_found', 404);
    const id = await db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('card_adjustments')
        .values({
          card_id: cardId,
          amount: input.amount,
          reason: input.reason,
          requested_by: ctx.actor.id,
          requested_by_name: ctx.actor.name,
          requested_at: clock.now(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await appendAudit(trx, ctx, { action: 'card.adjustment_request', entityType: 'card', entityId: cardId, detail: { ...input } });
      return row.id;
    });
    return toAdjustment(await selectAdjustments(db).where('a.id', '=', id).executeTakeFirstOrThrow());
  }

  async function list(_ctx: Ctx, state: 'pending' | 'approved' | 'rejected') {
    const rows = await selectAdjustments(db).where('a.state', '=', state).orderBy('a.requested_at', 'desc').limit(200).execute();
    return { items: rows.map(toAdjustment), nextCursor: null };
  }

  /** Approve (the entry is written now, under the same rules as any movement) or reject; never by the requester. */
  async function decide(ctx: Ctx, id: string, approve: boolean, idem: Idem) {
    return idempotent(db, { ...idem, actorId: ctx.actor.id, body: { approve }, now: clock.now() }, async (trx) => {
      const adj = await trx.selectFrom('card_adjustments').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
      if (!adj) throw new AppError('card.adjustment_not_found', 404);
      if (adj.state !== 'pending') throw conflict('card.adjustment_decided');
      if (!canApproveAdjustment({ requestedBy: adj.requested_by }, ctx.actor.id)) throw new AppError('card.adjustment_self_approval', 403);
      let entryId: string | null = null;
      if (approve) {
        const card = await lockCard(trx, adj.card_id);
        if (!card) throw new AppError('card.not_found', 404);
        const out = await postEntry(
          trx,
          ctx,
          card,
          { kind: 'adjustment', amount: Number(adj.amount), note: adj.reason },
          { refundsAllowed: false, now: clock.now() },
        );
        entryId = out.entry.id;
      }
      await trx
        .updateTable('card_adjustments')
        .set({
          state: approve ? 'approved' : 'rejected',
          decided_by: ctx.actor.id,
          decided_by_name: ctx.actor.name,
          decided_at: clock.now(),
          entry_id: entryId,
        })
        .where('id', '=', id)
        .execute();
      await appendAudit(trx, ctx, {
        action: approve ? 'card.adjustment_approve' : 'card.adjustment_reject',
        entityType: 'card',
        entityId: adj.card_id,
        detail: { adjustmentId: id },
      });
      return { status: 200, body: toAdjustment(await selectAdjustments(trx).where('a.id', '=', id).executeTakeFirstOrThrow()) };
    });
  }

  return { request, list, decide };
}
