import {
  DEFAULT_REFERRAL_SETTINGS,
  referralSettingsSchema,
  rewardCard,
  rewardEntryKind,
  translate,
  type CardKind,
  type Referral,
  type ReferralCreateInput,
  type ReferralQualifier,
  type ReferralSettings,
  type ReferralStatus,
} from '@kefu/shared';
import type { Db } from '../../db/client';
import { localDate, type Clock } from '../../lib/clock';
import type { Ctx, RequestActor } from '../../lib/context';
import { AppError, conflict } from '../../lib/errors';
import { idempotent } from '../../lib/idempotency';
import { encodeCursor, readCursor } from '../../lib/pagination';
import { appendAudit } from '../audit';
import { lockCard, postEntry, selectCardRows } from '../cards';
import { canSee, insertTimeline } from '../customers';
import { toReferral } from './referral.mapper';
import { selectReferrals, type ReferralRow } from './referral.repo';

const notFound = () => new AppError('referral.not_found', 404);
const isUnique = (e: unknown) => (e as { code?: string }).code === '23505';
const SETTINGS_KEY = 'referrals';

/** A referral is seen by whoever sees every customer, or owns one of the two. */
function canSeeReferral(actor: RequestActor, r: Pick<ReferralRow, 'referrer_owner' | 'referred_owner'>): boolean {
  return actor.permissions.has('customer:read_all') || r.referrer_owner === actor.id || r.referred_owner === actor.id;
}
const actorRef = (ctx: Ctx) => (ctx.actor.username === 'system' ? null : { id: ctx.actor.id, name: ctx.actor.name });

/**
 * 转介绍 (seed 004): the record of who brought whom, and the referrer's reward written once through the
 * card ledger. A referral qualifies inside the transaction of the new customer's first top-up or attended
 * booking (hooks of the cards and bookings modules); the reward follows at once when the setting names a
 * card type the referrer holds, or later by hand (`reward`, with an Idempotency-Key).
 */
