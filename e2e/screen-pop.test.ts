import type { CustomerListItem } from '@kefu/shared/customer';
import { describe, expect, it } from 'vitest';
import { apiAs, browserSkipReason, browserSuite, screenshot } from './harness';

const skip = browserSkipReason();

describe.skipIf(skip)('screen pop in the browser: the PBX rings an agent, the caller’s card shows; an unknown number opens the new-customer form', () => {
  const suite = browserSuite(3882);

  /** The PBX's API key, made by the admin as the admin screen makes it (telephony:events only). */
  async function pbxKey(): Promise<string> {
    const admin = await suite.signedIn('admin');
    const made = await apiAs<{ key: string }>(admin, 'POST', '/api/v1/api-keys', { name: 'PBX (e2e)', permissions: ['telephony:events'] });
    return made.key;
  }

  async function ring(key: string, body: Record<string, unknown>) {
    const res = await fetch(`${suite.url}/api/v1/telephony/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'ringing', called: '4008001234', extension: '8001', ...body }),
    });
    expect(res.status).toBe(202);
  }

  it('agent 8001 is on the customer list; a demo customer calls: the card appears over the page', async () => {
    const key = await pbxKey();
    const page = await suite.signedIn('agent1'); // 张晓燕, extension 8001 in the demo
    // one of her own customers: she sees the real number, as the PBX reports it
    const mine = await apiAs<{ items: CustomerListItem[] }>(page, 'GET', '/api/v1/customers?limit=50');
    const caller = mine.items.find((c) => c.mobile && /^1\d{10}$/.test(c.mobile))!;
    await page.goto(`${suite.url}/customers`);
    await page.getByTestId('customer-search').waitFor();
    // the stream is open once the app shell is up; give the EventSource its first message
    await page.waitForTimeout(500);

    const sent = Date.now();
    await ring(key, { callId: `e2e-${sent}`, caller: `+86 ${caller.mobile}` });
    const name = page.getByTestId('pop-customer-name');
    await name.waitFor();
    const visibleMs = Date.now() - sent;
    console.log(`screen pop: POST ringing -> caller card visible in ${visibleMs} ms`);
    expect(await name.innerText()).toContain(caller.name);
    const pop = page.getByTestId('screen-pop');
    expect(await pop.innerText()).toContain('未结投诉');
    expect(await pop.innerText()).toContain('最近联系');
    await page.getByTestId('pop-open-customer').waitFor();
    await screenshot(page, 'screen-pop-known');
    // 打开客户 goes to the customer page, the pop stays out of the way
    await page.getByTestId('pop-open-customer').click();
    await page.waitForURL(`**/customers/${caller.id}`);
    await page.getByTestId('tab-interactions').click();
    await page.getByTestId('customer-interactions').waitFor();
  });

  it('an unknown number pops as unknown; 新建客户 opens the form with the number filled in', async () => {
    const key = await pbxKey();
    const page = await suite.signedIn('agent1');
    await page.goto(`${suite.url}/customers`);
    await page.getByTestId('customer-search').waitFor();
    await page.waitForTimeout(500);
    const number = `139${String(Date.now()).slice(-8)}`;
    await ring(key, { callId: `e2e-unknown-${Date.now()}`, caller: `0086${number}` });
    await page.getByTestId('pop-unknown').waitFor();
    expect(await page.getByTestId('screen-pop').innerText()).toContain(number);
    await screenshot(page, 'screen-pop-unknown');
    await page.getByTestId('pop-new-customer').click();
    await page.waitForURL('**/customers/new?mobile=*');
    await expect.poll(() => page.getByTestId('field-mobile').inputValue()).toBe(number);
    await screenshot(page, 'screen-pop-new-customer');
  });
});
