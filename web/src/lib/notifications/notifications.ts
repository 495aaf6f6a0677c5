/**
 * The inbox routes of the API (functions/notifications/manifest.ts) as the pages call them, and how the
 * header's badge writes a count.
 */
import type {
  NotificationMarked,
  NotificationPage,
  NotificationsMarked,
  NotificationView,
} from '$shared/api/notifications';
import { api } from '$lib/api/client';

export type { NotificationPage, NotificationView };

export const NOTIFICATIONS_PATH = '/api/notifications';
export const PAGE_SIZE = 10;
/** 全部标记已读 marks at most this many per request (shared/api/notifications.ts READ_ALL_MAX). */
export const READ_ALL_MAX = 100;
/** How often a visible tab asks for the unread count. */
export const REFRESH_MS = 60_000;

export function notificationsQuery(o: { cursor?: string | undefined; unreadOnly?: boolean; limit?: number }): string {
  const q = new URLSearchParams({ limit: String(o.limit ?? PAGE_SIZE) });
  if (o.unreadOnly) q.set('unreadOnly', 'true');
  if (o.cursor) q.set('cursor', o.cursor);
  return q.toString();
}

export function listNotifications(
  o: { cursor?: string | undefined; unreadOnly?: boolean; limit?: number; background?: boolean },
  signal?: AbortSignal,
): Promise<NotificationPage> {
  return api.get<NotificationPage>(`${NOTIFICATIONS_PATH}?${notificationsQuery(o)}`, {
    ...(signal ? { signal } : {}),
    ...(o.background ? { background: true } : {}),
  });
}

export function markNotificationRead(notificationId: string): Promise<NotificationMarked> {
  return api.post<NotificationMarked>(`${NOTIFICATIONS_PATH}/${encodeURIComponent(notificationId)}/read`);
}

export function markAllNotificationsRead(): Promise<NotificationsMarked> {
  return api.post<NotificationsMarked>(`${NOTIFICATIONS_PATH}/read-all`);
}

/** What the bell shows: '' for none, '99+' above 99. */
export function badgeText(unread: number | null): string {
  if (!unread || unread < 0) return '';
  return unread > 99 ? '99+' : String(unread);
}