export function createReferralService(deps: { db: Db; clock: Clock; timeZone: () => Promise<string> }) {
  const { db, clock } = deps;

  async function settingsIn(q: Db): Promise<ReferralSettings> {
    const row = await q.selectFrom('settings').select('value').where('key', '=', SETTINGS_KEY).executeTakeFirst();
    const parsed = referralSettingsSchema.safeParse({ ...DEFAULT_REFERRAL_SETTINGS, ...((row?.value as object) ?? {}) });
    return parsed.success ? parsed.data : DEFAULT_REFERRAL_SETTINGS;
  }

  async function saveSettings(ctx: Ctx, value: ReferralSettings): Promise<ReferralSettings> {
    const by = ctx.actor.kind === 'user' ? ctx.actor.id : null;
    await db.transaction().execute(async (trx) => {
      if (value.rewardCardTypeId) {
        const type = await trx.selectFrom('card_types').select('id').where('id', '=', value.rewardCardTypeId).executeTakeFirst();
        if (!type) throw new AppError('card.type_not_found', 400, {}, { errors: [{ path: 'rewardCardTypeId', message: 'card.type_not_found' }] });
      }
      await trx
        .insertInto('settings')
        .values({ key: SETTINGS_KEY, value: JSON.stringify(value), updated_by: by })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value), updated_by: by, updated_at: clock.now() }))
        .execute();
      await appendAudit(trx, ctx, { action: 'settings.update', entityType: 'settings', entityId: SETTINGS_KEY, detail: { ...value } });
    });
    return value;
  }

  async function get(ctx: Ctx, id: string, q: Db = db): Promise<Referral> {
    const row = await selectReferrals(q).where('r.id', '=', id).executeTakeFirst();
    if (!row || !canSeeReferral(ctx.actor, row)) throw notFound();
    return toReferral(row);
  }

  async function create(ctx: Ctx, input: ReferralCreateInput & { referredOn: string | null; note: string }): Promise<Referral> {
    const now = clock.now();
    const today = localDate(now, await deps.timeZone()); // read before the transaction (PGlite is one session)
    let id: string;
    try {
      id = await db.transaction().execute(async (trx) => {
        const people = await trx
          .selectFrom('customers')
          .select(['id', 'name', 'owner_id', 'lifecycle', 'merged_into'])
          .where('id', 'in', [input.referrerId, input.referredId])
          .execute();
        const of = (cid: string, path: string) => {
          const c = people.find((p) => p.id === cid);
          if (!c || c.merged_into || !canSee(ctx.actor, c)) {
            throw new AppError('referral.unknown_customer', 400, {}, { errors: [{ path, message: 'referral.unknown_customer' }] });
          }
          return c;
        };
        const referrer = of(input.referrerId, 'referrerId');
        const referred = of(input.referredId, 'referredId');
        const row = await trx
          .insertInto('referrals')
          .values({
            referrer_id: referrer.id,
            referred_id: referred.id,
            referred_on: input.referredOn ?? today,
            note: input.note,
            created_by_name: ctx.actor.name,
            created_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await appendAudit(trx, ctx, {
          action: 'referral.create',
          entityType: 'referral',
          entityId: row.id,
          detail: { referrer: referrer.name, referred: referred.name },
        });
        await insertTimeline(trx, [
          {
            customerId: referrer.id,
            kind: 'referral.brought',
            data: { otherName: referred.name },
            at: now,
            actor: actorRef(ctx),
            refType: 'referral',
            refId: row.id,
          },
          {
            customerId: referred.id,
            kind: 'referral.referred_by',
            data: { otherName: referrer.name },
            at: now,
            actor: actorRef(ctx),
            refType: 'referral',
            refId: row.id,
          },
        ]);
        return row.id;
      });
    } catch (e) {
      // a customer is brought by one person, also when two desks record it at once
      if (isUnique(e)) throw conflict('referral.already_referred');
      throw e;
    }
    return get(ctx, id);
  }

  /** Writes the reward of a qualified referral (locked by the caller) through the ledger; the reason when it cannot. */
  async function rewardIn(
    trx: Db,
    ctx: Ctx,
    r: ReferralRow,
    settings: ReferralSettings,
  ): Promise<'referral.no_reward_setting' | 'referral.no_reward_card' | null> {
    const cards = await selectCardRows(trx).where('cards.customer_id', '=', r.referrer_id).execute();
    const pick = rewardCard(
      settings,
      cards.map((c) => ({ id: c.id, typeId: c.type_id, status: c.status, expiresAt: c.expires_at, issuedAt: c.issued_at })),
      clock.now(),
    );
    if (!pick.ok) return pick.code;
    const card = (await lockCard(trx, pick.card.id))!;
    const now = clock.now();
    const note = `${translate('referral.reward_note', ctx.lang)}${r.referred_name}`;
    const out = await postEntry(
      trx,
      ctx,
      card,
      { kind: rewardEntryKind(card.kind as CardKind), amount: settings.rewardAmount, note },
      { refundsAllowed: false, now },
    );
    // once: only a qualified referral becomes rewarded (the unique reward_entry_id is the last word)
    const done = await trx
      .updateTable('referrals')
      .set((eb) => ({
        status: 'rewarded',
        reward_card_id: card.id,
        reward_amount: settings.rewardAmount,
        reward_entry_id: out.entry.id,
        rewarded_at: now,
        version: eb('version', '+', 1),
      }))
      .where('id', '=', r.id)
      .where('status', '=', 'qualified')
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) throw conflict('referral.already_rewarded');
    await appendAudit(trx, ctx, {
      action: 'referral.reward',
      entityType: 'referral',
      entityId: r.id,
      detail: { card: card.number, amount: settings.rewardAmount },
    });
    await insertTimeline(trx, [
      {
        customerId: r.referrer_id,
        kind: 'referral.rewarded',
        data: { otherName: r.referred_name, number: card.number },
        at: now,
        actor: actorRef(ctx),
        refType: 'referral',
        refId: r.id,
      },
    ]);
    return null;
  }

  /**
   * Inside the transaction of the new customer's top-up or attended booking: a pending referral becomes
   * qualified, and is rewarded at once when it can be (otherwise it waits, listed as 待发奖励).
   */
  async function qualify(trx: Db, ctx: Ctx, customerId: string, via: ReferralQualifier) {
    const pending = await trx
      .selectFrom('referrals')
      .select('id')
      .where('referred_id', '=', customerId)
      .where('status', '=', 'pending')
      .forUpdate()
      .executeTakeFirst();
    if (!pending) return;
    const now = clock.now();
    await trx
      .updateTable('referrals')
      .set((eb) => ({ status: 'qualified', qualified_at: now, qualified_by: via, version: eb('version', '+', 1) }))
      .where('id', '=', pending.id)
      .execute();
    const row = await selectReferrals(trx).where('r.id', '=', pending.id).executeTakeFirstOrThrow();
    await insertTimeline(trx, [
      {
        customerId: row.referrer_id,
        kind: 'referral.qualified',
        data: { otherName: row.referred_name, via },
        at: now,
        actor: actorRef(ctx),
        refType: 'referral',
        refId: row.id,
      },
    ]);
    await rewardIn(trx, ctx, row, await settingsIn(trx));
  }

  /** By hand, for a qualified referral whose reward waited (no setting or no card then); applied once per Idempotency-Key. */
  async function reward(ctx: Ctx, id: string, version: number, idem: { key: string | undefined; route: string }) {
    const settings = await settingsIn(db); // read before the transaction (PGlite is one session)
    return idempotent(db, { ...idem, actorId: ctx.actor.id, body: { version }, now: clock.now() }, async (trx) => {
      await trx.selectFrom('referrals').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
      const row = await selectReferrals(trx).where('r.id', '=', id).executeTakeFirst();
      if (!row || !canSeeReferral(ctx.actor, row)) throw notFound();
      if (row.version !== version) throw conflict('referral.version_conflict');
      if (row.status === 'pending') throw conflict('referral.not_qualified');
      if (row.status === 'rewarded') throw conflict('referral.already_rewarded');
      const refused = await rewardIn(trx, ctx, row, settings);
      if (refused) throw conflict(refused);
      return { status: 200, body: await get(ctx, id, trx) };
    });
  }

  async function list(ctx: Ctx, q: { status?: ReferralStatus | undefined; customerId?: string | undefined; limit: number; cursor?: string | undefined }) {
    const after = readCursor(q.cursor, ['time', 'uuid']);
    let query = selectReferrals(db)
      .orderBy('r.created_at', 'desc')
      .orderBy('r.id', 'desc')
      .limit(q.limit + 1);
    if (q.status) query = query.where('r.status', '=', q.status);
    if (q.customerId) query = query.where((eb) => eb.or([eb('r.referrer_id', '=', q.customerId!), eb('r.referred_id', '=', q.customerId!)]));
    if (!ctx.actor.permissions.has('customer:read_all')) {
      query = query.where((eb) => eb.or([eb('a.owner_id', '=', ctx.actor.id), eb('b.owner_id', '=', ctx.actor.id)]));
    }
    if (after) {
      const [at, aid] = [new Date(String(after[0])), String(after[1])];
      query = query.where((eb) => eb.or([eb('r.created_at', '<', at), eb.and([eb('r.created_at', '=', at), eb('r.id', '<', aid)])]));
    }
    const rows = await query.execute();
    const items = rows.slice(0, q.limit).map(toReferral);
    const last = items.at(-1);
    return { items, nextCursor: rows.length > q.limit && last ? encodeCursor([last.createdAt, last.id]) : null };
  }

  /** The customer page: who brought this customer, and whom they brought. */
  async function forCustomer(ctx: Ctx, customerId: string) {
    const c = await db.selectFrom('customers').select(['owner_id', 'lifecycle', 'merged_into']).where('id', '=', customerId).executeTakeFirst();
    if (!c || !canSee(ctx.actor, c)) throw new AppError('error.not_found', 404);
    const rows = await selectReferrals(db)
      .where((eb) => eb.or([eb('r.referrer_id', '=', customerId), eb('r.referred_id', '=', customerId)]))
      .orderBy('r.created_at', 'desc')
      .limit(200)
      .execute();
    const by = rows.find((r) => r.referred_id === customerId);
    return { referredBy: by ? toReferral(by) : null, referred: rows.filter((r) => r.referrer_id === customerId).map(toReferral) };
  }

  /** Everything the list shows (up to 5,000 rows), for the Excel file. */
  async function all(ctx: Ctx, status?: ReferralStatus): Promise<Referral[]> {
    const out: Referral[] = [];
    let cursor: string | undefined;
    do {
      const page = await list(ctx, { status, limit: 200, cursor });
      out.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor && out.length < 5000);
    return out;
  }

  return { settings: () => settingsIn(db), saveSettings, create, get, list, forCustomer, all, qualify, reward };
}
export type ReferralService = ReturnType<typeof createReferralService>;
