import { beforeAll, expect, it } from 'vitest';
import { insertNotifications } from '../src/modules/notifications';
import { userClient, type Client } from './factories';
import { describeEachDb } from './helpers';

/** The bell: the reader's own notifications, newest first, the unread count, read one or all; words in the reader's language. */
describeEachDb('notifications', (env) => {
  let reader: Client;
  let other: Client;

  beforeAll(async () => {
    reader = await userClient(env(), ['complaints'], '赵客诉');
    other = await userClient(env(), ['complaints'], '钱客诉');
    const at = (m: number) => new Date(Date.UTC(2026, 9, 9, 1, m));
    for (let i = 0; i < 5; i += 1) {
      await insertNotifications(
        env().handle.db,
        [
          {
            userId: reader.userId,
            kind: 'complaint.promise_overdue',
            params: { number: `KS20261009-000${i}`, what: '回电', due: '2026-10-09 09:30' },
            link: `/complaints/x${i}`,
            dedupeKey: `t:${i}`,
          },
        ],
        at(i),
      );
    }
    await insertNotifications(
      env().handle.db,
      [{ userId: other.userId, kind: 'complaint.assigned', params: { number: 'KS1', complainant: '甲', by: '乙' }, link: null, dedupeKey: 'o:1' }],
      at(9),
    );
  });

  it('a dedupe key makes a second insert of the same notification do nothing', async () => {
    const again = await insertNotifications(
      env().handle.db,
      [{ userId: reader.userId, kind: 'complaint.promise_overdue', params: {}, link: null, dedupeKey: 't:0' }],
      new Date(),
    );
    expect(again).toBe(0);
  });

  it('lists the reader’s own, newest first, with the unread count, in pages', async () => {
    const first = await reader.get('/api/v1/notifications?limit=3');
    expect(first.body.unread).toBe(5);
    expect(first.body.items.map((n: { link: string }) => n.link)).toEqual(['/complaints/x4', '/complaints/x3', '/complaints/x2']);
    expect(first.body.items[0]).toMatchObject({
      kind: 'complaint.promise_overdue',
      title: '对客户的承诺已逾期',
      body: 'KS20261009-0004：回电（期限 2026-10-09 09:30）',
      readAt: null,
    });
    const second = await reader.get(`/api/v1/notifications?limit=3&cursor=${first.body.nextCursor}`);
    expect(second.body.items.map((n: { link: string }) => n.link)).toEqual(['/complaints/x1', '/complaints/x0']);
    expect(second.body.nextCursor).toBeNull();
    const en = await reader.get('/api/v1/notifications?limit=1', { 'accept-language': 'en' });
    expect(en.body.items[0]).toMatchObject({ title: 'A promise to a customer is overdue', body: 'KS20261009-0004: 回电 (due 2026-10-09 09:30)' });
  });

  it('marks one, then all, as read; only the reader’s own', async () => {
    const top = (await reader.get('/api/v1/notifications?limit=1')).body.items[0];
    expect((await other.post(`/api/v1/notifications/${top.id}/read`)).status).toBe(404);
    const read = await reader.post(`/api/v1/notifications/${top.id}/read`);
    expect(read.body).toMatchObject({ id: top.id, readAt: '2026-10-09T02:00:00.000Z' });
    const unread = await reader.get('/api/v1/notifications?unread=true');
    expect(unread.body.unread).toBe(4);
    expect(unread.body.items.map((n: { id: string }) => n.id)).not.toContain(top.id);
    expect((await reader.post('/api/v1/notifications/read-all')).body).toEqual({ updated: 4 });
    expect((await reader.get('/api/v1/notifications')).body.unread).toBe(0);
    // the other reader's bell is untouched
    expect((await other.get('/api/v1/notifications')).body).toMatchObject({
      unread: 1,
      items: [{ title: '有客诉指派给您', body: 'KS1（投诉人：甲），指派人：乙' }],
    });
  });
});
