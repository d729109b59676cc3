import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { bookingBody, createResource, sh, takeBooking } from './booking-fixtures';
import { buildCustomer, userClient, type Client } from './factories';
import { describeEachDb } from './helpers';

const MON = '2026-10-12'; // the clock: Friday 9 October 2026, 10:00 in Shanghai (Monday is < 3 days ahead)
const TUE = '2026-10-13';

describeEachDb('closures: affected bookings, alternatives, notices, the 3-day rule', (env) => {
  let manager: Client;
  let agent: Client;
  const inbox: { to: string[]; raw: string }[] = [];
  let smtp: SMTPServer;

  beforeAll(async () => {
    manager = await userClient(env(), ['manager'], '王经理');
    agent = await userClient(env(), ['agent'], '张晓燕');
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, session, done) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
          done();
        });
      },
    });
    await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
  });
  afterAll(() => new Promise<void>((r) => smtp.close(() => r())));

  const customer = async (name: string, email: string | null) => {
    const res = await agent.post('/api/v1/customers', buildCustomer({ name, email }));
    expect(res.status, res.text).toBe(201);
    return res.body.id as string;
  };

  it('lists the affected bookings with the nearest free times, tells each customer, and moves or cancels each without charge', async () => {
    const teacher = (await createResource(manager, { name: '秦老师' })).id;
    const withMail = await customer('李娜', 'lina@example.com');
    const noMail = await customer('张伟', null);
    const b1 = (await takeBooking(agent, bookingBody(withMail, teacher, TUE, '09:00', '10:00'))).body;
    const b2 = (await takeBooking(agent, bookingBody(noMail, teacher, TUE, '14:00', '15:00'))).body;
    const span = { startsAt: sh(TUE, '08:00'), endsAt: sh(TUE, '21:00'), reason: '地板翻新' };

    const preview = await manager.post(`/api/v1/resources/${teacher}/closures/preview`, span);
    expect(preview.body).toMatchObject({ id: null, late: false, noticeDays: 3 });
    expect(preview.body.affected.map((a: { number: string }) => a.number)).toEqual([b1.number, b2.number]);
    // nearest free times of the same length, outside the closure (Monday, then Wednesday)
    expect(preview.body.affected[0].alternatives[0]).toMatchObject({ startsAt: '2026-10-12T12:00:00.000Z', endsAt: '2026-10-12T13:00:00.000Z' });

    await manager.put('/api/v1/bookings/mail-settings', {
      smtpUrl: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
      from: 'kefu@example.com',
    });
    const made = await manager.post(`/api/v1/resources/${teacher}/closures`, span);
    expect(made.status, made.text).toBe(201);
    const closure = made.body.closure;
    expect(closure).toMatchObject({ late: false, confirmedBy: null, createdBy: '王经理' });
    expect(closure.affected.map((a: { emailStatus: string }) => a.emailStatus)).toEqual(['sent', 'no_email']);
    const mail = inbox.find((m) => m.to.includes('lina@example.com'))!;
    expect(mail.raw).toContain('From: kefu@example.com');
    // a call for each on the follow-up list, once
    const tasks = await env()
      .handle.db.selectFrom('follow_up_tasks')
      .select(['dedupe_key', 'ref_type', 'ref_id', 'reason'])
      .where('dedupe_key', 'like', `closure:${closure.id}:%`)
      .orderBy('dedupe_key')
      .execute();
    expect(tasks).toHaveLength(2);
    expect(tasks.every((t) => t.ref_type === 'booking' && t.reason === 'followup.reason.booking_closure')).toBe(true);
    expect(tasks.map((t) => t.dedupe_key).sort()).toEqual([`closure:${closure.id}:${b1.id}`, `closure:${closure.id}:${b2.id}`].sort());

    // the agent phones 张伟 and ticks it; 李娜 moves to the nearest free time; 张伟's is cancelled without charge
    const ticked = await agent.post(`/api/v1/closures/${closure.id}/affected/${b2.id}/notified`);
    expect(ticked.body.affected[1]).toMatchObject({ notifiedBy: '张晓燕', notifiedAt: '2026-10-09T02:00:00.000Z' });
    const alt = closure.affected[0].alternatives[0];
    const moved = await agent.post(`/api/v1/closures/${closure.id}/affected/${b1.id}/resolve`, { action: 'move', startsAt: alt.startsAt, endsAt: alt.endsAt });
    expect(moved.status, moved.text).toBe(200);
    expect(moved.body.affected[0]).toMatchObject({ outcome: 'moved', movedTo: alt.startsAt });
    expect((await agent.get(`/api/v1/bookings/${b1.id}`)).body).toMatchObject({ status: 'booked', startsAt: alt.startsAt });
    const cancelled = await agent.post(`/api/v1/closures/${closure.id}/affected/${b2.id}/resolve`, { action: 'cancel' });
    expect(cancelled.body.affected[1].outcome).toBe('cancelled');
    expect((await agent.get(`/api/v1/bookings/${b2.id}`)).body).toMatchObject({ status: 'cancelled', chargeWaived: true });
    expect((await agent.post(`/api/v1/closures/${closure.id}/affected/${b2.id}/resolve`, { action: 'cancel' })).body.code).toBe('closure.already_resolved');
    // a move into the closure itself is refused like any booking there
    const b3 = (await takeBooking(agent, bookingBody(noMail, teacher, '2026-10-14', '09:00', '10:00'))).body;
    const c2 = (
      await manager.post(`/api/v1/resources/${teacher}/closures`, {
        startsAt: sh('2026-10-14', '08:00'),
        endsAt: sh('2026-10-14', '12:00'),
        reason: '消防检查',
      })
    ).body.closure;
    const into = await agent.post(`/api/v1/closures/${c2.id}/affected/${b3.id}/resolve`, {
      action: 'move',
      startsAt: sh('2026-10-14', '10:00'),
      endsAt: sh('2026-10-14', '11:00'),
    });
    expect(into.body.code).toBe('booking.closure');
  });

  it('a closure less than 3 days ahead needs the manager to confirm it, and is marked late', async () => {
    const court = (await createResource(manager, { name: '三号球场', kind: 'court' })).id;
    const span = { startsAt: sh(MON, '08:00'), endsAt: sh(MON, '12:00'), reason: '草皮保养' };
    expect((await manager.post(`/api/v1/resources/${court}/closures/preview`, span)).body.late).toBe(true);
    const refused = await manager.post(`/api/v1/resources/${court}/closures`, span);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'closure.late_needs_confirmation', title: '维护开始距今不足 3 天，来不及提前通知客户；须经理确认后才能登记' });
    const ok = await manager.post(`/api/v1/resources/${court}/closures`, { ...span, confirmLate: true });
    expect(ok.status).toBe(201);
    expect(ok.body.closure).toMatchObject({ late: true, confirmedBy: '王经理' });
    expect((await agent.post(`/api/v1/resources/${court}/closures`, span)).status).toBe(403);
  });
});
