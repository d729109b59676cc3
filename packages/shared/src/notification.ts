import { z } from 'zod';

/**
 * In-app notifications (站内提醒): at-risk and breached complaints, transfers to answer, promises due…
 * The server stores a kind and its parameters and renders the title and body in the reader's language
 * (message keys `notify.<kind>.title` and `notify.<kind>.body`).
 */
export const notificationSchema = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  /** the web path to open (e.g. `/complaints/<id>`) */
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof notificationSchema>;

export const notificationListQuery = z.object({
  /** `true`: unread only */
  unread: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

export const notificationPageSchema = z.object({
  items: z.array(notificationSchema),
  /** how many of the reader's notifications are unread (the badge) */
  unread: z.number(),
  nextCursor: z.string().nullable(),
});
export type NotificationPage = z.infer<typeof notificationPageSchema>;
