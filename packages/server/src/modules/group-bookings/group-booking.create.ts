import {
  groupBookingCreateSchema,
  isExclusive,
  leadVerdict,
  rosterProblems,
  translate,
  zonedDate,
  type GroupBooking,
  type GroupBookingCreateInput,
  type Resource,
} from '@kefu/shared';
import type { Ctx } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { idempotent, type IdempotentResult } from '../../lib/idempotency';
import { appendAudit } from '../audit';
import { canSee, insertTimeline } from '../customers';
import type { GroupDeps } from './group-booking.deps';
import { presentGroup } from './group-booking.mapper';
import { addEvent, findGroup, nextFormNumber } from './group-booking.repo';

const unknownOrganiser = () => new AppError('booking.unknown_customer', 400, {}, { errors: [{ path: 'organiserId', message: 'booking.unknown_customer' }] });

/**
 * Taking a group booking (seed 003 接受团体预约): the lead-time rule, then one transaction that takes
 * every resource's places through the bookings machinery (holds), writes the group, its roster and
 * the open checklist. A resource that does not fit rolls all of it back: 409 with its quieter times.
 */
export function createGroupCreate(deps: GroupDeps) {
  const { db, clock, holds } = deps;

  async function create(ctx: Ctx, raw: GroupBookingCreateInput, idem: { key: string | undefined; route: string }): Promise<IdempotentResult<GroupBooking>> {
    const input = groupBookingCreateSchema.parse(raw);
    const settings = await deps.settings.read();
    const timeZone = await deps.timeZone();
    const now = clock.now();
    const startsAt = new Date(input.startsAt);
    const endsAt = new Date(input.endsAt);

    const problems = rosterProblems(input.roster, input.size, settings.maxPerTeam).map((p) => ({ ...p, path: p.path.replace(/^members/, 'roster') }));
    if (problems.length) throw new AppError('error.validation', 422, {}, { errors: problems });

    // seed 003 "需提前1-2星期预约": too soon is refused unless a manager lets it through; too early is a warning
    const verdict = leadVerdict(zonedDate(startsAt, timeZone), zonedDate(now, timeZone), settings);
    const lead = { min: settings.minDaysAhead, max: settings.maxDaysAhead, days: verdict.days };
    let leadWarning: string | null = null;
    let overrideBy: string | null = null;
    if (verdict.kind === 'too_soon') {
      if (settings.tooSoon === 'refuse' && !input.leadOverride) throw new AppError('group_booking.too_soon', 409, lead);
      if (input.leadOverride && !ctx.actor.permissions.has('booking:approve')) throw new AppError('group_booking.override_forbidden', 403);
      if (input.leadOverride) overrideBy = ctx.actor.name;
      leadWarning = translate('group_booking.too_soon_warning', 'zh-CN', lead);
    } else if (verdict.kind === 'early') leadWarning = translate('group_booking.early_warning', 'zh-CN', lead);

    const resources: Resource[] = [];
    for (const [i, r] of input.resources.entries()) {
      const resource = await deps.resources.get(r.resourceId).catch(() => {
        throw new AppError('resource.not_found', 400, {}, { errors: [{ path: `resources.${i}.resourceId`, message: 'resource.not_found' }] });
      });
      if (r.places > input.size) throw new AppError('group_booking.places_over_size', 422, { resource: resource.name, places: r.places, size: input.size });
      if (isExclusive(resource.capacity) && r.places !== 1) throw new AppError('group_booking.exclusive_places', 422, { resource: resource.name });
      resources.push(resource);
    }

    const numbers = await holds.numbers(resources.length, timeZone);
    const number = await nextFormNumber(db, 'TD', zonedDate(now, timeZone));
    let trying: { resource: Resource; places: number } | null = null;
    try {
      return await idempotent(db, { ...idem, actorId: ctx.actor.id, body: input, now }, async (trx) => {
        const c = await trx.selectFrom('customers').select(['owner_id', 'lifecycle', 'merged_into']).where('id', '=', input.organiserId).executeTakeFirst();
        if (!c || c.merged_into || c.lifecycle === 'closed' || !canSee(ctx.actor, c)) throw unknownOrganiser();
        const group = await trx
          .insertInto('group_bookings')
          .values({
            number,
            name: input.name,
            organiser_id: input.organiserId,
            contact_name: input.contactName,
            contact_phone: input.contactPhone,
            size: input.size,
            starts_at: startsAt,
            ends_at: endsAt,
            grouping_mode: input.groupingMode,
            notes: input.notes,
            lead_warning: leadWarning,
            lead_override_by: overrideBy,
            taken_by_id: ctx.actor.kind === 'user' ? ctx.actor.id : null,
            taken_by_name: ctx.actor.name,
            created_at: now,
            updated_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const taken: string[] = [];
        for (const [i, resource] of resources.entries()) {
          const places = input.resources[i]!.places;
          trying = { resource, places };
          const bookingId = await holds.hold(
            trx,
            ctx,
            {
              customerId: input.organiserId,
              resource,
              startsAt,
              endsAt,
              places,
              channel: input.channel,
              notes: `团体预约 ${number} ${input.name}`,
              number: numbers[i]!,
            },
            timeZone,
          );
          await trx.insertInto('group_booking_holds').values({ group_booking_id: group.id, booking_id: bookingId, resource_id: resource.id, places }).execute();
          taken.push(numbers[i]!);
        }
        trying = null;
        if (input.roster.length)
          await trx
            .insertInto('group_booking_members')
            .values(
              input.roster.map((m, position) => ({ group_booking_id: group.id, position, name: m.name, phone: m.phone, handicap: m.handicap, team: m.team })),
            )
            .execute();
        await addEvent(trx, group.id, 'created', ctx.actor.name, now, { size: input.size, bookings: taken, leadWarning, overrideBy });
        await appendAudit(trx, ctx, {
          action: 'group_booking.create',
          entityType: 'group_booking',
          entityId: group.id,
          detail: { number, name: input.name, size: input.size, startsAt: input.startsAt, bookings: taken, leadOverrideBy: overrideBy },
        });
        await insertTimeline(trx, [
          {
            customerId: input.organiserId,
            kind: 'group_booking.created',
            data: { number, name: input.name, size: input.size, startsAt: input.startsAt },
            at: now,
            actor: { id: ctx.actor.id, name: ctx.actor.name },
            refType: 'group_booking',
            refId: group.id,
          },
        ]);
        return { status: 201, body: await presentGroup(trx, (await findGroup(trx, ctx.actor, group.id))!) };
      });
    } catch (e) {
      const t = trying as { resource: Resource; places: number } | null;
      if (t && holds.isRefusal(e)) return holds.refusal(e, t.resource, { startsAt, endsAt, places: t.places });
      throw e;
    }
  }

  return { create };
}
