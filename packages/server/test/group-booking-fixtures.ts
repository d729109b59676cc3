import { randomBytes } from 'node:crypto';
import { sh } from './booking-fixtures';
import type { Client } from './factories';

/** A group booking as the form sends it: Monday 19 October 2026 (10 days after the test clock), 09:00-12:00 in Shanghai. */
export function groupBody(organiserId: string, resources: { resourceId: string; places: number }[], extra: Record<string, unknown> = {}) {
  return {
    name: '华信公司秋季球会',
    organiserId,
    contactName: '周秘书',
    contactPhone: '13912345678',
    size: 12,
    startsAt: sh('2026-10-19', '09:00'),
    endsAt: sh('2026-10-19', '12:00'),
    resources,
    channel: 'phone',
    ...extra,
  };
}

export function takeGroup(client: Client, body: unknown, headers: Record<string, string> = {}) {
  return client.post('/api/v1/group-bookings', body, { 'idempotency-key': randomBytes(12).toString('hex'), ...headers });
}

/** A 附件一 form: two nights in the given rooms, 1,288 元 a night at 88%. */
export function roomBody(customerId: string, roomIds: string[], extra: Record<string, unknown> = {}) {
  return {
    customerId,
    guestIdentity: 'founding_member',
    guestName: '陈先生',
    contact: '13812345678',
    company: '华信科技有限公司',
    arrival: '2026-10-20',
    departure: '2026-10-22',
    roomType: '湖景套房',
    persons: 2,
    roomIds,
    priceFen: 128_800,
    discountPercent: 88,
    extras: ['dining', 'club_rental'],
    extrasNote: '晚餐 6 位',
    paymentMethod: 'stored_value',
    channel: 'fax',
    remarks: '需要安静的房间',
    bookedOn: '2026-10-09',
    receivedBy: '刘前台',
    ...extra,
  };
}

export function takeRoom(client: Client, body: unknown, headers: Record<string, string> = {}) {
  return client.post('/api/v1/room-bookings', body, { 'idempotency-key': randomBytes(12).toString('hex'), ...headers });
}
