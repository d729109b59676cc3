import { z } from 'zod';
import type { Lang } from './messages';
import type { MessageEntry } from './message-entry';

/**
 * Interactions (SPEC §3): every call, visit, chat or email with a customer, on the customer's timeline.
 * Calls are written by the telephony integration when they end; agents record the others by hand.
 */
export const INTERACTION_CHANNELS = ['phone', 'visit', 'chat', 'email'] as const;
export type InteractionChannel = (typeof INTERACTION_CHANNELS)[number];
export const INTERACTION_DIRECTIONS = ['inbound', 'outbound'] as const;
export type InteractionDirection = (typeof INTERACTION_DIRECTIONS)[number];
/** What came of the contact (seed 000 标准话术: inquiry, order confirmation, follow-up calls). */
export const INTERACTION_OUTCOMES = ['pending', 'resolved', 'inquiry', 'booking', 'complaint', 'callback', 'no_answer', 'other'] as const;
export type InteractionOutcome = (typeof INTERACTION_OUTCOMES)[number];

export const CHANNEL_LABELS: Record<InteractionChannel, MessageEntry> = {
  phone: { 'zh-CN': '电话', en: 'Phone' },
  visit: { 'zh-CN': '来访', en: 'Visit' },
  chat: { 'zh-CN': '在线/微信', en: 'Chat' },
  email: { 'zh-CN': '邮件', en: 'Email' },
};
export const DIRECTION_LABELS: Record<InteractionDirection, MessageEntry> = {
  inbound: { 'zh-CN': '呼入', en: 'Inbound' },
  outbound: { 'zh-CN': '呼出', en: 'Outbound' },
};
export const OUTCOME_LABELS: Record<InteractionOutcome, MessageEntry> = {
  pending: { 'zh-CN': '待填写', en: 'To fill in' },
  resolved: { 'zh-CN': '已解答', en: 'Resolved' },
  inquiry: { 'zh-CN': '咨询', en: 'Inquiry' },
  booking: { 'zh-CN': '预约', en: 'Booking' },
  complaint: { 'zh-CN': '投诉', en: 'Complaint' },
  callback: { 'zh-CN': '需回电', en: 'Call back' },
  no_answer: { 'zh-CN': '未接通', en: 'No answer' },
  other: { 'zh-CN': '其他', en: 'Other' },
};

const summary = z.string().trim().min(1, { message: 'v.interaction_summary' }).max(2000, { message: 'v.too_long' });

/** An interaction recorded by hand (a visit, a chat, an email, or a call the PBX did not report). */
export const interactionInputSchema = z.object({
  customerId: z.string().uuid({ message: 'v.customer' }),
  channel: z.enum(INTERACTION_CHANNELS, { message: 'v.required' }),
  direction: z.enum(INTERACTION_DIRECTIONS, { message: 'v.required' }),
  startedAt: z.string().datetime({ offset: true, message: 'v.datetime' }),
  durationSeconds: z.number().int().min(0, { message: 'v.interaction_duration' }).max(86_400, { message: 'v.interaction_duration' }).default(0),
  summary,
  outcome: z.enum(INTERACTION_OUTCOMES, { message: 'v.required' }).default('resolved'),
  recordingRef: z
    .string()
    .trim()
    .max(500, { message: 'v.too_long' })
    .nullish()
    .transform((v) => v || null),
});
export type InteractionInput = z.input<typeof interactionInputSchema>;

/** After a call: the agent writes what it was about; a call from an unknown number gets its new customer. */
export const interactionUpdateSchema = z.object({
  summary: summary.optional(),
  outcome: z.enum(INTERACTION_OUTCOMES).optional(),
  customerId: z.string().uuid({ message: 'v.customer' }).optional(),
  version: z.number().int().min(1),
});
export type InteractionUpdate = z.infer<typeof interactionUpdateSchema>;

export const interactionSchema = z.object({
  id: z.string(),
  customerId: z.string().nullable(),
  customerName: z.string().nullable(),
  channel: z.enum(INTERACTION_CHANNELS),
  direction: z.enum(INTERACTION_DIRECTIONS),
  agentId: z.string().nullable(),
  agentName: z.string().nullable(),
  startedAt: z.string(),
  durationSeconds: z.number(),
  summary: z.string(),
  outcome: z.enum(INTERACTION_OUTCOMES),
  recordingRef: z.string().nullable(),
  /** the other party's number of a call, masked unless the reader may see it */
  phone: z.string().nullable(),
  callId: z.string().nullable(),
  createdAt: z.string(),
  version: z.number(),
  abilities: z.object({ update: z.boolean() }),
});
export type Interaction = z.infer<typeof interactionSchema>;

/** The call log's filters (通话记录) and the customer page's list. */
export const interactionListQuery = z.object({
  customerId: z.string().uuid({ message: 'v.customer' }).optional(),
  agentId: z.string().uuid().optional(),
  channel: z.enum(INTERACTION_CHANNELS).optional(),
  direction: z.enum(INTERACTION_DIRECTIONS).optional(),
  outcome: z.enum(INTERACTION_OUTCOMES).optional(),
  from: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'v.date' })
    .optional(),
  to: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'v.date' })
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(300).optional(),
});
export type InteractionListQuery = z.infer<typeof interactionListQuery>;

/** 3:05 / 1:02:03 — a duration as agents read it. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const pad = (n: number) => String(n).padStart(2, '0');
  return h ? `${h}:${pad(m)}:${pad(s % 60)}` : `${m}:${pad(s % 60)}`;
}

/** The timeline line of `interaction.recorded` (data: channel, direction, durationSeconds, summary; never a number). */
export function interactionSummary(kind: string, data: Record<string, unknown>, lang: Lang): string | null {
  if (kind !== 'recorded') return null;
  const channel = CHANNEL_LABELS[data.channel as InteractionChannel]?.[lang] ?? String(data.channel);
  const direction = DIRECTION_LABELS[data.direction as InteractionDirection]?.[lang] ?? '';
  const duration = data.channel === 'phone' ? ` ${formatDuration(Number(data.durationSeconds ?? 0))}` : '';
  const text = typeof data.summary === 'string' && data.summary ? `：${data.summary}` : '';
  return lang === 'zh-CN' ? `${channel}${direction}${duration}${text}` : `${channel} (${direction.toLowerCase()})${duration}${text.replace('：', ': ')}`;
}
