import type { Booking, Resource } from '@kefu/shared/booking';
import type { CalendarConfig } from '@kefu/shared/calendar/config';
import { zonedDate, zonedInstant } from '@kefu/shared/calendar/zoned';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { bookAs, apiAs, browserSkipReason, browserSuite, screenshot } from './harness';

const skip = browserSkipReason();
const DAY = 86_400_000;

const book = (page: Page, body: Record<string, unknown>) => bookAs<Booking>(page, body);

describe.skipIf(skip)('the schedule: drag a booking to another hour; the day sheet printed', () => {
  const suite = browserSuite(3885);
  const eventually = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 20_000, interval: 200 });

  it('agent1 drags a lesson to a free hour (moved) and onto a taken one (refused, stays); the supervisor confirms and prints the sheet', async () => {
    const manager = await suite.signedIn('manager');
    await manager.goto(`${suite.url}/resources`);
    const name = `拖拽·吴教练${Date.now() % 10000}`;
    const hours = Array.from({ length: 7 }, () => [{ from: '06:00', to: '23:00' }]);
    const coach = await apiAs<Resource>(manager, 'POST', '/api/v1/resources', { name, kind: 'coach', capacity: 1, openingHours: hours, notes: '' });
    const { timeZone } = await apiAs<CalendarConfig>(manager, 'GET', '/api/v1/calendar/config');
    // three days ahead: outside the phone's one-day window, so a move is the customer's to make
    const date = zonedDate(new Date(Date.now() + 3 * DAY), timeZone);
    const at = (h: number) => new Date(zonedInstant(date, h * 60, timeZone)).toISOString();

    const agent = await suite.signedIn('agent1');
    await agent.goto(`${suite.url}/customers`);
    const customers = (await apiAs<{ items: { id: string }[] }>(agent, 'GET', '/api/v1/customers?limit=2')).items;
    const a = await book(agent, { customerId: customers[0]!.id, resourceId: coach.id, startsAt: at(9), endsAt: at(10), channel: 'phone' });
    await book(agent, { customerId: customers[1]!.id, resourceId: coach.id, startsAt: at(11), endsAt: at(12), channel: 'phone' });

    await agent.goto(`${suite.url}/bookings?resource=${coach.id}&date=${date}`);
    const chip = agent.getByTestId(`booking-chip-${a.number}`);
    await agent.getByTestId('drop-09:00').getByTestId(`booking-chip-${a.number}`).waitFor();
    await chip.dragTo(agent.getByTestId('slot-10:00'));
    await eventually(() => agent.getByTestId('move-result').innerText()).toContain('已改期到 10:00');
    await agent.getByTestId('drop-10:00').getByTestId(`booking-chip-${a.number}`).waitFor();
    expect((await apiAs<Booking>(agent, 'GET', `/api/v1/bookings/${a.id}`)).startsAt).toBe(at(10));

    // 11:00 is taken (one place): the server refuses, the chip stays at 10:00 with the reason in Chinese
    await chip.dragTo(agent.getByTestId('slot-11:00'));
    await eventually(() => agent.getByTestId('move-result').innerText()).toContain('该时段已约满');
    expect(await agent.getByTestId('drop-10:00').getByTestId(`booking-chip-${a.number}`).count()).toBe(1);
    expect((await apiAs<Booking>(agent, 'GET', `/api/v1/bookings/${a.id}`)).startsAt).toBe(at(10));
    await screenshot(agent, 'booking-drag-refused');

    const supervisor = await suite.signedIn('supervisor');
    await supervisor.goto(`${suite.url}/bookings/sheet?date=${date}`);
    const desk = supervisor.getByTestId('sheet-dept-front_desk');
    await desk.getByText(name).first().waitFor();
    expect(await desk.getByText('10:00-11:00').count()).toBeGreaterThan(0);
    await supervisor.getByTestId('sheet-confirm').click();
    await eventually(() => supervisor.getByTestId('sheet-status').innerText()).toContain('已由');
    await screenshot(supervisor, 'booking-sheet');
    await supervisor.emulateMedia({ media: 'print' });
    await screenshot(supervisor, 'booking-sheet-print');
    await supervisor.emulateMedia({ media: 'screen' });
  });
});
