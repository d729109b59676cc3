import { beforeAll, expect, it } from 'vitest';
import { bookingBody, createCustomer, createResource, takeBooking } from './booking-fixtures';
import { userClient, type Client } from './factories';
import { describeEachDb } from './helpers';

describeEachDb('iCalendar feeds of bookings', (env) => {
  let manager: Client;
  let agent: Client;
  let other: Client;
  let resourceId: string;
  let customerId: string;

  beforeAll(async () => {
    manager = await userClient(env(), ['manager'], '王经理');
    agent = await userClient(env(), ['agent'], '张晓燕');
    other = await userClient(env(), ['agent'], '刘子豪');
    resourceId = (await createResource(manager, { name: '秦老师' })).id;
    customerId = (await createCustomer(agent, '李娜')).id;
    const b = await takeBooking(agent, bookingBody(customerId, resourceId, '2026-10-12', '09:00', '10:00', { notes: '带球拍' }));
    await takeBooking(agent, bookingBody(customerId, resourceId, '2026-10-13', '09:00', '10:00'));
    await agent.post(`/api/v1/bookings/${b.body.id}/cancel`, { via: 'phone', version: b.body.version });
  });

  it("a resource's feed: every booking, the customer's name only for those who may see it, cancelled ones marked", async () => {
    const res = await agent.get(`/api/v1/bookings/feed.ics?resourceId=${resourceId}`);
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toMatch(/^text\/calendar/);
    expect(res.text).toContain('X-WR-CALNAME:秦老师的预约');
    expect(res.text.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(res.text).toContain('SUMMARY:李娜');
    expect(res.text).toContain('DTSTART:20261012T010000Z');
    expect(res.text).toMatch(/DESCRIPTION:YY\d{8}-\d{4}\\n带球拍/);
    expect(res.text).toContain('STATUS:CANCELLED');
    const hidden = await other.get(`/api/v1/bookings/feed.ics?resourceId=${resourceId}`);
    expect(hidden.text).not.toContain('李娜');
    expect(hidden.text).toContain('SUMMARY:已预约');
  });

  it("a customer's feed names the resource; a customer out of scope is not found; one of the two is required", async () => {
    const res = await agent.get(`/api/v1/bookings/feed.ics?customerId=${customerId}`, { 'accept-language': 'en' });
    expect(res.text).toContain('X-WR-CALNAME:Bookings of 李娜');
    expect(res.text).toContain('SUMMARY:秦老师');
    expect((await other.get(`/api/v1/bookings/feed.ics?customerId=${customerId}`)).status).toBe(404);
    expect((await agent.get(`/api/v1/bookings/feed.ics?resourceId=${crypto.randomUUID()}`)).status).toBe(404);
    expect((await agent.get('/api/v1/bookings/feed.ics')).status).toBe(400);
  });
});
