import type { Db } from '../../db/client';
import type { Ctx } from '../../lib/context';
import { appendAudit } from '../audit';
import { insertTimeline, type MergeHook } from '../customers';

/**
 * Two customers merged (duplicates found by mobile): the merged-away customer's cards move to the kept
 * one, inside the merge's transaction. The ledger stays as it is (entries belong to the card, not to the
 * customer); both customers' timelines say which cards moved, and the move is audited.
 */
export const moveCardsOnMerge: MergeHook = async (trx: Db, ctx: Ctx, m) => {
  const moved = await trx
    .updateTable('cards')
    .set((eb) => ({ customer_id: m.keepId, version: eb('version', '+', 1) }))
    .where('customer_id', '=', m.otherId)
    .returning(['id', 'number'])
    .execute();
  if (!moved.length) return;
  const numbers = moved.map((c) => c.number).sort();
  const actor = { id: ctx.actor.id, name: ctx.actor.name };
  await insertTimeline(trx, [
    { customerId: m.keepId, kind: 'card.moved_in', data: { numbers: numbers.join(', '), otherName: m.otherName }, at: m.at, actor },
    { customerId: m.otherId, kind: 'card.moved_out', data: { numbers: numbers.join(', '), otherName: m.keepName }, at: m.at, actor },
  ]);
  for (const c of moved) {
    await appendAudit(trx, ctx, {
      action: 'card.merge_move',
      entityType: 'card',
      entityId: c.id,
      detail: { number: c.number, from: m.otherId, to: m.keepId },
    });
  }
};
