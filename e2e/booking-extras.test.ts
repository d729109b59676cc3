import type { Booking, Resource } from '@kefu/shared/booking';
import type { BookingExtrasSettings, ClosureDetail, WaitlistEntry } from '@kefu/shared/booking-extras';
import type { CalendarConfig } from '@kefu/shared/calendar/config';
import { zonedDate, zonedInstant } from '@kefu/shared/calendar/zoned';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { bookAs, apiAs, browserSkipReason, browserSuite, screenshot } from './harness';

const skip = browserSkipReason();
const DAY = 86_400_000;
const hours = Array.from({ length: 7 }, () => [{ from: '06:00', to: '23:00' }]);

const book = (page: Page, body: Record<string, unknown>) => bookAs<Booking>(page, body);

/** Clicks the OK of the open confirmation bubble (antd writes 确定 with a space between the two characters). */
const confirmPop = (page: Page) => page.locator('.ant-popconfirm:not(.ant-popover-hidden) .ant-btn-primary').click();

describe.skipIf(skip)('bookings extras in the browser: waiting list, a late closure, calendar links, the sheet departments', () => {
  const suite = browserSuite(3887);
  const eventually = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 20_000, interval: 200 });

  /** A one-place coach open every day 06:00-23:00, and `at(days, hour)` on the department's clock. */
  async function coach(manager: Page, name: string) {
    const resource = await apiAs<Resource>(manager, 'POST', '/api/v1/resources', { name, kind: 'coach', capacity: 1, openingHours: hours, notes: '' });
    const { timeZone } = await apiAs<CalendarConfig>(manager, 'GET', '/api/v1/calendar/config');
    const dateIn = (days: number) => zonedDate(new Date(Date.now() + days * DAY), timeZone);
    const at = (days: number, h: number) => new Date(zonedInstant(dateIn(days), h * 60, timeZone)).toISOString();
    return { resource, dateIn, at };
  }

  it('a full time: the agent puts the customer on the waiting list from the form; a cancellation holds the place; accepted on the 候补名单 page', async () => {
    const manager = await suite.signedIn('manager');
    await manager.goto(`${suite.url}/resources`);
    const { resource, dateIn, at } = await coach(manager, `候补·秦老师${Date.now() % 10000}`);
    const agent = await suite.signedIn('agent1');
    await agent.goto(`${suite.url}/customers`);
    const [first, second] = (await apiAs<{ items: { id: string; name: string }[] }>(agent, 'GET', '/api/v1/customers?limit=2')).items;
    const taken = await book(agent, { customerId: first!.id, resourceId: resource.id, startsAt: at(3, 9), endsAt: at(3, 10), channel: 'phone' });

    await agent.goto(`${suite.url}/bookings?resource=${resource.id}&date=${dateIn(3)}`);
    await eventually(() => agent.getByTestId('slot-09:00').getAttribute('data-state')).toBe('full');
    await agent.getByTestId('slot-09:00').click();
    await agent.getByTestId('field-customer').click();
    await agent.keyboard.type(second!.name);
    await agent.locator('.ant-select-item-option', { hasText: second!.name }).first().click();
    await agent.getByTestId('booking-submit').click();
    expect(await agent.getByTestId('booking-error').innerText()).toContain('该时段已约满');
    await agent.getByTestId('waitlist-join').click();
    await eventually(() => agent.getByTestId('waitlist-result').innerText()).toContain('已加入候补，排第 1 位');
    await agent.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').waitFor({ state: 'detached' });
    await screenshot(agent, 'booking-extras-waitlist-join');
    await agent.locator('.ant-modal-close').click();

    // the booked customer cancels (by phone, three days ahead): the place is held for the waiting customer
    await apiAs(agent, 'POST', `/api/v1/bookings/${taken.id}/cancel`, { via: 'phone', reason: '', version: taken.version });
    await agent.goto(`${suite.url}/bookings/waitlist?resource=${resource.id}`);
    const entry = (await apiAs<{ items: WaitlistEntry[] }>(agent, 'GET', `/api/v1/bookings/waitlist?resourceId=${resource.id}`)).items[0]!;
    expect(entry.status).toBe('offered');
    const row = agent.getByTestId(`waitlist-row-${entry.id}`);
    await eventually(() => row.innerText()).toContain('已留位待确认');
    expect(await row.getByTestId('waitlist-left').innerText()).toMatch(/^剩 (\d 小时( \d+ 分)?|\d+ 分钟)$/);
    expect(await row.innerText()).toContain(second!.name);
    expect(await agent.locator('.ant-table-thead th', { hasText: '扣课卡' }).count()).toBe(1); // the entry's card (none picked here)
    await screenshot(agent, 'booking-extras-waitlist');
    await row.getByTestId('waitlist-accept').click();
    await eventually(() => agent.getByTestId('waitlist-notice').innerText()).toContain(`已转为正式预约：${second!.name}`);
    const held = await apiAs<Booking>(agent, 'GET', `/api/v1/bookings/${entry.offerBookingId}`);
    expect(held).toMatchObject({ status: 'booked', customerId: second!.id, startsAt: at(3, 9) });
    await agent.getByTestId('waitlist-resource').waitFor();
    await agent.goto(`${suite.url}/bookings/waitlist?resource=${resource.id}&status=all`);
    await eventually(() => agent.getByTestId(`waitlist-row-${entry.id}`).innerText()).toContain('已转为预约');
  });

  it('a closure two days ahead is refused as late until the manager confirms; its affected bookings are told, one moved, one cancelled without charge', async () => {
    const manager = await suite.signedIn('manager');
    await manager.goto(`${suite.url}/resources`);
    const name = `维护·网球场${Date.now() % 10000}`;
    const { resource, dateIn, at } = await coach(manager, name);
    const customers = (await apiAs<{ items: { id: string; name: string }[] }>(manager, 'GET', '/api/v1/customers?limit=2')).items;
    const a = await book(manager, { customerId: customers[0]!.id, resourceId: resource.id, startsAt: at(2, 9), endsAt: at(2, 10), channel: 'phone' });
    const b = await book(manager, { customerId: customers[1]!.id, resourceId: resource.id, startsAt: at(2, 10), endsAt: at(2, 11), channel: 'phone' });

    await manager.goto(`${suite.url}/resources`);
    await manager
      .getByRole('row', { name: new RegExp(name) })
      .getByRole('button', { name: '登记维护' })
      .click();
    const from = manager.locator('.ant-modal .ant-picker-range input').first();
    await from.click();
    await from.fill(`${dateIn(2)} 08:00`);
    await from.press('Enter');
    const to = manager.locator('.ant-modal .ant-picker-range input').last();
    await to.fill(`${dateIn(2)} 12:00`);
    await to.press('Enter');
    await manager.locator('.ant-modal input#reason').fill('更换球网');
    await manager.getByTestId('closure-submit').click();
    await eventually(() => manager.getByTestId('closure-late').innerText()).toContain('不足 3 天');
    // what it would touch, before the manager confirms
    await eventually(() => manager.getByTestId('closure-preview').innerText()).toContain('将影响 2 个预约');
    expect(await manager.getByTestId('closure-preview').innerText()).toContain(a.number);
    await screenshot(manager, 'booking-extras-closure-late');
    await manager.getByTestId('closure-confirm-late').click();
    await manager.waitForURL(/\/bookings\/closures\/[0-9a-f-]{36}$/);
    await eventually(() => manager.getByTestId('closure-stats').innerText()).toContain('受影响 2 个预约');
    expect(await manager.getByTestId('closure-stats').innerText()).toContain('不足 3 天通知');

    const rowA = manager.getByTestId(`affected-${a.number}`);
    const rowB = manager.getByTestId(`affected-${b.number}`);
    await rowA.getByTestId('affected-mark-notified').click();
    await rowA.getByTestId('affected-notified').waitFor();
    const offered = rowA.getByTestId('affected-move').first();
    const label = await offered.innerText();
    await offered.click();
    await confirmPop(manager);
    await eventually(() => rowA.innerText()).toContain('已改到');
    await rowB.getByTestId('affected-cancel').click();
    await confirmPop(manager);
    await eventually(() => rowB.innerText()).toContain('已取消（不扣课时）');
    await screenshot(manager, 'booking-extras-closure');

    const closureId = new URL(manager.url()).pathname.split('/').pop()!;
    const detail = await apiAs<ClosureDetail>(manager, 'GET', `/api/v1/closures/${closureId}`);
    expect(detail).toMatchObject({ late: true, reason: '更换球网' });
    const moved = await apiAs<Booking>(manager, 'GET', `/api/v1/bookings/${a.id}`);
    expect(moved.status).toBe('booked');
    expect(detail.affected.find((x) => x.bookingId === a.id)).toMatchObject({ outcome: 'moved', movedTo: moved.startsAt, notifiedBy: '王经理' });
    expect(await rowA.innerText()).toContain(`已改到 ${label.replace('改到 ', '')}`);
    expect(await apiAs<Booking>(manager, 'GET', `/api/v1/bookings/${b.id}`)).toMatchObject({ status: 'cancelled', chargeWaived: true });
  });

  it('a calendar link for a resource: shown once, its .ics read without signing in, gone once revoked', async () => {
    const manager = await suite.signedIn('manager');
    await manager.goto(`${suite.url}/resources`);
    const name = `订阅·游泳池${Date.now() % 10000}`;
    const { resource, at } = await coach(manager, name);
    const agent = await suite.signedIn('agent1');
    await agent.goto(`${suite.url}/customers`);
    const [customer] = (await apiAs<{ items: { id: string }[] }>(agent, 'GET', '/api/v1/customers?limit=1')).items;
    await book(agent, { customerId: customer!.id, resourceId: resource.id, startsAt: at(4, 15), endsAt: at(4, 16), channel: 'phone' });

    await agent.goto(`${suite.url}/bookings/feeds`);
    await agent.getByTestId('feed-resource').click();
    await agent.keyboard.type(name);
    await agent.locator('.ant-select-item-option', { hasText: name }).first().click();
    await agent.getByTestId('feed-label').fill('前台平板日历');
    await agent.getByTestId('feed-create').click();
    const url = (await agent.getByTestId('feed-url').innerText()).trim();
    expect(url).toMatch(new RegExp(`^${suite.url}/api/v1/bookings/feed/[A-Za-z0-9_-]{20,64}\\.ics$`));
    await screenshot(agent, 'booking-extras-feeds');

    // a calendar app sends no cookie: the token in the link is enough
    const ics = await fetch(url);
    expect(ics.status).toBe(200);
    const text = await ics.text();
    expect(text).toContain('BEGIN:VCALENDAR');
    expect(text).toContain(name);

    const prefix = url.split('/feed/')[1]!.slice(0, 6);
    const row = agent.getByTestId(`feed-row-${prefix}`);
    expect(await row.innerText()).toContain('前台平板日历');
    await row.getByTestId('feed-revoke').click();
    await confirmPop(agent);
    await row.waitFor({ state: 'detached' });
    expect((await fetch(url)).status).toBe(404);
  });

  it("the manager sets the restaurant's email: a wrong address is refused in Chinese and nothing saved; mail shows as not set up, and the sheet offers no sending", async () => {
    const manager = await suite.signedIn('manager');
    await manager.goto(`${suite.url}/bookings/settings`);
    const restaurant = manager.getByTestId('dept-1');
    expect(await restaurant.getByTestId('dept-name').inputValue()).toBe('餐厅');
    await eventually(() => manager.getByTestId('mail-status').innerText()).toContain('未配置邮件服务器');
    const email = restaurant.getByTestId('dept-email');
    await email.fill('canting@');
    await manager.getByTestId('settings-save').click();
    await restaurant.locator('.ant-form-item-explain-error').first().waitFor();
    expect(await restaurant.locator('.ant-form-item-explain-error').first().innerText()).toMatch(/邮箱/);
    expect((await apiAs<BookingExtrasSettings>(manager, 'GET', '/api/v1/bookings/extras-settings')).departments[1]!.email).toBe('');

    await email.fill('canting@example.com');
    await manager.getByTestId('settings-save').click();
    await manager.locator('.ant-message', { hasText: '已保存' }).waitFor();
    await screenshot(manager, 'booking-extras-settings');
    const saved = await apiAs<BookingExtrasSettings>(manager, 'GET', '/api/v1/bookings/extras-settings');
    expect(saved.departments[1]).toMatchObject({ code: 'restaurant', name: '餐厅', email: 'canting@example.com' });
    // the sheet names the address
    await manager.goto(`${suite.url}/bookings/sheet`);
    await eventually(() => manager.getByTestId('sheet-dept-restaurant').innerText()).toContain('canting@example.com');
    // no SMTP on this server: the sheet says so and does not offer to send
    expect(await manager.getByTestId('sheet-mail-off').innerText()).toContain('未配置邮件服务器');
    expect(await manager.getByTestId('sheet-send').isDisabled()).toBe(true);
  });
});
