/**
 * 归口通报 as the pages call it (functions/notices/manifest.ts), and the words its lists show.
 */
import type { NoticeInput, NoticeListItem, NoticePage, NoticeReceipt, NoticeView } from '$shared/api/notices';
import { DEPARTMENTS, type DepartmentCode } from '$shared/reference/departments';
import { api } from '$lib/api/client';
import type { Option } from '$lib/ui/options';

export type { NoticeInput, NoticeListItem, NoticePage, NoticeReceipt, NoticeView };

export const NOTICES_PATH = '/api/notices';
export const NOTICE_PAGE_SIZE = 10;

export function sendNotice(body: NoticeInput): Promise<{ noticeId: string; sentAt: string }> {
  return api.post(NOTICES_PATH, body);
}

export function listNotices(
  list: 'sent' | 'received',
  o: { cursor?: string | undefined; unread?: boolean },
  signal?: AbortSignal,
): Promise<NoticePage> {
  const q = new URLSearchParams({ limit: String(NOTICE_PAGE_SIZE) });
  if (o.cursor) q.set('cursor', o.cursor);
  if (o.unread) q.set('unread', 'true');
  return api.get<NoticePage>(`${NOTICES_PATH}/${list}?${q.toString()}`, signal ? { signal } : {});
}

export function getNotice(noticeId: string, signal?: AbortSignal): Promise<NoticeView> {
  return api.get<NoticeView>(`${NOTICES_PATH}/${encodeURIComponent(noticeId)}`, signal ? { signal } : {});
}

export function markNoticeRead(noticeId: string): Promise<NoticeView> {
  return api.post<NoticeView>(`${NOTICES_PATH}/${encodeURIComponent(noticeId)}/read`);
}

export function replyToNotice(noticeId: string, reply: string): Promise<NoticeView> {
  return api.post<NoticeView>(`${NOTICES_PATH}/${encodeURIComponent(noticeId)}/reply`, { reply });
}

/** 接收通报单位: every department but the caller's own, in the reference data's order, by their display names. */
export function receiverOptions(own: DepartmentCode | undefined): Option[] {
  return DEPARTMENTS.filter((d) => d.code !== own).map((d) => ({ value: d.code, label: d.display }));
}

/** 未读 / 已读 of one receiver, in the seed's words. */
export function receiptText(r: NoticeReceipt): string {
  return r.readAt ? '已读' : '未读';
}
