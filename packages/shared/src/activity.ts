import { z } from 'zod';

/**
 * 会员活动 (seed 003 会籍管理员 (5)(6): 组织会员活动，通知、记录出席，活动后收集意见): an event, the members
 * invited to it, who came, and what they said afterwards. PURE rules and schemas.
 */
export const INVITATION_STATUSES = ['invited', 'accepted', 'declined'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

export const INVITATION_STATUS_LABELS = {
  invited: { 'zh-CN': '已邀请', en: 'Invited' },
  accepted: { 'zh-CN': '已接受', en: 'Accepted' },
  declined: { 'zh-CN': '已婉拒', en: 'Declined' },
} as const;

const text = (max: number) => z.string().trim().max(max, { message: 'v.too_long' });
const instant = z.iso.datetime({ offset: true, message: 'v.datetime' });

const activityFields = {
  title: text(100).min(1, { message: 'v.required' }),
  startsAt: instant,
  endsAt: instant,
  place: text(100).min(1, { message: 'v.required' }),
  capacity: z
    .number({ message: 'activity.v.capacity' })
    .int({ message: 'activity.v.capacity' })
    .min(1, { message: 'activity.v.capacity' })
    .max(10_000, { message: 'activity.v.capacity' }),
  description: text(2000).default(''),
};
const ordered = (a: { startsAt: string; endsAt: string }) => new Date(a.endsAt).getTime() > new Date(a.startsAt).getTime();

export const activityCreateSchema = z.object(activityFields).refine(ordered, { message: 'activity.v.time_order', path: ['endsAt'] });
export type ActivityCreateInput = z.input<typeof activityCreateSchema>;
export const activityUpdateSchema = z
  .object({ ...activityFields, version: z.number().int().min(1) })
  .refine(ordered, { message: 'activity.v.time_order', path: ['endsAt'] });

/** Whom to invite: chosen customers, or every live customer of a tier or with a tag (seed 003 (5) 会员通知). */
export const activityInviteSchema = z
  .object({
    customerIds: z
      .array(z.string().uuid({ message: 'v.customer' }))
      .max(500)
      .default([]),
    tierCode: z.string().trim().max(50).nullable().default(null),
    tag: z.string().trim().max(50).nullable().default(null),
  })
  .refine((i) => i.customerIds.length > 0 || !!i.tierCode || !!i.tag, { message: 'activity.v.invitees', path: ['customerIds'] });
export type ActivityInviteInput = z.input<typeof activityInviteSchema>;

export const invitationAnswerSchema = z.object({ status: z.enum(['accepted', 'declined']), version: z.number().int().min(1) });
export const invitationCheckInSchema = z.object({ version: z.number().int().min(1) });
export const invitationOpinionSchema = z.object({
  rating: z
    .number({ message: 'activity.v.rating' })
    .int({ message: 'activity.v.rating' })
    .min(1, { message: 'activity.v.rating' })
    .max(5, { message: 'activity.v.rating' }),
  opinion: text(1000).default(''),
  version: z.number().int().min(1),
});

export const activitySummarySchema = z.object({
  invited: z.number(),
  accepted: z.number(),
  declined: z.number(),
  attended: z.number(),
  opinions: z.number(),
  averageRating: z.number().nullable(),
  /** how many attendees gave 1..5 stars (index 0 is one star) */
  ratings: z.array(z.number()),
});
export type ActivitySummary = z.infer<typeof activitySummarySchema>;

export const activitySchema = z.object({
  id: z.string(),
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  place: z.string(),
  capacity: z.number(),
  description: z.string(),
  createdByName: z.string(),
  createdAt: z.string(),
  version: z.number(),
  summary: activitySummarySchema,
});
export type Activity = z.infer<typeof activitySchema>;

export const invitationSchema = z.object({
  activityId: z.string(),
  customerId: z.string(),
  customerName: z.string(),
  status: z.enum(INVITATION_STATUSES),
  invitedAt: z.string(),
  invitedByName: z.string(),
  respondedAt: z.string().nullable(),
  checkedInAt: z.string().nullable(),
  rating: z.number().nullable(),
  opinion: z.string().nullable(),
  opinionAt: z.string().nullable(),
  version: z.number(),
});
export type Invitation = z.infer<typeof invitationSchema>;

export interface InvitationFacts {
  status: InvitationStatus;
  checkedInAt: Date | null;
  rating: number | null;
}

/** The summary the manager reads (and the chart draws): invited, accepted, came, and how they rated it. */
export function activitySummary(rows: readonly InvitationFacts[]): ActivitySummary {
  const ratings = [0, 0, 0, 0, 0];
  let sum = 0;
  let opinions = 0;
  for (const r of rows) {
    if (r.rating === null) continue;
    ratings[r.rating - 1]! += 1;
    sum += r.rating;
    opinions += 1;
  }
  return {
    invited: rows.length,
    accepted: rows.filter((r) => r.status === 'accepted').length,
    declined: rows.filter((r) => r.status === 'declined').length,
    attended: rows.filter((r) => r.checkedInAt !== null).length,
    opinions,
    averageRating: opinions ? Math.round((sum / opinions) * 100) / 100 : null,
    ratings,
  };
}

export type InvitationStep = 'accept' | 'decline' | 'check_in' | 'opinion';
export type StepRefusal = 'activity.already_checked_in' | 'activity.not_checked_in' | 'activity.declined' | 'activity.not_started' | 'activity.unchanged';

/**
 * One table for an invitation's steps: an answer changes until the member has come; checking in
 * accepts (a walk-in who never answered takes a place); an opinion only from who came, after the start.
 * `takesPlace` says whether the step takes one of the capacity's places, `freesPlace` whether it gives one back.
 */
export function invitationStep(
  inv: InvitationFacts,
  step: InvitationStep,
  activity: { startsAt: Date },
  now: Date,
): { ok: true; status: InvitationStatus; takesPlace: boolean; freesPlace: boolean } | { ok: false; code: StepRefusal } {
  const accepted = inv.status === 'accepted';
  switch (step) {
    case 'accept':
      if (inv.checkedInAt) return { ok: false, code: 'activity.already_checked_in' };
      if (accepted) return { ok: false, code: 'activity.unchanged' };
      return { ok: true, status: 'accepted', takesPlace: true, freesPlace: false };
    case 'decline':
      if (inv.checkedInAt) return { ok: false, code: 'activity.already_checked_in' };
      if (inv.status === 'declined') return { ok: false, code: 'activity.unchanged' };
      return { ok: true, status: 'declined', takesPlace: false, freesPlace: accepted };
    case 'check_in':
      if (inv.checkedInAt) return { ok: false, code: 'activity.already_checked_in' };
      if (inv.status === 'declined') return { ok: false, code: 'activity.declined' };
      return { ok: true, status: 'accepted', takesPlace: !accepted, freesPlace: false };
    case 'opinion':
      if (!inv.checkedInAt) return { ok: false, code: 'activity.not_checked_in' };
      if (now.getTime() < activity.startsAt.getTime()) return { ok: false, code: 'activity.not_started' };
      return { ok: true, status: inv.status, takesPlace: false, freesPlace: false };
  }
}
