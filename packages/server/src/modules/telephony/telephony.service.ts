import { maskPhone, otherParty, type CallCard, type CallSignal, type Customer, type CustomerCreate, type DialInput, type TelephonyEvent } from '@kefu/shared';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../db/client';
import type { Clock } from '../../lib/clock';
import type { Ctx } from '../../lib/context';
import { AppError, conflict } from '../../lib/errors';
import type { PubSub } from '../../lib/pubsub';
import { appendAudit } from '../audit';
import { canSee, type CustomerService } from '../customers';
import type { InteractionService } from '../interactions';
import { amiOriginate, type AmiConfig } from './ami.client';
import {
  agentByExtension,
  cardCustomer,
  currentCall,
  customerByPhone,
  customerCards,
  findCall,
  lastContacts,
  nextBooking,
  openComplaints,
  type CallRow,
} from './telephony.repo';
import { createStreamRegistry } from './telephony.streams';

const callNotFound = () => new AppError('telephony.call_not_found', 404);

/** A call's state only moves forward (ringing < answered < ended): a late or repeated event changes nothing it should not. */
function forward(state: TelephonyEvent['type']) {
  if (state === 'ended') return sql<CallRow['state']>`'ended'`;
  if (state === 'answered') return sql<CallRow['state']>`case when telephony_calls.state = 'ended' then 'ended' else 'answered' end`;
  return sql<CallRow['state']>`case when telephony_calls.state in ('answered', 'ended') then telephony_calls.state else 'ringing' end`;
}

/**
 * The PBX's events (ringing -> the pop on the agent's screen; ended -> the interaction), the pop card,
 * and click-to-call through Asterisk AMI. Signals go out after commit through the pub/sub, so the
 * instance holding the agent's stream hears them wherever the event arrived.
 */
