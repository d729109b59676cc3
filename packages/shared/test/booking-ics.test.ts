import { describe, expect, it } from 'vitest';
import { bookingsToIcs, foldLine, icsText } from '../src';

describe('iCalendar text', () => {
  it.each([
    ['王老师', '王老师'],
    ['a,b;c', 'a\\,b\\;c'],
    ['第一行\n第二行', '第一行\\n第二行'],
    ['C:\\path', 'C:\\\\path'],
  ])('%j is written %j', (raw, out) => expect(icsText(raw)).toBe(out));

  it('folds long lines at 75 octets without splitting a character', () => {
    const line = `SUMMARY:${'预约'.repeat(40)}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(new TextEncoder().encode(p).length).toBeLessThanOrEqual(75);
    expect(parts.map((p, i) => (i ? p.slice(1) : p)).join('')).toBe(line);
    expect(foldLine('SHORT')).toBe('SHORT');
  });
});

describe('a booking feed', () => {
  const now = new Date('2026-10-09T02:00:00Z');
  const ics = bookingsToIcs(
    '何老师的预约',
    [
      {
        uid: 'a@kefu',
        startsAt: new Date('2026-10-10T02:00:00Z'),
        endsAt: new Date('2026-10-10T03:00:00Z'),
        summary: '李娜',
        description: 'YY20261009-0001',
        sequence: 0,
        updatedAt: now,
      },
      {
        uid: 'b@kefu',
        startsAt: new Date('2026-10-12T06:00:00Z'),
        endsAt: new Date('2026-10-12T07:00:00Z'),
        summary: '已预约',
        cancelled: true,
        sequence: 2,
        updatedAt: now,
      },
    ],
    now,
  );

  it('is one calendar with one event per booking, times in UTC, CRLF line ends', () => {
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(ics).toContain('X-WR-CALNAME:何老师的预约\r\n');
    expect(ics).toContain('DTSTART:20261010T020000Z\r\nDTEND:20261010T030000Z\r\n');
    expect(ics).toContain('DTSTAMP:20261009T020000Z');
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/\n/);
  });

  it('keeps a cancelled booking as CANCELLED with a higher sequence, so calendars drop it', () => {
    const second = ics.slice(ics.indexOf('UID:b@kefu'));
    expect(second).toMatch(/SEQUENCE:2\r\n[\s\S]*STATUS:CANCELLED/);
    expect(ics.slice(ics.indexOf('UID:a@kefu'), ics.indexOf('UID:b@kefu'))).toContain('STATUS:CONFIRMED');
  });
});
