import {
  addDays,
  isSheetOverdue,
  sheetCells,
  sheetDeadlineAt,
  SHEET_COLUMN_LABELS,
  zonedDate,
  zonedInstant,
  type BookingSheet,
  type SheetBooking,
} from '@kefu/shared';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import type { Ctx } from '../../lib/context';
import { AppError, conflict } from '../../lib/errors';
import { sha256 } from '../../lib/tokens';
import { appendAudit } from '../audit';
import { canSee } from '../customers';
import { insertNotifications } from '../notifications';
import { actorId, localTime, type BookingCore } from './booking.core';
import { customerFacts } from './booking.mapper';
import { selectBookings } from './booking.repo';

/**
 * The day's booking sheet (预订单, seed 003 接受预约 / SPEC §6): the next day's bookings for each
 * department (front desk, restaurant, locker room, maintenance; a setting, each with the columns it
 * needs and an email address), confirmed before the deadline (15:00 in the department's zone) and
 * sent: a printable page, an xlsx, and an email with the xlsx through SMTP. A change to the day's
 * bookings after confirmation changes the fingerprint: the sheet says "changed since confirmed".
 */
export function createBookingSheet(core: BookingCore) {
  const { db, clock } = core;

  async function rowsOf(ctx: Ctx, day: string, tz: string) {
    const rows = await selectBookings(db)
      .where('bookings.starts_at', '>=', new Date(zonedInstant(day, 0, tz)))
      .where('bookings.starts_at', '<', new Date(zonedInstant(day, 1440, tz)))
      .where('bookings.status', '<>', 'cancelled')
      .orderBy('bookings.starts_at')
      .orderBy('resources.name')
      .orderBy('bookings.number')
      .execute();
    const fingerprint = sha256(
      rows
        .map((r) => `${r.id}:${r.version}:${r.status}`)
        .sort()
        .join('|'),
    ).slice(0, 32);
    const bookings: SheetBooking[] = rows.map((r) => ({
      number: r.number,
      startsAt: r.starts_at.toISOString(),
      endsAt: r.ends_at.toISOString(),
      localTime: `${localTime(r.starts_at, tz)}-${localTime(r.ends_at, tz)}`,
      resourceName: r.resource_name,
      customerName: canSee(ctx.actor, customerFacts(r)) ? r.customer_name : null,
      places: r.places,
      notes: r.notes,
      status: r.status,
    }));
    return { bookings, fingerprint };
  }

  /** The sheet of `date` (default: tomorrow in the department's zone). */
  async function build(ctx: Ctx, date?: string): Promise<BookingSheet> {
    const tz = await core.timeZone();
    const settings = await core.extras.read();
    const now = clock.now();
    const day = date ?? addDays(zonedDate(now, tz), 1);
    const { bookings, fingerprint } = await rowsOf(ctx, day, tz);
    const conf = await db.selectFrom('booking_sheet_confirmations').selectAll().where('day', '=', day).executeTakeFirst();
    const sends = await db.selectFrom('booking_sheet_sends').selectAll().where('day', '=', day).orderBy('sent_at', 'desc').limit(50).execute();
    const deadlineAt = sheetDeadlineAt(day, settings.sheetDeadline, tz);
    return {
      date: day,
      deadlineAt: deadlineAt.toISOString(),
      overdue: isSheetOverdue(deadlineAt, now, Boolean(conf)),
      bookingCount: bookings.length,
      fingerprint,
      confirmation: conf
        ? {
            confirmedBy: conf.confirmed_by_name,
            confirmedAt: conf.confirmed_at.toISOString(),
            changedSinceConfirmed: conf.fingerprint !== fingerprint,
            version: conf.version,
          }
        : null,
      departments: settings.departments.map((d) => ({
        code: d.code,
        name: d.name,
        email: d.email,
        columns: d.columns,
        headers: d.columns.map((c) => SHEET_COLUMN_LABELS[c][ctx.lang]),
        rows: bookings.map((b) => sheetCells(d.columns, b, ctx.lang)),
      })),
      sends: sends.map((s) => ({
        department: s.department,
        email: s.email,
        status: s.status,
        error: s.error,
        sentAt: s.sent_at.toISOString(),
        sentBy: s.sent_by_name,
      })),
    };
  }

  /** Confirms what the supervisor saw (its fingerprint): a sheet that changed meanwhile is refused. */
  async function confirm(ctx: Ctx, input: { date: string; fingerprint: string }): Promise<BookingSheet> {
    const tz = await core.timeZone();
    const now = clock.now();
    const { bookings, fingerprint } = await rowsOf(ctx, input.date, tz);
    if (fingerprint !== input.fingerprint) throw conflict('booking.sheet.stale');
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('booking_sheet_confirmations')
        .values({
          day: input.date,
          confirmed_at: now,
          confirmed_by_id: actorId(ctx),
          confirmed_by_name: ctx.actor.name,
          fingerprint,
          booking_count: bookings.length,
        })
        .onConflict((oc) =>
          oc.column('day').doUpdateSet({
            confirmed_at: now,
            confirmed_by_id: actorId(ctx),
            confirmed_by_name: ctx.actor.name,
            fingerprint,
            booking_count: bookings.length,
            version: sql`booking_sheet_confirmations.version + 1`,
          }),
        )
        .execute();
      await appendAudit(trx, ctx, {
        action: 'booking.sheet_confirm',
        entityType: 'booking_sheet',
        entityId: input.date,
        detail: { bookings: bookings.length, fingerprint },
      });
    });
    return build(ctx, input.date);
  }

  /** One worksheet per department (or only the given ones), as printed. */
  async function workbook(sheet: BookingSheet, lang: Ctx['lang'], only?: string[]): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    wb.creator = 'Kefu';
    for (const d of sheet.departments.filter((x) => !only || only.includes(x.code))) {
      const ws = wb.addWorksheet(d.name.slice(0, 31));
      const title = lang === 'zh-CN' ? `${sheet.date} 预订单 — ${d.name}` : `Booking sheet ${sheet.date} — ${d.name}`;
      ws.addRow([title]).font = { bold: true, size: 14 };
      const c = sheet.confirmation;
      ws.addRow([
        c
          ? lang === 'zh-CN'
            ? `确认人：${c.confirmedBy}  确认时间：${c.confirmedAt}${c.changedSinceConfirmed ? '（确认后有变动）' : ''}`
            : `Confirmed by ${c.confirmedBy} at ${c.confirmedAt}${c.changedSinceConfirmed ? ' (changed since)' : ''}`
          : lang === 'zh-CN'
            ? '未确认'
            : 'Not confirmed',
      ]);
      ws.addRow(d.headers).font = { bold: true };
      for (const r of d.rows) ws.addRow(r);
      ws.columns.forEach((col, i) => (col.width = d.columns[i] === 'notes' ? 30 : 16));
    }
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  async function xlsx(ctx: Ctx, date?: string): Promise<{ file: Buffer; date: string }> {
    const sheet = await build(ctx, date);
    return { file: await workbook(sheet, ctx.lang), date: sheet.date };
  }

  /**
   * Emails each department its sheet (xlsx attached). Only a confirmed sheet that has not changed since
   * goes out; without SMTP the answer is `mail.not_configured` and the sheet can still be printed. The
   * SMTP conversation happens outside any transaction; each send is recorded.
   */
  async function send(ctx: Ctx, input: { date: string; departments?: string[] | undefined }) {
    const sheet = await build(ctx, input.date);
    if (!sheet.confirmation || sheet.confirmation.changedSinceConfirmed) throw conflict('booking.sheet.not_confirmed');
    const targets = sheet.departments.filter((d) => !input.departments || input.departments.includes(d.code));
    if (!targets.some((d) => d.email)) throw conflict('booking.sheet.no_department');
    if (!(await core.mailer.status()).configured) throw new AppError('mail.not_configured', 409);
    const results: { department: string; email: string; status: 'sent' | 'failed' | 'no_email'; error: string | null }[] = [];
    for (const d of targets) {
      if (!d.email) {
        results.push({ department: d.code, email: '', status: 'no_email', error: null });
        continue;
      }
      const file = await workbook(sheet, 'zh-CN', [d.code]);
      let status: 'sent' | 'failed' = 'sent';
      let error: string | null = null;
      let messageId: string | null = null;
      try {
        messageId = (
          await core.mailer.send({
            to: d.email,
            subject: `${sheet.date} 预订单 — ${d.name}（共 ${d.rows.length} 条）`,
            text: `${d.name}：\n\n附件为 ${sheet.date} 的预订单（${d.rows.length} 条），确认人：${sheet.confirmation.confirmedBy}。\n\n客服部`,
            attachments: [
              {
                filename: `booking-sheet-${sheet.date}-${d.code}.xlsx`,
                content: file,
                contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
              },
            ],
          })
        ).messageId;
      } catch (e) {
        status = 'failed';
        error = e instanceof AppError ? String(e.params.error ?? e.code) : 'SMTP';
      }
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('booking_sheet_sends')
          .values({
            day: sheet.date,
            department: d.code,
            email: d.email,
            status,
            error,
            message_id: messageId,
            sent_at: clock.now(),
            sent_by_name: ctx.actor.name,
          })
          .execute();
        await appendAudit(trx, ctx, {
          action: 'booking.sheet_send',
          entityType: 'booking_sheet',
          entityId: sheet.date,
          detail: { department: d.code, email: d.email, status },
        });
      });
      results.push({ department: d.code, email: d.email, status, error });
    }
    return { results };
  }

  /**
   * After the deadline, an unconfirmed sheet for tomorrow warns everyone who confirms sheets, once per
   * day and person (dedupe key). Run by the server's minute timer; harmless when repeated.
   */
  async function warnOverdue(at?: Date): Promise<{ warned: number }> {
    const now = at ?? clock.now();
    const tz = await core.timeZone();
    const settings = await core.extras.read();
    const day = addDays(zonedDate(now, tz), 1);
    const deadlineAt = sheetDeadlineAt(day, settings.sheetDeadline, tz);
    const conf = await db.selectFrom('booking_sheet_confirmations').select('day').where('day', '=', day).executeTakeFirst();
    if (!isSheetOverdue(deadlineAt, now, Boolean(conf))) return { warned: 0 };
    const users = await db
      .selectFrom('users')
      .select('id')
      .where('active', '=', true)
      .where(sql<boolean>`exists (select 1 from roles r where r.name = any(users.roles) and 'booking:sheet' = any(r.permissions))`)
      .execute();
    const deadline = `${zonedDate(deadlineAt, tz)} ${localTime(deadlineAt, tz)}`;
    const warned = await insertNotifications(
      db,
      users.map((u) => ({
        userId: u.id,
        kind: 'booking_sheet_overdue',
        params: { date: day, deadline },
        link: '/bookings/sheet',
        dedupeKey: `sheet-overdue:${day}:${u.id}`,
      })),
      now,
    );
    return { warned };
  }

  return { build, confirm, xlsx, send, warnOverdue };
}
export type BookingSheetService = ReturnType<typeof createBookingSheet>;
