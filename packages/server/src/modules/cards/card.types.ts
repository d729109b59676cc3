import { CARD_UNITS, cardSettingsSchema, DEFAULT_CARD_SETTINGS, type CardSettings, type CardType, type CardTypeInput } from '@kefu/shared';
import type { Db } from '../../db/client';
import type { Clock } from '../../lib/clock';
import type { Ctx } from '../../lib/context';
import { AppError, conflict } from '../../lib/errors';
import { appendAudit } from '../audit';

type TypeRow = Awaited<ReturnType<ReturnType<typeof selectTypes>['executeTakeFirstOrThrow']>>;
const selectTypes = (db: Db) => db.selectFrom('card_types').selectAll();

function toCardType(r: TypeRow): CardType {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    kind: r.kind,
    unit: CARD_UNITS[r.kind],
    prefix: r.prefix,
    course: r.course,
    validityDays: r.validity_days,
    lowBalanceThreshold: Number(r.low_balance_threshold),
    active: r.active,
    version: r.version,
  };
}

const isUnique = (e: unknown) => (e as { code?: string }).code === '23505';

/** Card types (储值卡 in fen, 课时卡 per course, 积分卡) and the department's card settings (seed 004 不退费). */
export function createCardTypes(deps: { db: Db; clock: Clock }) {
  const { db } = deps;

  async function list(): Promise<CardType[]> {
    return (await selectTypes(db).orderBy('name').execute()).map(toCardType);
  }

  async function create(ctx: Ctx, input: CardTypeInput): Promise<CardType> {
    try {
      return await db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto('card_types')
          .values({
            code: input.code,
            name: input.name,
            kind: input.kind,
            prefix: input.prefix,
            course: input.course,
            validity_days: input.validityDays,
            low_balance_threshold: input.lowBalanceThreshold,
            active: input.active,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await appendAudit(trx, ctx, { action: 'card_type.create', entityType: 'card_type', entityId: row.id, detail: { ...input } });
        return toCardType(row);
      });
    } catch (e) {
      if (isUnique(e)) throw conflict('card.type_code_taken');
      throw e;
    }
  }

  /** Kind, code and prefix never change: cards already issued count in that unit under that prefix. */
  async function update(ctx: Ctx, id: string, input: Omit<CardTypeInput, 'code' | 'kind' | 'prefix'> & { version: number }): Promise<CardType> {
    return db.transaction().execute(async (trx) => {
      const before = await selectTypes(trx).where('id', '=', id).forUpdate().executeTakeFirst();
      if (!before) throw new AppError('card.type_not_found', 404);
      if (before.version !== input.version) throw conflict('card.type_version_conflict');
      const row = await trx
        .updateTable('card_types')
        .set({
          name: input.name,
          course: input.course,
          validity_days: input.validityDays,
          low_balance_threshold: input.lowBalanceThreshold,
          active: input.active,
          version: before.version + 1,
        })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await appendAudit(trx, ctx, { action: 'card_type.update', entityType: 'card_type', entityId: id, detail: { ...input } });
      return toCardType(row);
    });
  }

  async function settings(): Promise<CardSettings> {
    const row = await db.selectFrom('settings').select('value').where('key', '=', 'cards').executeTakeFirst();
    const parsed = cardSettingsSchema.safeParse({ ...DEFAULT_CARD_SETTINGS, ...((row?.value as object) ?? {}) });
    return parsed.success ? parsed.data : DEFAULT_CARD_SETTINGS;
  }

  async function saveSettings(ctx: Ctx, value: CardSettings): Promise<CardSettings> {
    const by = ctx.actor.kind === 'user' ? ctx.actor.id : null;
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('settings')
        .values({ key: 'cards', value: JSON.stringify(value), updated_by: by })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value), updated_by: by, updated_at: deps.clock.now() }))
        .execute();
      await appendAudit(trx, ctx, { action: 'settings.update', entityType: 'settings', entityId: 'cards', detail: { ...value } });
    });
    return value;
  }

  return { list, create, update, settings, saveSettings };
}
export type CardTypes = ReturnType<typeof createCardTypes>;
