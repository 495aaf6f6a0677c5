/**
 * Contracts of the in-app message inbox (消息): what a signed-in account reads about the outcome of what it
 * submitted (a change request decided, …), newest first, with its unread count.
 */
import * as z from 'zod/mini';
import { pageQueryFields } from './paging';

export const NOTIFICATION_PAGE_DEFAULT = 10;
export const NOTIFICATION_PAGE_MAX = 50;
/** 全部标记已读 marks at most this many messages per request; the answer says how many it did. */
export const READ_ALL_MAX = 100;

/**
 * A message's handle in the API: `<createdAt as base-36 ms>.<id>`. The inbox is sorted by time, so an item's
 * key is (time, id); carrying both lets 标记已读 reach the message with one GetItem instead of searching the
 * inbox for the id.
 */
export const NOTIFICATION_REF = /^[0-9a-z]{1,11}\.[\w-]{1,120}$/;

export const NotificationRefParams = z.object({
  notificationId: z
    .string({ error: '消息编号不正确' })
    .check(z.regex(NOTIFICATION_REF, { error: '消息编号不正确' }), z.meta({ title: '消息编号' })),
});

export const NotificationQuery = z
  .object({
    ...pageQueryFields({ max: NOTIFICATION_PAGE_MAX, fallback: NOTIFICATION_PAGE_DEFAULT }),
    unreadOnly: z
      .optional(
        z.pipe(
          z.enum(['true', 'false'], { error: '「只看未读」应为 true 或 false' }),
          z.transform((v) => v === 'true'),
        ),
      )
      .check(z.meta({ title: '只看未读' })),
  })
  .check(z.meta({ id: 'NotificationQuery' }));
export type NotificationQuery = z.output<typeof NotificationQuery>;

export const NotificationView = z
  .object({
    /** The handle to mark it read with (see NOTIFICATION_REF). */
    notificationId: z.string(),
    /** What it reports, e.g. `changeRequestDecided`. */
    kind: z.string(),
    title: z.string(),
    body: z.string(),
    /** What it is about, for a link later: `changeRequest` + its request id. */
    subjectType: z.optional(z.string()),
    subjectId: z.optional(z.string()),
    /** The category platform whose page the link opens (an inspection task's). */
    subjectCategory: z.optional(z.string()),
    read: z.boolean(),
    createdAt: z.string().check(z.describe('消息时间（所报告事件发生的时间），UTC')),
  })
  .check(z.meta({ id: 'NotificationView' }));
export type NotificationView = z.infer<typeof NotificationView>;

export const NotificationPage = z
  .object({
    items: z.array(NotificationView).check(z.describe('按时间从新到旧')),
    cursor: z.nullable(z.string()),
    /** Unread messages in the whole inbox (not only this page). */
    unread: z.number().check(z.int()),
  })
  .check(z.meta({ id: 'NotificationPage' }));
export type NotificationPage = z.infer<typeof NotificationPage>;

export const NotificationMarked = z
  .object({
    notificationId: z.string(),
    read: z.literal(true),
    /** False when it was already read: nothing changed. */
    changed: z.boolean(),
  })
  .check(z.meta({ id: 'NotificationMarked' }));
export type NotificationMarked = z.infer<typeof NotificationMarked>;

export const NotificationsMarked = z
  .object({ count: z.number().check(z.int(), z.describe('本次标记为已读的消息条数')) })
  .check(z.meta({ id: 'NotificationsMarked' }));
export type NotificationsMarked = z.infer<typeof NotificationsMarked>;