export function createTelephonyService(deps: {
  db: Db;
  clock: Clock;
  pubsub: PubSub;
  ami: AmiConfig | null;
  interactions: InteractionService;
  customers: CustomerService;
}) {
  const { db, clock, interactions } = deps;
  const streams = createStreamRegistry(deps.pubsub);

  async function signal(call: Pick<CallRow, 'agent_id' | 'call_id' | 'state' | 'customer_id'>, at: Date) {
    if (!call.agent_id) return;
    await streams.publish({ agentId: call.agent_id, callId: call.call_id, state: call.state, customerId: call.customer_id, at: at.toISOString() });
  }

  /** One event of the PBX; repeats are harmless (a call's state only moves forward, its interaction is written once). */
  async function handle(ctx: Ctx, e: TelephonyEvent) {
    const at = e.at ? new Date(e.at) : clock.now();
    const phone = otherParty(e);
    // reads before the transaction: PGlite's one session must not wait on them inside it
    const [agent, customer] = await Promise.all([agentByExtension(db, e.extension), customerByPhone(db, phone)]);
    let interactionId: string | null = null;
    const call = await db.transaction().execute(async (trx) => {
      const state = e.type;
      const row = await trx
        .insertInto('telephony_calls')
        .values({
          call_id: e.callId,
          direction: e.direction,
          state,
          caller: e.caller,
          called: e.called,
          phone,
          extension: e.extension ?? null,
          agent_id: agent?.id ?? null,
          customer_id: customer?.id ?? null,
          started_at: at,
          answered_at: state === 'answered' ? at : null,
        })
        .onConflict((oc) =>
          oc.column('call_id').doUpdateSet((eb) => ({
            state: forward(state),
            answered_at: eb.fn.coalesce('telephony_calls.answered_at', eb.val(state === 'answered' ? at : null)),
            agent_id: eb.fn.coalesce('telephony_calls.agent_id', 'excluded.agent_id'),
            extension: eb.fn.coalesce('telephony_calls.extension', 'excluded.extension'),
            customer_id: eb.fn.coalesce('telephony_calls.customer_id', 'excluded.customer_id'),
            phone: eb.fn.coalesce('telephony_calls.phone', 'excluded.phone'),
          })),
        )
        .returningAll()
        .executeTakeFirstOrThrow();
      if (state === 'ringing' && row.state === 'ringing') {
        // the pop shows the card to the agent whatever their scope: the call is the reason, recorded here
        await appendAudit(trx, ctx, {
          action: 'telephony.ringing',
          entityType: 'call',
          entityId: row.id,
          detail: { callId: e.callId, customerId: row.customer_id, agentId: row.agent_id, extension: e.extension ?? null },
        });
      }
      if (state !== 'ended') return row;
      const ended = row.ended_at ? row : await closeCall(trx, row, e, at);
      const agentName = ended.agent_id
        ? ((await trx.selectFrom('users').select('display_name').where('id', '=', ended.agent_id).executeTakeFirst())?.display_name ?? '')
        : '';
      const rec = await interactions.recordCall(trx, ctx, {
        callId: ended.call_id,
        customerId: ended.customer_id,
        agent: ended.agent_id ? { id: ended.agent_id, name: agentName } : null,
        direction: ended.direction,
        startedAt: ended.started_at,
        endedAt: ended.ended_at ?? at,
        durationSeconds: ended.duration_seconds ?? 0,
        answered: ended.answered_at !== null,
        phone: ended.phone,
        recordingRef: ended.recording_ref,
      });
      interactionId = rec.id;
      return ended;
    });
    await signal(call, at);
    return { callId: call.call_id, state: call.state, customerId: call.customer_id, agentId: call.agent_id, interactionId };
  }

  async function closeCall(trx: Db, row: CallRow, e: TelephonyEvent, at: Date): Promise<CallRow> {
    const measured = row.answered_at ? Math.max(0, Math.round((at.getTime() - row.answered_at.getTime()) / 1000)) : 0;
    return trx
      .updateTable('telephony_calls')
      .set({ state: 'ended', ended_at: at, duration_seconds: e.durationSeconds ?? measured, recording_ref: e.recordingRef ?? null })
      .where('id', '=', row.id)
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** What the pop shows: the call, and the caller's card (or the number to open a new customer with). */
  async function card(ctx: Ctx, callId: string): Promise<CallCard> {
    const call = await findCall(db, callId);
    if (!call) throw callNotFound();
    const ownCall = call.agent_id === ctx.actor.id;
    const c = call.customer_id ? await cardCustomer(db, call.customer_id) : undefined;
    const inScope = c ? canSee(ctx.actor, c) : ctx.actor.permissions.has('customer:read_all');
    if (!ownCall && !(ctx.actor.permissions.has('interaction:read') && inScope)) throw callNotFound();
    const number = call.phone && c && c.owner_id !== ctx.actor.id ? maskPhone(call.phone) : call.phone;
    const callPart = {
      id: call.id,
      callId: call.call_id,
      state: call.state,
      direction: call.direction,
      number,
      startedAt: call.started_at.toISOString(),
      answeredAt: call.answered_at?.toISOString() ?? null,
      endedAt: call.ended_at?.toISOString() ?? null,
      durationSeconds: call.duration_seconds,
      interactionId: call.ended_at
        ? ((await db.selectFrom('interactions').select('id').where('call_id', '=', call.call_id).executeTakeFirst())?.id ?? null)
        : null,
      agentId: call.agent_id,
    };
    if (!c) return { call: callPart, customer: null, newCustomerMobile: call.phone };
    if (!inScope) {
      await appendAudit(db, ctx, { action: 'customer.read_by_call', entityType: 'customer', entityId: c.id, detail: { callId: call.call_id } });
    }
    const now = clock.now();
    const [complaints, booking, cards, contacts] = await Promise.all([
      openComplaints(db, c.id),
      nextBooking(db, c.id, now),
      customerCards(db, c.id),
      lastContacts(db, c.id),
    ]);
    return {
      call: callPart,
      customer: {
        id: c.id,
        name: c.name,
        title: c.title,
        tierCode: c.tier_code,
        tierLabel: (ctx.lang === 'en' ? c.label_en : c.label_zh) ?? null,
        ownerName: c.owner_name,
        lifecycle: c.lifecycle,
        canOpen: inScope,
        openComplaints: complaints,
        nextBooking: booking
          ? { id: booking.id, number: booking.number, startsAt: booking.starts_at.toISOString(), resourceName: booking.resource_name }
          : null,
        cards: cards.map((k) => ({ id: k.id, number: k.number, typeName: k.type_name, kind: k.kind, balance: Number(k.balance), status: k.status })),
        lastContacts: contacts.map((i) => ({
          id: i.id,
          channel: i.channel,
          direction: i.direction,
          startedAt: i.started_at.toISOString(),
          summary: i.summary,
          agentName: i.agent_name,
        })),
      },
      newCustomerMobile: null,
    };
  }

  /**
   * An unknown caller becomes a customer from the pop: the customer, the call and (when the call has
   * already ended) its interaction are linked in ONE transaction, the customers service's create. The
   * call row is locked first; `ended` upserts the same row, so whichever commits second sees the other:
   * an `ended` after this names the customer (the row's customer_id), a link after `ended` finds the
   * interaction and links it. A call that meanwhile got a customer refuses (409) and nothing is created.
   */
  async function newCustomer(ctx: Ctx, callId: string, input: CustomerCreate): Promise<Customer> {
    const call = await findCall(db, callId);
    const mayLink = call && (call.agent_id === ctx.actor.id || ctx.actor.permissions.has('customer:read_all'));
    if (!call || !mayLink) throw callNotFound();
    const taken = async (customerId: string) => {
      const c = await cardCustomer(db, customerId);
      return conflict('telephony.call_has_customer', { name: c && canSee(ctx.actor, c) ? c.name : ctx.lang === 'en' ? 'another customer' : '另一位客户' });
    };
    if (call.customer_id) throw await taken(call.customer_id);
    let linkedBy: string | null = null;
    const created = await deps.customers
      .create(ctx, input, async (trx, customerId) => {
        const locked = await trx
          .selectFrom('telephony_calls')
          .select(['id', 'customer_id'])
          .where('call_id', '=', callId)
          .forUpdate()
          .executeTakeFirstOrThrow();
        if (locked.customer_id) {
          linkedBy = locked.customer_id;
          throw new AppError('telephony.call_has_customer', 409);
        }
        await trx.updateTable('telephony_calls').set({ customer_id: customerId }).where('id', '=', locked.id).execute();
        const interactionId = await interactions.linkCall(trx, ctx, callId, customerId);
        await appendAudit(trx, ctx, {
          action: 'telephony.call_customer',
          entityType: 'call',
          entityId: locked.id,
          detail: { callId, customerId, interactionId },
        });
      })
      .catch(async (err: unknown) => {
        if (linkedBy) throw await taken(linkedBy);
        throw err;
      });
    const after = await findCall(db, callId);
    if (after) await signal(after, clock.now());
    return created;
  }

  /** The agent's live call, if any: sent first on every (re)connected stream. */
  async function current(agentId: string): Promise<CallSignal | null> {
    const row = await currentCall(db, agentId, new Date(clock.now().getTime() - 3_600_000));
    return row ? { callId: row.call_id, state: row.state, customerId: row.customer_id, at: row.started_at.toISOString() } : null;
  }

  /**
   * Click-to-call: rings the agent's extension, then dials the customer's real number (the agent may
   * only see it masked). The call row and the audit commit first; the PBX is asked after, outside any
   * transaction; a refusal marks the call ended and answers the PBX's reason.
   */
  async function dial(ctx: Ctx, input: DialInput) {
    if (!deps.ami) throw new AppError('telephony.not_configured', 409);
    const me = await db.selectFrom('users').select(['extension']).where('id', '=', ctx.actor.id).executeTakeFirst();
    if (!me?.extension) throw new AppError('telephony.no_extension', 422);
    const c = await cardCustomer(db, input.customerId);
    if (!c || c.merged_into || !canSee(ctx.actor, c)) throw new AppError('error.not_found', 404);
    const number = input.phone === 'mobile' ? c.mobile : c.other_phones[input.phone];
    if (!number) throw new AppError('telephony.no_number', 422);
    const callId = `kefu-${randomUUID()}`;
    const now = clock.now();
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('telephony_calls')
        .values({
          call_id: callId,
          direction: 'outbound',
          state: 'dialing',
          caller: me.extension!,
          called: '',
          phone: number,
          extension: me.extension,
          agent_id: ctx.actor.id,
          customer_id: c.id,
          started_at: now,
        })
        .execute();
      await appendAudit(trx, ctx, { action: 'telephony.dial', entityType: 'customer', entityId: c.id, detail: { callId, phone: input.phone } });
    });
    try {
      await amiOriginate(deps.ami, { actionId: callId, extension: me.extension, number, variables: { KEFU_CALL_ID: callId } });
    } catch (err) {
      await db.updateTable('telephony_calls').set({ state: 'ended', ended_at: clock.now(), duration_seconds: 0 }).where('call_id', '=', callId).execute();
      throw err;
    }
    return { callId, state: 'dialing' as const };
  }

  return { handle, card, current, dial, newCustomer, streams };
}
export type TelephonyService = ReturnType<typeof createTelephonyService>;
