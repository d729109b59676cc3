import type { ExceptionListItem } from '@kefu/shared';
import type { Db } from '../../db/client';
import type { Ctx } from '../../lib/context';
import { page, readCursor } from '../../lib/pagination';
import { canSee } from '../customers';

type ListParams = { status: 'pending' | 'decided'; limit: number; cursor?: string };

/**
 * The manager's worklist of exception requests (seed 004 临时取消课: 等待领导同意). Waiting requests
 * come oldest first, so nobody's illness waits behind newer ones; decided ones newest decision first.
 * Every request is listed (the manager decides all of them); the customer's name only when the reader may see the customer.
 */
export function createExceptionList(db: Db) {
  async function list(ctx: Ctx, p: ListParams): Promise<{ items: ExceptionListItem[]; nextCursor: string | null }> {
    const after = readCursor(p.cursor, ['time', 'uuid']);
    const pending = p.status === 'pending';
    const key = pending ? 'booking_exceptions.requested_at' : 'booking_exceptions.decided_at';
    let q = db
      .selectFrom('booking_exceptions')
      .innerJoin('bookings', 'bookings.id', 'booking_exceptions.booking_id')
      .innerJoin('resources', 'resources.id', 'bookings.resource_id')
      .innerJoin('customers', 'customers.id', 'bookings.customer_id')
      .selectAll('booking_exceptions')
      .select([
        'bookings.number',
        'bookings.starts_at',
        'resources.name as resource_name',
        'customers.name as customer_name',
        'customers.owner_id',
        'customers.lifecycle',
        'customers.merged_into',
      ])
      .where('booking_exceptions.status', pending ? '=' : 'in', pending ? 'pending' : ['approved', 'rejected']);
    if (after) {
      const [at, id] = [new Date(after[0] as string), after[1] as string];
      q = q.where((eb) => eb.or([eb(key, pending ? '>' : '<', at), eb.and([eb(key, '=', at), eb('booking_exceptions.id', pending ? '>' : '<', id)])]));
    }
    const dir = pending ? 'asc' : 'desc';
    const rows = await q
      .orderBy(key, dir)
      .orderBy('booking_exceptions.id', dir)
      .limit(p.limit + 1)
      .execute();
    const result = page(rows, p.limit, (r) => [(pending ? r.requested_at : r.decided_at!).toISOString(), r.id]);
    return {
      nextCursor: result.nextCursor,
      items: result.items.map((r) => ({
        id: r.id,
        reason: r.reason,
        proofNote: r.proof_note,
        attachmentRef: r.attachment_ref,
        status: r.status,
        requestedBy: r.requested_by_name,
        requestedAt: r.requested_at.toISOString(),
        decidedBy: r.decided_by_name,
        decidedAt: r.decided_at?.toISOString() ?? null,
        decisionNote: r.decision_note,
        bookingId: r.booking_id,
        bookingNumber: r.number,
        customerName: canSee(ctx.actor, { owner_id: r.owner_id, lifecycle: r.lifecycle, merged_into: r.merged_into }) ? r.customer_name : null,
        resourceName: r.resource_name,
        startsAt: r.starts_at.toISOString(),
      })),
    };
  }
  return { list };
}
