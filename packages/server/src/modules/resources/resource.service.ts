import { openingHoursSchema, type ClosureCreateInput, type Resource, type ResourceCreateInput, type ResourceUpdateInput } from '@kefu/shared';
import type { Db } from '../../db/client';
import type { Clock } from '../../lib/clock';
import type { Ctx } from '../../lib/context';
import { AppError, conflict } from '../../lib/errors';
import { appendAudit } from '../audit';

type ResourceRow = {
  id: string;
  name: string;
  kind: Resource['kind'];
  capacity: number;
  opening_hours: unknown;
  notes: string;
  active: boolean;
  version: number;
};

const isUnique = (e: unknown) => typeof e === 'object' && e !== null && (e as { code?: string }).code === '23505';
const nameTaken = () => new AppError('resource.name_taken', 409, {}, { errors: [{ path: 'name', message: 'resource.name_taken' }] });
export const resourceNotFound = () => new AppError('resource.not_found', 404);

/** What can be booked (老师, 教练, 场地, 球场, 开球时段, 冠名房): capacity, opening hours, maintenance closures. */
export function createResourceService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;

  async function present(trx: Db, rows: ResourceRow[]): Promise<Resource[]> {
    if (!rows.length) return [];
    // closures still to come (and the one running): the screens show them, the booking check reads them
    const closures = await trx
      .selectFrom('resource_closures')
      .selectAll()
      .where(
        'resource_id',
        'in',
        rows.map((r) => r.id),
      )
      .where('ends_at', '>', clock.now())
      .orderBy('starts_at')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      kind: r.kind,
      capacity: r.capacity,
      openingHours: openingHoursSchema.parse(r.opening_hours),
      notes: r.notes,
      active: r.active,
      version: r.version,
      closures: closures
        .filter((c) => c.resource_id === r.id)
        .map((c) => ({ id: c.id, startsAt: c.starts_at.toISOString(), endsAt: c.ends_at.toISOString(), reason: c.reason })),
    }));
  }

  async function get(id: string, trx: Db = db): Promise<Resource> {
    const row = await trx.selectFrom('resources').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw resourceNotFound();
    return (await present(trx, [row]))[0]!;
  }

  async function list(opts: { includeInactive?: boolean } = {}): Promise<Resource[]> {
    let q = db.selectFrom('resources').selectAll().orderBy('kind').orderBy('name');
    if (!opts.includeInactive) q = q.where('active', '=', true);
    return present(db, await q.execute());
  }

  async function create(ctx: Ctx, input: ResourceCreateInput): Promise<Resource> {
    try {
      return await db.transaction().execute(async (trx) => {
        const now = clock.now();
        const row = await trx
          .insertInto('resources')
          .values({
            name: input.name,
            kind: input.kind,
            capacity: input.capacity,
            opening_hours: JSON.stringify(input.openingHours),
            notes: input.notes,
            created_at: now,
            updated_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await appendAudit(trx, ctx, {
          action: 'resource.create',
          entityType: 'resource',
          entityId: row.id,
          detail: { name: input.name, kind: input.kind, capacity: input.capacity },
        });
        return get(row.id, trx);
      });
    } catch (e) {
      if (isUnique(e)) throw nameTaken();
      throw e;
    }
  }

  async function update(ctx: Ctx, id: string, input: ResourceUpdateInput): Promise<Resource> {
    try {
      return await db.transaction().execute(async (trx) => {
        const current = await trx.selectFrom('resources').select('version').where('id', '=', id).forUpdate().executeTakeFirst();
        if (!current) throw resourceNotFound();
        if (current.version !== input.version) throw conflict('resource.version_conflict');
        await trx
          .updateTable('resources')
          .set({
            ...(input.name !== undefined ? { name: input.name } : {}),
            ...(input.openingHours !== undefined ? { opening_hours: JSON.stringify(input.openingHours) } : {}),
            ...(input.notes !== undefined ? { notes: input.notes } : {}),
            ...(input.active !== undefined ? { active: input.active } : {}),
            updated_at: clock.now(),
            version: current.version + 1,
          })
          .where('id', '=', id)
          .execute();
        const { version: _v, ...changed } = input;
        await appendAudit(trx, ctx, { action: 'resource.update', entityType: 'resource', entityId: id, detail: { fields: Object.keys(changed) } });
        return get(id, trx);
      });
    } catch (e) {
      if (isUnique(e)) throw nameTaken();
      throw e;
    }
  }

  /** A maintenance period: new bookings inside it are refused (telling the booked customers comes with the closure notices). */
  async function addClosure(ctx: Ctx, id: string, input: ClosureCreateInput): Promise<Resource> {
    return db.transaction().execute(async (trx) => {
      const exists = await trx.selectFrom('resources').select('id').where('id', '=', id).executeTakeFirst();
      if (!exists) throw resourceNotFound();
      const row = await trx
        .insertInto('resource_closures')
        .values({
          resource_id: id,
          starts_at: new Date(input.startsAt),
          ends_at: new Date(input.endsAt),
          reason: input.reason,
          created_by_name: ctx.actor.name,
          created_at: clock.now(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await appendAudit(trx, ctx, { action: 'resource.closure', entityType: 'resource', entityId: id, detail: { closureId: row.id, ...input } });
      return get(id, trx);
    });
  }

  return { get, list, create, update, addClosure };
}
export type ResourceService = ReturnType<typeof createResourceService>;
