import { describe, expect, it } from 'vitest';
import { formatDuration, interactionInputSchema, interactionSummary } from '../src/interaction';
import { normaliseCallerNumber, otherParty, telephonyEventSchema } from '../src/telephony';

describe('normaliseCallerNumber: numbers as PBXs report them, to the stored form', () => {
  it.each([
    // mobiles, with every prefix a trunk or a carrier adds
    ['13800138000', '13800138000'],
    ['+8613800138000', '13800138000'],
    ['8613800138000', '13800138000'],
    ['008613800138000', '13800138000'],
    ['+86 138-0013-8000', '13800138000'],
    ['013800138000', '13800138000'], // trunk 0 before a mobile from another city
    // landlines keep their trunk 0 and area code
    ['010-8888 6666', '01088886666'],
    ['01088886666', '01088886666'],
    ['+861088886666', '01088886666'],
    ['861088886666', '01088886666'],
    ['00862166668888', '02166668888'],
    ['0571-8765 4321', '057187654321'],
    ['+86 755 2345 6789', '075523456789'],
    // service numbers and what no rule can place: kept as digits, still shown and prefilled
    ['4008123456', '4008123456'],
    ['88886666', '88886666'], // a local number without its area code
    ['8001', '8001'], // an internal extension
    // withheld or garbage
    ['', null],
    [null, null],
    ['anonymous', null],
    ['12', null],
  ])('%s -> %s', (input, expected) => {
    expect(normaliseCallerNumber(input)).toBe(expected);
  });

  it('the other party is the caller of an inbound call and the called number of an outbound one', () => {
    expect(otherParty({ direction: 'inbound', caller: '+8613800138000', called: '4008123456' })).toBe('13800138000');
    expect(otherParty({ direction: 'outbound', caller: '8001', called: '013800138000' })).toBe('13800138000');
  });
});

describe('telephony events', () => {
  it.each([
    [{ type: 'ringing', callId: '1760000000.1', caller: '13800138000', called: '400', extension: '8001' }, true],
    [{ type: 'ended', callId: 'a', durationSeconds: 65, recordingRef: 'x.wav' }, true],
    [{ type: 'ended', callId: 'a', durationSeconds: -1 }, false],
    [{ type: 'hangup', callId: 'a' }, false],
    [{ type: 'ringing', callId: '' }, false],
    [{ type: 'ringing', callId: 'a', at: 'yesterday' }, false],
    [{ type: 'ringing', callId: 'a', at: '2026-10-09T10:00:00+08:00' }, true],
  ])('%j valid: %s', (input, ok) => {
    expect(telephonyEventSchema.safeParse(input).success).toBe(ok);
  });
});

describe('interactions recorded by hand', () => {
  const base = {
    customerId: '7f1c2a3e-1111-4222-8333-944455556666',
    channel: 'visit',
    direction: 'inbound',
    startedAt: '2026-10-09T10:00:00+08:00',
    summary: '到店咨询私教课',
  };
  it.each([
    [{}, []],
    [{ summary: '   ' }, ['summary']],
    [{ summary: 'x'.repeat(2001) }, ['summary']],
    [{ channel: 'fax' }, ['channel']],
    [{ durationSeconds: -5 }, ['durationSeconds']],
    [{ durationSeconds: 86_401 }, ['durationSeconds']],
    [{ startedAt: '2026-10-09' }, ['startedAt']],
    [{ customerId: 'nope' }, ['customerId']],
  ])('%j -> errors at %j', (change, paths) => {
    const r = interactionInputSchema.safeParse({ ...base, ...change });
    expect(r.success ? [] : r.error.issues.map((i) => i.path.join('.'))).toEqual(paths);
  });

  it('defaults: no duration, resolved', () => {
    expect(interactionInputSchema.parse(base)).toMatchObject({ durationSeconds: 0, outcome: 'resolved', recordingRef: null });
  });

  it.each([
    [0, '0:00'],
    [65, '1:05'],
    [3600, '1:00:00'],
    [3725, '1:02:05'],
  ])('formatDuration(%i) = %s', (s, text) => {
    expect(formatDuration(s)).toBe(text);
  });

  it('the timeline line says channel, direction, talk time and summary, never a number', () => {
    expect(interactionSummary('recorded', { channel: 'phone', direction: 'inbound', durationSeconds: 185, summary: '询问课程' }, 'zh-CN')).toBe(
      '电话呼入 3:05：询问课程',
    );
    expect(interactionSummary('recorded', { channel: 'visit', direction: 'inbound', durationSeconds: 0, summary: '' }, 'en')).toBe('Visit (inbound)');
  });
});
