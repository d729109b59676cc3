import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Resource } from '@kefu/shared/booking';
import type { Card, CardType } from '@kefu/shared/card';
import type { CalendarConfig } from '@kefu/shared/calendar/config';
import { weekdayOf, zonedDate } from '@kefu/shared/calendar/zoned';
import type { CustomerListItem } from '@kefu/shared/customer';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, apiAs, browserSkipReason, buildWeb, launchBrowser, screenshot, signIn, startServer, type RunningServer } from './harness';

const skip = browserSkipReason();
const HOUR = 3_600_000;

/** Every day 06:00-23:00: a coach's hours (one place, so one lesson at a time). */
const coachHours = Array.from({ length: 7 }, () => [{ from: '06:00', to: '23:00' }]);

/** The hour on the department's clock, 0-23. */
const hourIn = (at: Date, timeZone: string) => Number(new Intl.DateTimeFormat('en', { timeZone, hour: 'numeric', hourCycle: 'h23' }).format(at));

/**
 * A lesson inside the next day (so by phone it is already frozen: seed 004 "电话取消最好是提前一天") and
 * at least two hours away, on an open hour whatever time the test runs.
 */
function frozenSlot(timeZone: string): { date: string; label: string } {
  let at = new Date(Math.ceil(Date.now() / HOUR) * HOUR + 2 * HOUR);
  while (hourIn(at, timeZone) < 6 || hourIn(at, timeZone) > 21) at = new Date(at.getTime() + HOUR);
  return { date: zonedDate(at, timeZone), label: `${String(hourIn(at, timeZone)).padStart(2, '0')}:00` };
}

