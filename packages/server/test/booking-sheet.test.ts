import ExcelJS from 'exceljs';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { bookingBody, createCustomer, createResource, takeBooking } from './booking-fixtures';
import { userClient, type Client } from './factories';
import { rawClient } from './files';
import { describeEachDb } from './helpers';

const SAT = '2026-10-10'; // tomorrow: the clock stands at Friday 9 October 2026, 10:00 in Shanghai

/** A local SMTP peer: every message it receives, raw. */
async function startSmtp() {
  const received: { to: string[]; raw: string }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { received, url: `smtp://127.0.0.1:${port}`, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** The base64 attachment of a raw MIME message, by file name. */
function attachment(raw: string, filename: string): Buffer {
  const at = raw.indexOf(`filename=${filename}`) >= 0 ? raw.indexOf(`filename=${filename}`) : raw.indexOf(`filename="${filename}"`);
  expect(at, 'attachment present').toBeGreaterThan(0);
  const body = raw.slice(raw.indexOf('\r\n\r\n', at) + 4);
  return Buffer.from(body.slice(0, body.indexOf('\r\n--')).replace(/\s+/g, ''), 'base64');
}

async function rowsOf(file: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(file as unknown as ArrayBuffer);
  return wb.worksheets.map((ws) => ({
    name: ws.name,
    rows: ws
      .getSheetValues()
      .slice(1)
      .map((r) => (Array.isArray(r) ? r.slice(1) : [])),
  }));
}

describeEachDb("the day's booking sheet", (env) => {
  let manager: Client;
  let supervisor: Client;
  let agent: Client;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let late: { id: string; version: number };

  beforeAll(async () => {
    smtp = await startSmtp();
    manager = await userClient(env(), ['manager'], '王经理');
    supervisor = await userClient(env(), ['supervisor'], '陈主管');
    agent = await userClient(env(), ['agent'], '张晓燕');
    const settings = (await manager.get('/api/v1/bookings/extras-settings')).body;
    settings.departments[0].email = 'desk@example.com';
    settings.departments[1].email = 'food@example.com';
    expect((await manager.put('/api/v1/bookings/extras-settings', settings)).status).toBe(200);
    const teacher = (await createResource(manager, { name: '秦老师' })).id;
    const court = (await createResource(manager, { name: '一号球场', kind: 'court' })).id;
    const a = (await createCustomer(agent, '李娜')).id;
    const b = (await createCustomer(agent, '张伟')).id;
    expect((await takeBooking(agent, bookingBody(a, teacher, SAT, '09:00', '10:00', { notes: '素食午餐' }))).status).toBe(201);
    late = (await takeBooking(agent, bookingBody(b, court, SAT, '16:00', '17:00'))).body;
    await takeBooking(agent, bookingBody(b, court, '2026-10-12', '09:00', '10:00')); // Monday: not on tomorrow's sheet
  });
  afterAll(async () => {
    env().clock.set('2026-10-09T02:00:00Z');
    await smtp.close();
  });

  it("shows tomorrow's bookings to each department with only its columns; overdue from 15:00 in the department's zone", async () => {
    const sheet = (await supervisor.get('/api/v1/bookings/sheet')).body;
    expect(sheet).toMatchObject({ date: SAT, bookingCount: 2, overdue: false, confirmation: null, deadlineAt: '2026-10-09T07:00:00.000Z' });
    const desk = sheet.departments.find((d: { code: string }) => d.code === 'front_desk');
    expect(desk.headers).toEqual(['时间', '项目', '客户', '人数', '预约号', '备注']);
    expect(desk.rows[0].slice(0, 4)).toEqual(['09:00-10:00', '秦老师', '李娜', '1']);
    expect(desk.rows[0][5]).toBe('素食午餐');
    const food = sheet.departments.find((d: { code: string }) => d.code === 'restaurant');
    expect(food.headers).toEqual(['时间', '项目', '人数', '备注']);
    expect(JSON.stringify(food.rows)).not.toContain('李娜');
    expect(sheet.departments.map((d: { name: string }) => d.name)).toEqual(['前台', '餐厅', '更衣室', '场务维修']);

    env().clock.set('2026-10-09T06:59:00Z'); // 14:59 in Shanghai
    expect((await supervisor.get('/api/v1/bookings/sheet')).body.overdue).toBe(false);
    expect(await env().app.services.bookings.sheet.warnOverdue()).toEqual({ warned: 0 });
    env().clock.set('2026-10-09T07:00:00Z'); // 15:00
    expect((await supervisor.get('/api/v1/bookings/sheet')).body.overdue).toBe(true);
    const { warned } = await env().app.services.bookings.sheet.warnOverdue();
    expect(warned).toBeGreaterThanOrEqual(2); // the manager and the supervisor at least
    expect((await env().app.services.bookings.sheet.warnOverdue()).warned).toBe(0); // told once
    const note = (await supervisor.get('/api/v1/notifications')).body.items[0];
    expect(note).toMatchObject({ kind: 'booking_sheet_overdue', link: '/bookings/sheet', title: '2026-10-10 的预订单尚未确认' });
    env().clock.set('2026-10-09T02:00:00Z');
  });

  it('downloads as xlsx, one worksheet per department', async () => {
    const res = await (await rawClient(env(), agent)).get(`/api/v1/bookings/sheet.xlsx?date=${SAT}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="booking-sheet-${SAT}.xlsx"`);
    const sheets = await rowsOf(res.raw);
    expect(sheets.map((s) => s.name)).toEqual(['前台', '餐厅', '更衣室', '场务维修']);
    expect(sheets[0]!.rows[0]).toEqual(['2026-10-10 预订单 — 前台']);
    expect(sheets[0]!.rows[2]).toEqual(['时间', '项目', '客户', '人数', '预约号', '备注']);
    expect(sheets[0]!.rows[3]!.slice(0, 3)).toEqual(['09:00-10:00', '秦老师', '李娜']);
  });

  it('is confirmed by who may (the fingerprint seen), emailed with the xlsx through SMTP, and marked changed after a change', async () => {
    const sheet = (await supervisor.get('/api/v1/bookings/sheet')).body;
    expect((await agent.post('/api/v1/bookings/sheet/confirm', { date: SAT, fingerprint: sheet.fingerprint })).status).toBe(403);
    expect((await supervisor.post('/api/v1/bookings/sheet/send', { date: SAT })).body.code).toBe('booking.sheet.not_confirmed');
    expect((await supervisor.post('/api/v1/bookings/sheet/confirm', { date: SAT, fingerprint: 'stale' })).body.code).toBe('booking.sheet.stale');
    const ok = await supervisor.post('/api/v1/bookings/sheet/confirm', { date: SAT, fingerprint: sheet.fingerprint });
    expect(ok.body.confirmation).toMatchObject({ confirmedBy: '陈主管', confirmedAt: '2026-10-09T02:00:00.000Z', changedSinceConfirmed: false });

    // no SMTP yet: a clear error, nothing sent; the sheet still downloads
    const none = await supervisor.post('/api/v1/bookings/sheet/send', { date: SAT });
    expect(none.status).toBe(409);
    expect(none.body.title).toContain('尚未配置邮件服务器');
    expect((await supervisor.get('/api/v1/bookings/extras-settings')).body.mailConfigured).toBe(false);
    expect((await manager.put('/api/v1/bookings/mail-settings', { smtpUrl: smtp.url, from: 'kefu@example.com' })).body).toMatchObject({
      configured: true,
      source: 'settings',
    });
    // the supervisor may not read the mail server, but sees that mail goes out
    expect((await supervisor.get('/api/v1/bookings/mail-settings')).status).toBe(403);
    expect((await supervisor.get('/api/v1/bookings/extras-settings')).body.mailConfigured).toBe(true);
    const sent = await supervisor.post('/api/v1/bookings/sheet/send', { date: SAT });
    expect(sent.status, sent.text).toBe(200);
    expect(sent.body.results).toEqual([
      { department: 'front_desk', email: 'desk@example.com', status: 'sent', error: null },
      { department: 'restaurant', email: 'food@example.com', status: 'sent', error: null },
      { department: 'locker_room', email: '', status: 'no_email', error: null },
      { department: 'maintenance', email: '', status: 'no_email', error: null },
    ]);
    const desk = smtp.received.find((m) => m.to.includes('desk@example.com'))!;
    expect(desk.raw).toContain('From: kefu@example.com');
    const file = await rowsOf(attachment(desk.raw, `booking-sheet-${SAT}-front_desk.xlsx`));
    expect(file.map((s) => s.name)).toEqual(['前台']);
    expect(file[0]!.rows[1]![0]).toContain('确认人：陈主管');
    expect(file[0]!.rows[3]!.slice(0, 3)).toEqual(['09:00-10:00', '秦老师', '李娜']);
    expect(smtp.received.some((m) => m.to.includes('food@example.com'))).toBe(true);
    expect((await supervisor.get('/api/v1/bookings/sheet')).body.sends).toHaveLength(2);

    // a booking cancelled after confirmation: changed since confirmed, and not sent until confirmed again
    await agent.post(`/api/v1/bookings/${late.id}/cancel`, { via: 'phone', version: late.version });
    const changed = (await supervisor.get('/api/v1/bookings/sheet')).body;
    expect(changed.confirmation.changedSinceConfirmed).toBe(true);
    expect(changed.bookingCount).toBe(1);
    expect((await supervisor.post('/api/v1/bookings/sheet/send', { date: SAT })).body.code).toBe('booking.sheet.not_confirmed');
  });
});
