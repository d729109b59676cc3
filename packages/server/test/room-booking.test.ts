import { execFileSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import { createCustomer, createResource } from './booking-fixtures';
import { call } from './clients';
import { PASSWORD, userClient, type Client } from './factories';
import { roomBody, takeRoom } from './group-booking-fixtures';
import { describeEachDb, type TestEnv } from './helpers';

const ALL_DAY = Array.from({ length: 7 }, () => [{ from: '00:00', to: '23:59' }]);

/** The text of a PDF as poppler's pdftotext reads it (layout kept, so a row's cells stay on one line). */
function pdfText(pdf: Buffer): string {
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', '-', '-'], { input: pdf }).toString('utf8');
}

/** The PDF's bytes, fetched with the user's own session (the test clients read answers as text). */
async function pdfBytes(env: TestEnv, username: string, url: string) {
  const login = await env.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: PASSWORD } });
  const cookie = login.cookies.find((c) => c.name === 'kefu_session')!.value;
  const r = await env.app.inject({ method: 'GET', url, cookies: { kefu_session: cookie } });
  return { status: r.statusCode, type: r.headers['content-type'], raw: r.rawPayload };
}

describeEachDb('named-room bookings (冠名房预订表)', (env) => {
  let manager: Client;
  let agent: Client;
  let customerId: string;
  const room = (name: string) => createResource(manager, { name, kind: 'named_room', capacity: 1, openingHours: ALL_DAY });

  beforeAll(async () => {
    manager = await userClient(env(), ['manager'], '王经理');
    agent = await userClient(env(), ['membership'], '陈会籍');
    customerId = (await createCustomer(agent, '陈先生')).id;
  });

  it('a new form: every field of 附件一 kept, the rate computed from price and discount, the nights taken as bookings', async () => {
    const r = await room('华信厅');
    const res = await takeRoom(agent, roomBody(customerId, [r.id], { rateFen: 113_344 }));
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({
      revision: 1,
      kind: 'new',
      current: true,
      guestIdentity: 'founding_member',
      guestName: '陈先生',
      contact: '13812345678',
      company: '华信科技有限公司',
      arrival: '2026-10-20',
      departure: '2026-10-22',
      nights: 2,
      roomType: '湖景套房',
      persons: 2,
      rooms: 1,
      roomNames: ['华信厅'],
      priceFen: 128_800,
      discountPercent: 88,
      rateFen: 113_344,
      extras: ['dining', 'club_rental'],
      paymentMethod: 'stored_value',
      channel: 'fax',
      bookedOn: '2026-10-09',
      receivedBy: '刘前台',
      enteredBy: '陈会籍',
      confirmedBy: '',
    });
    expect(res.body.number).toMatch(/^GM20261009-\d{4}$/);
    expect(res.body.holds).toEqual([expect.objectContaining({ resourceName: '华信厅', status: 'booked' })]);
    // a rate that is not price × discount is refused
    const wrong = await takeRoom(agent, roomBody(customerId, [r.id], { rateFen: 113_000, arrival: '2026-11-01', departure: '2026-11-02' }));
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors).toEqual([{ path: 'rateFen', message: '房价与“价目 × 折扣”不符' }]);
    // a court is not a named room
    const court = await createResource(manager, { name: '网球场', kind: 'court' });
    expect((await takeRoom(agent, roomBody(customerId, [court.id]))).status).toBe(422);
  });

  it('two desks book the same room for the same night at once: one wins; back-to-back stays are fine', async () => {
    const r = await room('明珠厅');
    const results = await Promise.all([1, 2, 3, 4].map(() => takeRoom(agent, roomBody(customerId, [r.id]))));
    expect(results.map((x) => x.status).sort()).toEqual([201, 409, 409, 409]);
    const refused = results.find((x) => x.status === 409)!;
    expect(refused.body).toMatchObject({ code: 'room_booking.room_taken' });
    expect(refused.body.detail).toContain('明珠厅');
    // one night overlapping (21st) is refused; leaving on the 22nd and arriving on the 22nd is not
    expect((await takeRoom(agent, roomBody(customerId, [r.id], { arrival: '2026-10-21', departure: '2026-10-23' }))).status).toBe(409);
    expect((await takeRoom(agent, roomBody(customerId, [r.id], { arrival: '2026-10-22', departure: '2026-10-23' }))).status).toBe(201);
    expect((await takeRoom(agent, roomBody(customerId, [r.id], { arrival: '2026-10-18', departure: '2026-10-20' }))).status).toBe(201);
  });

  it('更改 and 取消 are new versions naming the original, confirmed by someone; old nights come back; a stale revision is 409', async () => {
    const a = await room('金桂厅');
    const b = await room('银杏厅');
    const first = (await takeRoom(agent, roomBody(customerId, [a.id]))).body;
    const noConfirm = await agent.post(`/api/v1/room-bookings/${first.id}/change`, { ...roomBody(customerId, [a.id]), revision: 1 });
    expect(noConfirm.status).toBe(400);
    // one more night in the same room, and a second room
    const changed = await agent.post(`/api/v1/room-bookings/${first.id}/change`, {
      ...roomBody(customerId, [a.id, b.id], { departure: '2026-10-23', persons: 4, confirmedBy: '王经理' }),
      revision: 1,
    });
    expect(changed.status, changed.text).toBe(201);
    expect(changed.body).toMatchObject({
      number: first.number,
      revision: 2,
      kind: 'change',
      originalId: first.id,
      previousId: first.id,
      rooms: 2,
      confirmedBy: '王经理',
      nights: 3,
    });
    expect(changed.body.versions.map((v: { revision: number; kind: string }) => [v.revision, v.kind])).toEqual([
      [1, 'new'],
      [2, 'change'],
    ]);
    const old = await agent.get(`/api/v1/room-bookings/${first.id}`);
    expect(old.body).toMatchObject({ current: false });
    expect(old.body.holds[0].status).toBe('cancelled');
    // from the old version, or twice at once from the current one: only one change goes through
    expect(
      (await agent.post(`/api/v1/room-bookings/${first.id}/change`, { ...roomBody(customerId, [a.id], { confirmedBy: '王经理' }), revision: 1 })).body.code,
    ).toBe('room_booking.superseded');
    const both = await Promise.all([
      agent.post(`/api/v1/room-bookings/${changed.body.id}/change`, { ...roomBody(customerId, [a.id], { confirmedBy: '王经理' }), revision: 2 }),
      manager.post(`/api/v1/room-bookings/${changed.body.id}/change`, { ...roomBody(customerId, [b.id], { confirmedBy: '王经理' }), revision: 2 }),
    ]);
    expect(both.map((x) => x.status).sort()).toEqual([201, 409]);
    const latest = both.find((x) => x.status === 201)!.body;

    const cancelled = await agent.post(`/api/v1/room-bookings/${latest.id}/cancel`, { confirmedBy: '王经理', remarks: '客户行程取消', revision: 3 });
    expect(cancelled.status, cancelled.text).toBe(201);
    expect(cancelled.body).toMatchObject({ kind: 'cancel', revision: 4, originalId: first.id, previousId: latest.id, remarks: '客户行程取消', holds: [] });
    // every night is free again
    expect((await takeRoom(agent, roomBody(customerId, [a.id, b.id], { departure: '2026-10-23' }))).status).toBe(201);
    const list = await agent.get(`/api/v1/room-bookings?q=${first.number}&includeCancelled=true`);
    expect(list.body.items).toEqual([expect.objectContaining({ id: cancelled.body.id, kind: 'cancel', revision: 4 })]);
    expect((await agent.get(`/api/v1/room-bookings?q=${first.number}`)).body.items).toEqual([]);
  });

  it('the printed 附件一 has every field, the ticked boxes and the version it replaces', async () => {
    const r = await room('翡翠厅');
    const first = (await takeRoom(agent, roomBody(customerId, [r.id]))).body;
    const changed = (
      await agent.post(`/api/v1/room-bookings/${first.id}/change`, {
        ...roomBody(customerId, [r.id], { confirmedBy: '王经理', remarks: '加一晚', departure: '2026-10-23' }),
        revision: 1,
      })
    ).body;
    const res = await pdfBytes(env(), agent.username, `/api/v1/room-bookings/${changed.id}/form.pdf`);
    expect(res.status).toBe(200);
    expect(res.type).toBe('application/pdf');
    const text = pdfText(res.raw);
    for (const s of [
      '冠名房预订表',
      `${first.number}`,
      '□新预订',
      '■更改',
      '□取消',
      `本表为 ${first.number} 第 1 版的更改`,
      '■创始会员',
      '□访客',
      '客人姓名：陈先生',
      '联系方式：13812345678',
      '公司名称：华信科技有限公司',
      '到达时间：10月20日2026年',
      '离开时间：10月23日2026年',
      '共 3 晚',
      '房间种类：湖景套房',
      '人数：2',
      '房间数量：1',
      '翡翠厅',
      '价目：1,288.00 元/间/晚',
      '折扣：88%（8.8折）',
      '房价：1,133.44 元/间/晚',
      '■餐饮',
      '□学院',
      '■租杆',
      '晚餐 6 位',
      '■储值卡',
      '□现金',
      '备注：加一晚',
      '预约方式：传真预约',
      '预定日期：2026-10-09',
      '预订接收人：刘前台',
      '电脑输入人：陈会籍',
      '确认人：王经理',
      '客人签字确认',
    ])
      // pdftotext keeps the gaps of the layout, not the thin spaces between Chinese and digits
      expect(text.replace(/\s+/g, ''), s).toContain(s.replace(/\s+/g, ''));
  });

  it('the manager list as xlsx: every field of the current forms, the rate in 元', async () => {
    const r = await room('牡丹厅');
    const form = (await takeRoom(agent, roomBody(customerId, [r.id], { guestName: '孙女士', arrival: '2026-12-01', departure: '2026-12-03' }))).body;
    const res = await pdfBytes(env(), manager.username, '/api/v1/room-bookings/export.xlsx?q=' + encodeURIComponent('孙女士'));
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.raw as unknown as ArrayBuffer);
    const rows = wb.worksheets[0]!.getSheetValues()
      .filter(Boolean)
      .map((v) => (v as unknown[]).slice(1));
    expect(rows[0]).toEqual(['冠名房预订表']);
    const line = rows.find((v) => v.includes('孙女士'))!;
    expect(line).toEqual(
      expect.arrayContaining([`${form.number} (新预订 1)`, '创始会员', '牡丹厅', 1288, 0.88, 1133.44, '餐饮、租杆、晚餐 6 位', '储值卡', '刘前台', '陈会籍']),
    );
  });

  it('access: 401 without a session, 403 without booking permissions, 404 for a customer out of scope', async () => {
    const r = await room('紫荆厅');
    const form = (await takeRoom(agent, roomBody(customerId, [r.id]))).body;
    const handler = await userClient(env(), ['handler'], '餐厅');
    const stranger = await userClient(env(), ['agent'], '刘子豪');
    for (const url of [`/api/v1/room-bookings/${form.id}`, `/api/v1/room-bookings/${form.id}/form.pdf`, '/api/v1/room-bookings']) {
      expect((await call(env(), { url })).status).toBe(401);
      expect((await handler.get(url)).status).toBe(403);
    }
    expect((await call(env(), { method: 'POST', url: '/api/v1/room-bookings', body: roomBody(customerId, [r.id]) })).status).toBe(401);
    expect((await handler.post('/api/v1/room-bookings', roomBody(customerId, [r.id]))).status).toBe(403);
    expect((await stranger.get(`/api/v1/room-bookings/${form.id}`)).status).toBe(404);
    expect((await stranger.get(`/api/v1/room-bookings/${form.id}/form.pdf`)).status).toBe(404);
    expect((await stranger.post(`/api/v1/room-bookings/${form.id}/cancel`, { confirmedBy: '刘子豪', revision: 1 })).status).toBe(404);
    expect((await stranger.get('/api/v1/room-bookings')).body.items.find((i: { id: string }) => i.id === form.id)).toBeUndefined();
    // the group bookings' routes likewise
    expect((await call(env(), { url: '/api/v1/group-bookings' })).status).toBe(401);
    expect((await handler.get('/api/v1/group-bookings')).status).toBe(403);
    expect((await handler.post('/api/v1/group-bookings', {})).status).toBe(403);
    expect((await stranger.get(`/api/v1/group-bookings/${form.id}`)).status).toBe(404);
  });
});
