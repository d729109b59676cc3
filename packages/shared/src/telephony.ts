import { z } from 'zod';
import { normalisePhone } from './phone';

/**
 * The telephony integration (SPEC §3, seed 004 学员录音的记录): the PBX posts `ringing`, `answered` and
 * `ended` events; the agent whose extension rings gets the caller's card (弹窗 screen pop).
 */
export const CALL_EVENT_TYPES = ['ringing', 'answered', 'ended'] as const;
export type CallEventType = (typeof CALL_EVENT_TYPES)[number];
export const CALL_STATES = ['dialing', 'ringing', 'answered', 'ended'] as const;
export type CallState = (typeof CALL_STATES)[number];

const number = z.string().trim().max(40, { message: 'v.too_long' });

export const telephonyEventSchema = z.object({
  type: z.enum(CALL_EVENT_TYPES),
  /** the PBX's id of the call (Asterisk's Uniqueid/Linkedid): every event of one call carries it */
  callId: z.string().trim().min(1, { message: 'v.required' }).max(100, { message: 'v.too_long' }),
  caller: number.default(''),
  called: number.default(''),
  /** the agent's extension that rings / answered / made the call */
  extension: z.string().trim().max(20, { message: 'v.too_long' }).optional(),
  direction: z.enum(['inbound', 'outbound']).default('inbound'),
  /** when the event happened at the PBX; the server's clock when absent */
  at: z.string().datetime({ offset: true, message: 'v.datetime' }).optional(),
  /** `ended`: the talk time the PBX measured; otherwise answered -> ended */
  durationSeconds: z.number().int().min(0).max(86_400).optional(),
  /** `ended`: where the recording is (a file name or URL at the PBX) */
  recordingRef: z.string().trim().max(500, { message: 'v.too_long' }).optional(),
});
export type TelephonyEvent = z.infer<typeof telephonyEventSchema>;

export const telephonyEventResultSchema = z.object({
  callId: z.string(),
  state: z.enum(CALL_STATES),
  customerId: z.string().nullable(),
  agentId: z.string().nullable(),
  interactionId: z.string().nullable(),
});

/**
 * A number as a PBX reports it, to the form customers are stored in (shared/phone.ts): mobiles as 11
 * digits, landlines with their trunk 0. PBXs add prefixes people never type: `86`/`0086`/`+86`, and a
 * trunk `0` before a mobile from another city (013800138000). A number that is no valid Chinese number
 * (an internal extension, a local number without its area code) stays as its digits, so it can still be
 * shown and prefilled; withheld numbers give null.
 */
export function normaliseCallerNumber(input: string | null | undefined): string | null {
  if (!input) return null;
  let s = input.trim().replace(/[\s\-().\u3000]/g, '');
  if (s.startsWith('00')) s = `+${s.slice(2)}`;
  if (/^86\d{9,12}$/.test(s)) s = `+${s}`;
  if (/^01[3-9]\d{9}$/.test(s)) s = s.slice(1);
  if (!/^\+?\d+$/.test(s)) return null;
  const known = normalisePhone(s);
  if (known) return known;
  const digits = s.replace(/^\+86/, '').replace(/\D/g, '');
  return digits.length >= 3 && digits.length <= 20 ? digits : null;
}

/** The other party of a call: the caller of an inbound call, the called number of an outbound one. */
export function otherParty(e: Pick<TelephonyEvent, 'direction' | 'caller' | 'called'>): string | null {
  return normaliseCallerNumber(e.direction === 'outbound' ? e.called : e.caller);
}

/** What the stream sends the browser: ids only (NOTIFY payloads are limited; the card is fetched). */
export const callSignalSchema = z.object({
  callId: z.string(),
  state: z.enum(CALL_STATES),
  customerId: z.string().nullable(),
  at: z.string(),
});
export type CallSignal = z.infer<typeof callSignalSchema>;

export const callCardSchema = z.object({
  call: z.object({
    id: z.string(),
    callId: z.string(),
    state: z.enum(CALL_STATES),
    direction: z.enum(['inbound', 'outbound']),
    /** masked unless the reader sees this customer's numbers; an unknown number is shown as it is */
    number: z.string().nullable(),
    startedAt: z.string(),
    answeredAt: z.string().nullable(),
    endedAt: z.string().nullable(),
    durationSeconds: z.number().nullable(),
    interactionId: z.string().nullable(),
    agentId: z.string().nullable(),
  }),
  customer: z
    .object({
      id: z.string(),
      name: z.string(),
      title: z.enum(['mr', 'ms']).nullable(),
      tierCode: z.string().nullable(),
      tierLabel: z.string().nullable(),
      ownerName: z.string().nullable(),
      lifecycle: z.string(),
      /** the customer page is open to this reader (scope); the pop shows the card regardless */
      canOpen: z.boolean(),
      openComplaints: z.number(),
      nextBooking: z.object({ id: z.string(), number: z.string(), startsAt: z.string(), resourceName: z.string() }).nullable(),
      cards: z.array(z.object({ id: z.string(), number: z.string(), typeName: z.string(), kind: z.string(), balance: z.number(), status: z.string() })),
      lastContacts: z.array(
        z.object({
          id: z.string(),
          channel: z.string(),
          direction: z.string(),
          startedAt: z.string(),
          summary: z.string(),
          agentName: z.string().nullable(),
        }),
      ),
    })
    .nullable(),
  /** an unknown caller: the number to prefill the new-customer form with */
  newCustomerMobile: z.string().nullable(),
});
export type CallCard = z.infer<typeof callCardSchema>;

/** Click-to-call: which of the customer's numbers (the agent may only see it masked; the server dials the real one). */
export const dialSchema = z.object({
  customerId: z.string().uuid({ message: 'v.customer' }),
  /** 'mobile', or the index of one of the other phones */
  phone: z.union([z.literal('mobile'), z.number().int().min(0).max(20)]).default('mobile'),
});
export type DialInput = z.infer<typeof dialSchema>;
export const dialResultSchema = z.object({ callId: z.string(), state: z.literal('dialing') });