describe.skipIf(skip)('bookings in the browser: book a lesson, the frozen cancel refused, an illness exception approved by the manager', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    if (!existsSync(join(ROOT, 'packages/web/dist/index.html')) || process.env.CI === 'true') buildWeb();
    server = await startServer(3878);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function signedIn(username: string): Promise<Page> {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await signIn(page, server.url, username);
    return page;
  }
  /** A loaded machine (five test runs on two cores) answers slowly: wait for what a person would wait for. */
  const eventually = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 20_000, interval: 200 });
  // the booking page's own state (the schedule's table shows states too)
  const status = (page: Page) => page.getByTestId('booking-state').innerText();

  it('agent1 books a lesson by phone; the cancel inside a day is refused; the illness exception is approved; cancelled without charge', async () => {
    // the manager sets up a coach on the resources screen; the demo's own resources are listed there
    const manager = await signedIn('manager');
    await manager.goto(`${server.url}/resources`);
    await manager.getByText('动感单车教室').waitFor();
    await manager.getByTestId('resource-new').click();
    await manager.getByTestId('field-resource-name').fill('私教·周教练');
    for (let d = 0; d < 7; d += 1) await manager.getByTestId(`field-day${d}`).fill(d === 3 ? '06:00-25:00' : '06:00-23:00');
    await manager.getByTestId('resource-save').click();
    // a time that does not exist is refused beside its day (Wednesday), nothing sent
    await manager
      .locator('.ant-form-item', { has: manager.getByTestId('field-day3') })
      .locator('.ant-form-item-explain-error')
      .filter({ hasText: 'HH:MM' })
      .waitFor();
    await manager.getByTestId('field-day3').fill('06:00-23:00');
    await manager.getByTestId('resource-save').click();
    await manager.getByRole('cell', { name: '私教·周教练' }).waitFor();
    await screenshot(manager, 'bookings-resources');
    const coach = (await apiAs<{ items: Resource[] }>(manager, 'GET', '/api/v1/resources')).items.find((r) => r.name === '私教·周教练')!;
    expect(coach.openingHours).toEqual(coachHours);
    const { timeZone } = await apiAs<CalendarConfig>(manager, 'GET', '/api/v1/calendar/config');
    const slot = frozenSlot(timeZone);

    const agent = await signedIn('agent1');
    const customer = (await apiAs<{ items: CustomerListItem[] }>(agent, 'GET', '/api/v1/customers?limit=5')).items[0]!;
    await agent.goto(`${server.url}/bookings?resource=${coach.id}&date=${slot.date}`);
    const tile = agent.getByTestId(`slot-${slot.label}`);
    await tile.waitFor();
    expect(await tile.getAttribute('data-state')).toBe('free');
    expect(await tile.innerText()).toContain('0/1 已约');
    await screenshot(agent, 'bookings-schedule');

    await tile.click();
    await agent.getByTestId('field-customer').click();
    await agent.keyboard.type(customer.name);
    await agent.locator('.ant-select-item-option', { hasText: customer.name }).first().click();
    await agent.getByTestId('booking-submit').click();
    await agent.waitForURL(/\/bookings\/[0-9a-f-]{36}$/);
    await eventually(() => status(agent)).toBe('已预约');
    const card = await agent.getByTestId('booking-card').innerText();
    expect(card).toContain(customer.name);
    expect(card).toContain('私教·周教练');
    expect(card).toContain(slot.label);
    await screenshot(agent, 'bookings-booking');
    const bookingUrl = agent.url();

    // the same hour is now full: the server answers with quieter times (weekday mornings first), one click takes one
    await agent.goto(`${server.url}/bookings?resource=${coach.id}&date=${slot.date}`);
    await eventually(() => agent.getByTestId(`slot-${slot.label}`).getAttribute('data-state')).toBe('full');
    await agent.getByTestId(`slot-${slot.label}`).click();
    await agent.getByTestId('field-customer').click();
    await agent.keyboard.type(customer.name);
    await agent.locator('.ant-select-item-option', { hasText: customer.name }).first().click();
    await agent.getByTestId('booking-submit').click();
    expect(await agent.getByTestId('booking-error').innerText()).toContain('该时段已约满');
    const offered = agent.getByTestId('booking-suggestion');
    await offered.first().waitFor();
    // the customer list has closed (its fade-out would sit over the offered times in the picture)
    await agent.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').waitFor({ state: 'detached' });
    await screenshot(agent, 'bookings-suggestions');
    const picked = (await offered.first().innerText()).split('（')[0]!;
    await offered.first().click();
    expect(await agent.getByTestId('booking-time').innerText()).toContain(picked);
    await agent.getByTestId('booking-submit').click();
    await agent.waitForURL((u) => /\/bookings\/[0-9a-f-]{36}$/.test(u.pathname) && u.href !== bookingUrl);
    await eventually(() => agent.getByTestId('booking-card').innerText()).toContain(picked.slice(6));

    await agent.goto(bookingUrl);
    await eventually(() => status(agent)).toBe('已预约');
    // a move is under the same window: a new time picked from the coach's free hours of the next day, refused
    const nextDay = new Date(Date.parse(`${slot.date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    await agent.getByTestId('booking-move').click();
    const dateBox = agent.getByTestId('field-move-date');
    await dateBox.click();
    await dateBox.fill(nextDay);
    await dateBox.press('Enter');
    await agent.getByTestId('field-move-start').click();
    await agent.locator('.ant-select-item-option', { hasText: '20:00' }).first().click();
    await agent.getByTestId('step-submit').click();
    expect(await agent.getByTestId('step-error').innerText()).toContain('预约已冻结');
    await agent.locator('.ant-modal-close').click();
    await agent.getByTestId('step-error').waitFor({ state: 'detached' });

    // by phone, less than a day before: the server refuses with its reason, and the exception is offered
    await agent.getByTestId('booking-cancel').click();
    await agent.getByTestId('field-cancel-reason').fill('客户发烧，来不了');
    await agent.getByTestId('step-submit').click();
    const refusal = agent.getByTestId('step-error');
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain('预约已冻结');
    await screenshot(agent, 'bookings-frozen');
    await agent.getByTestId('offer-exception').click();
    await agent.getByTestId('field-proof').fill('市第一医院门诊病历，发烧 39 度');
    await agent.getByTestId('step-submit').click();
    await eventually(() => agent.getByTestId('exception-status').first().innerText()).toBe('待审批');
    expect(await status(agent)).toBe('已预约');
    // the agent may not decide: no approve button
    expect(await agent.getByTestId('exception-approve').count()).toBe(0);

    // the manager decides from the list of waiting requests (例外审批), which names the booking and leads to it
    await manager.goto(`${server.url}/booking-exceptions`);
    const request = manager.getByTestId('booking-exceptions').filter({ has: manager.locator(`a[href="${new URL(bookingUrl).pathname}"]`) });
    expect(await request.getByTestId('exception-booking').innerText()).toContain('私教·周教练');
    await request.getByTestId('exception-approve').click();
    await request.waitFor({ state: 'detached' });
    await manager.goto(bookingUrl);
    await eventually(() => status(manager)).toBe('已取消');
    await manager.getByTestId('charge-waived').waitFor();
    expect(await manager.getByTestId('exception-status').first().innerText()).toBe('已批准');
    await screenshot(manager, 'bookings-approved');

    // the time is free again on the schedule, and the customer's page lists the cancelled booking
    await agent.goto(`${server.url}/bookings?resource=${coach.id}&date=${slot.date}`);
    await eventually(() => agent.getByTestId(`slot-${slot.label}`).getAttribute('data-state')).toBe('free');
    await agent.goto(`${server.url}/customers/${customer.id}`);
    await agent.getByTestId('tab-bookings').click();
    await eventually(() => agent.getByTestId('customer-bookings').innerText()).toContain('已取消');

    // in English: the schedule and the booking speak English, the refusal too (the server answers in the reader's language)
    await agent.getByTestId('language-switch').getByText('English').click();
    await agent.goto(`${server.url}/bookings?resource=${coach.id}&date=${slot.date}`);
    await eventually(() => agent.getByTestId(`slot-${slot.label}`).innerText()).toContain('0/1 taken');
    await agent.goto(bookingUrl);
    await eventually(() => status(agent)).toBe('Cancelled');
    expect(await agent.getByTestId('charge-waived').innerText()).toContain('cancelled without charge');
    await screenshot(agent, 'bookings-booking-en');
  }, 240_000);

  /** A request as `page`'s signed-in user (and an Idempotency-Key where the API asks for one). */
  const call = apiAs;
  const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  /**
   * A one-hour lesson starting within two or three minutes, on the department's clock in `timeZone` (a
   * lesson must begin before it can be marked attended); null when that hour would run past midnight.
   */
  function soonLesson(timeZone: string) {
    const at = new Date(Math.ceil((Date.now() + 100_000) / 60_000) * 60_000);
    const m = hourIn(at, timeZone) * 60 + Number(new Intl.DateTimeFormat('en', { timeZone, minute: 'numeric' }).format(at));
    return m + 60 <= 23 * 60 + 59 ? { at, date: zonedDate(at, timeZone), from: hhmm(m), to: hhmm(m + 60) } : null;
  }

  it('a lesson charged to a lessons card: the picker shows balance and held lessons, the card holds it, attended charges it (预约扣课, linked), a cancelled one frees its hold', async () => {
    const manager = await signedIn('manager');
    const officer = await signedIn('membership');
    // the demo has no card types: the manager sets up a 课时卡 (as in e2e/cards.test.ts, through the API here)
    const type = await call<CardType>(manager, 'POST', '/api/v1/card-types', {
      code: 'e2e_lessons',
      name: '私教十节卡',
      kind: 'lessons',
      prefix: 'SJK',
      course: '私教',
    });
    const customer = (await call<{ items: CustomerListItem[] }>(officer, 'GET', '/api/v1/customers?limit=20')).items[7]!;
    const card = await call<Card>(officer, 'POST', '/api/v1/cards', { typeId: type.id, customerId: customer.id });
    await call(officer, 'POST', `/api/v1/cards/${card.id}/entries`, { kind: 'top_up', amount: 3 }, { 'Idempotency-Key': `e2e-top-up-${card.id}` });

    // the lesson to be attended starts in a few minutes; between 23:00 and midnight in the department's zone
    // there is no such hour left today, so the department's clock moves west for this flow and back after it
    const config = await call<CalendarConfig>(manager, 'GET', '/api/v1/calendar/config');
    const timeZone = [config.timeZone, 'Europe/London'].find((z) => soonLesson(z) !== null)!;
    if (timeZone !== config.timeZone) await call(manager, 'PUT', '/api/v1/calendar/config', { ...config, timeZone });
    try {
      const soon = soonLesson(timeZone)!;
      const later = zonedDate(new Date(soon.at.getTime() + 2 * 86_400_000), timeZone);
      const openingHours = Array.from({ length: 7 }, (_, d) =>
        d === weekdayOf(soon.date) ? [{ from: soon.from, to: soon.to }] : [{ from: '06:00', to: '23:00' }],
      );
      const coach = await call<Resource>(manager, 'POST', '/api/v1/resources', { name: '私教·吴教练', kind: 'teacher', capacity: 1, openingHours, notes: '' });

      /** 为该客户预约 from the schedule: the tile, the customer already in the form, the card picked in the picker. */
      const book = async (date: string, label: string, expected: string) => {
        await officer.goto(`${server.url}/bookings?resource=${coach.id}&date=${date}&customerId=${customer.id}`);
        await officer.getByTestId(`slot-${label}`).click();
        await officer.locator('.ant-modal').getByText(customer.name).first().waitFor();
        await officer.getByTestId('field-card').click();
        const option = officer.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: card.number });
        await eventually(() => option.innerText()).toContain(expected);
        await screenshot(officer, `bookings-card-picker-${label.replace(':', '')}`);
        await option.click();
        await officer.getByTestId('booking-submit').click();
        await officer.waitForURL(/\/bookings\/[0-9a-f-]{36}$/);
        // the booking page's chunk may load slowly on a loaded machine (a first run waited past 30 s)
        await officer.getByTestId('booking-state').waitFor({ timeout: 60_000 });
        await eventually(() => status(officer)).toBe('已预约');
        return officer.url();
      };
      const held = async (text: string) => {
        await officer.goto(`${server.url}/cards/${card.id}`);
        await eventually(() => officer.getByTestId('card-held').innerText()).toBe(text);
      };

      const lessonUrl = await book(soon.date, soon.from, `${card.number} 私教十节卡 · 余 3 课时 · 预约占用 0 · 可用 3`);
      await held('1 课时（可用 2 课时）');
      expect(await officer.getByTestId('card-balance').innerText()).toContain('3 课时');
      await screenshot(officer, 'cards-held');

      // a second lesson two days later holds another; cancelled in time (by phone, a day ahead), it frees its hold
      const secondUrl = await book(later, '10:00', '余 3 课时 · 预约占用 1 · 可用 2');
      await held('2 课时（可用 1 课时）');
      await officer.goto(secondUrl);
      await officer.getByTestId('booking-cancel').click();
      await officer.getByTestId('field-cancel-reason').fill('客户出差');
      await officer.getByTestId('step-submit').click();
      await eventually(() => status(officer)).toBe('已取消');
      await held('1 课时（可用 2 课时）');

      // the first lesson begins: attended, the held lesson is charged (the buttons appear once it has begun)
      await expect
        .poll(
          async () => {
            await officer.goto(lessonUrl);
            await officer.getByTestId('booking-state').waitFor();
            return officer.getByTestId('booking-attended').count();
          },
          { timeout: 300_000, interval: 5_000 },
        )
        .toBe(1);
      await officer.getByTestId('booking-attended').click();
      await officer.locator('.ant-popconfirm .ant-btn-primary').click();
      await eventually(() => status(officer)).toBe('已到');
      const lesson = await call<{ number: string }>(officer, 'GET', `/api/v1/bookings/${lessonUrl.split('/').pop()}`);

      await held('0 课时（可用 2 课时）');
      expect(await officer.getByTestId('card-balance').innerText()).toContain('2 课时');
      const charge = officer.locator('[data-testid="card-ledger"] tbody tr[data-kind="booking_charge"]');
      expect(await charge.count()).toBe(1);
      expect(await charge.innerText()).toContain('预约扣课');
      expect(await charge.getByTestId('entry-amount').innerText()).toBe('-1 课时');
      expect(await charge.getByTestId('entry-booking').innerText()).toBe(`预约 ${lesson.number}`);
      await screenshot(officer, 'cards-booking-charge');
      await charge.getByTestId('entry-booking').click();
      await officer.waitForURL(lessonUrl);
      await eventually(() => status(officer)).toBe('已到');
    } finally {
      if (timeZone !== config.timeZone) await call(manager, 'PUT', '/api/v1/calendar/config', config);
    }
  }, 480_000);
});
