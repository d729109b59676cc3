import type { CalendarConfig } from '@kefu/shared/calendar/config';
import { zonedDate } from '@kefu/shared/calendar/zoned';
import type { CustomerListItem } from '@kefu/shared/customer';
import type { GroupBooking } from '@kefu/shared/group-booking';
import type { RoomBookingListItem } from '@kefu/shared/room-booking';
import { describe, expect, it } from 'vitest';
import { apiAs, browserSkipReason, browserSuite, screenshot } from './harness';

const skip = browserSkipReason();
const DAY = 86_400_000;

describe.skipIf(skip)('group bookings and named rooms in the browser', () => {
  const suite = browserSuite(3884);
  /** A loaded machine (several test runs on two cores) answers slowly: wait for what a person would wait for. */
  const eventually = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 20_000, interval: 200 });

  it('agent1 takes a group booking 10 days ahead on the badminton court, ticks two checklist items with a note, pastes a roster', async () => {
    const page = await suite.signedIn('agent1');
    const { timeZone } = await apiAs<CalendarConfig>(page, 'GET', '/api/v1/calendar/config');
    const organiser = (await apiAs<{ items: CustomerListItem[] }>(page, 'GET', '/api/v1/customers?limit=1')).items[0]!;
    const day = zonedDate(new Date(Date.now() + 10 * DAY), timeZone);

    await page.goto(`${suite.url}/group-bookings`);
    await page.getByTestId('group-table').waitFor();
    await page.getByTestId('group-new').click();
    await page.getByTestId('group-name').fill('浏览器测试公司球会');
    await page.getByTestId('group-size').fill('6');
    const customer = page.getByTestId('field-customer');
    await customer.click();
    await page.keyboard.type(organiser.name);
    await page.locator('.ant-select-item-option').filter({ hasText: organiser.name }).first().click();
    await page.getByTestId('group-contact').fill('周秘书');
    await page.getByTestId('group-phone').fill('13912345678');
    const date = page.getByTestId('group-date');
    await date.click();
    await date.fill(day);
    await date.press('Enter');
    await page.getByTestId('group-resource-0').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '羽毛球 1 号场' }).click();
    await screenshot(page, 'group-bookings-form');
    await page.getByTestId('group-submit').click();

    await page.waitForURL(/\/group-bookings\/[0-9a-f-]{36}$/, { timeout: 20_000 });
    await eventually(() => page.getByTestId('group-state').innerText()).toBe('已预约');
    await expect(page.getByTestId('group-holds').innerText()).resolves.toContain('羽毛球 1 号场');

    await page.getByTestId('note-dining').fill('午餐 6 位，自助');
    await page.getByTestId('tick-dining').click();
    await eventually(() => page.getByTestId('check-dining').getAttribute('data-done')).toBe('yes');
    await page.getByTestId('tick-start_time').click();
    await eventually(() => page.getByTestId('check-start_time').getAttribute('data-done')).toBe('yes');
    // the note was saved with the tick, by whom
    const id = page.url().split('/').pop()!;
    const saved = await apiAs<GroupBooking>(page, 'GET', `/api/v1/group-bookings/${id}`);
    expect(saved.checklist.find((c) => c.item === 'dining')).toMatchObject({ done: true, note: '午餐 6 位，自助', doneBy: '张晓燕' });
    await expect(page.getByTestId('group-checklist').innerText()).resolves.toContain('2/11');

    // the roster pasted from a message
    await page.getByTestId('roster-paste').fill('张伟 13800138001 12 第1组\n王芳 13800138002 18 第1组');
    await page.getByTestId('roster-parse').click();
    await page.getByTestId('roster-save').click();
    await eventually(() => page.getByTestId('group-roster').innerText()).toContain('2/6');
    await screenshot(page, 'group-bookings-page');
  });

  it('the manager opens a named-room form of the demo and prints it (PDF)', async () => {
    const page = await suite.signedIn('manager');
    await page.goto(`${suite.url}/room-bookings`);
    await page.getByTestId('room-table').getByText('冠名房·明珠厅').first().waitFor();
    await screenshot(page, 'room-bookings-list');
    const changed = (await apiAs<{ items: RoomBookingListItem[] }>(page, 'GET', '/api/v1/room-bookings')).items.find((f) => f.kind === 'change')!;
    await page.getByRole('link', { name: changed.number }).click();
    await page.getByTestId('room-card').waitFor();
    await expect(page.getByTestId('room-state').innerText()).resolves.toContain('第 2 版');
    await expect(page.getByTestId('room-rate-value').innerText()).resolves.toBe('¥1133.44');
    await screenshot(page, 'room-bookings-page');
    const href = await page.getByTestId('room-print').getAttribute('href');
    const pdf = await page.request.get(`${suite.url}${href}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});
