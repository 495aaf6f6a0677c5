/**
 * A notice as stored, and the pieces every route of the context shares: how the caller stands to a notice (the
 * scope rule, through `regulatorSees`), the list rows a notice has, and the API's views.
 */
import type { EntityItem } from 'electrodb';
import type { NoticeListItem, NoticeReceipt, NoticeView } from '../../shared/api/notices';
import { department as departmentOf, isDepartmentCode } from '../../shared/reference/departments';
import { regionName } from '../../shared/reference/regions';
import type { Regulator } from '../lib/auth/principal';
import { notFound } from '../lib/http/errors';
import { regulatorSees } from '../lib/scope';
import type { Store } from '../store';

export type NoticeRecord = EntityItem<Store['notices']>;
export type NoticeListingRecord = EntityItem<Store['noticeListings']>;
export type StoredReceipt = NoticeRecord['receipts'][number];

export interface RequestContext {
  requestId: string;
  sourceIp: string;
}

export const NOT_FOUND_MESSAGE = '通报不存在或不在您的查看范围内';

export const departmentName = (code: string): string => (isDepartmentCode(code) ? departmentOf(code).display : code);

/**
 * How the caller stands to a notice: of the sending department, or of a receiving one — in either case within
 * a jurisdiction covering the enterprise and a category of it (the one scope rule, README "Data scope").
 * Anyone else: undefined, and the notice reads as not found.
 */
export function standingOf(
  p: Regulator,
  n: Pick<NoticeRecord, 'department' | 'regionCode' | 'categories' | 'receipts'>,
): 'sender' | 'receiver' | undefined {
  const o = { regionCode: n.regionCode, categories: n.categories };
  if (regulatorSees(p, { ...o, department: n.department })) return 'sender';
  if (n.receipts.some((r) => regulatorSees(p, { ...o, department: r.department }))) return 'receiver';
  return undefined;
}

/** The notice, if the caller may see it; 404 otherwise (nobody learns what exists outside their scope). */
export async function loadVisible(store: Store, p: Regulator, noticeId: string) {
  const { data } = await store.notices.get({ noticeId }).go({ consistent: true });
  const standing = data ? standingOf(p, data) : undefined;
  if (!data || !standing) throw notFound(NOT_FOUND_MESSAGE);
  return { notice: data, standing };
}

/** The levels of a region code a regulator can be at: '35', the city, the county (as long as the code goes). */
export function levelsOf(regionCode: string): string[] {
  return [2, 4, 6].filter((n) => regionCode.length >= n).map((n) => regionCode.slice(0, n));
}

export const listKeyOf = (list: 'sent' | 'recv', department: string, level: string) => `${list}#${department}#${level}`;

/** Every list row of a notice: 发出的通报 of its department and 收到的通报 of each receiver, at each level. */
export function listKeysOf(n: Pick<NoticeRecord, 'department' | 'regionCode' | 'receipts'>) {
  const levels = levelsOf(n.regionCode);
  return [
    ...levels.map((l) => ({ listKey: listKeyOf('sent', n.department, l), receiver: undefined })),
    ...n.receipts.flatMap((r) =>
      levels.map((l) => ({ listKey: listKeyOf('recv', r.department, l), receiver: r.department })),
    ),
  ];
}

/** What a list row keeps of the receipts: whether and when, not the 处理情况's text. */
export const rowReceipts = (receipts: readonly StoredReceipt[]): StoredReceipt[] =>
  receipts.map((r) => ({
    department: r.department,
    ...(r.readAt ? { readAt: r.readAt, readByName: r.readByName } : {}),
    ...(r.repliedAt ? { repliedAt: r.repliedAt, repliedByName: r.repliedByName } : {}),
  }));

export const SUMMARY_LENGTH = 60;
export const summaryOf = (description: string) =>
  description.length > SUMMARY_LENGTH ? `${description.slice(0, SUMMARY_LENGTH)}…` : description;

function receiptView(r: StoredReceipt, withReply: boolean): NoticeReceipt {
  return {
    department: r.department,
    departmentName: departmentName(r.department),
    ...(r.readAt ? { readAt: r.readAt } : {}),
    ...(r.readByName ? { readByName: r.readByName } : {}),
    ...(withReply && r.reply ? { reply: r.reply } : {}),
    ...(r.repliedAt ? { repliedAt: r.repliedAt } : {}),
    ...(r.repliedByName ? { repliedByName: r.repliedByName } : {}),
  };
}

export function noticeView(n: NoticeRecord, viewer: 'sender' | 'receiver'): NoticeView {
  return {
    noticeId: n.noticeId,
    department: n.department,
    departmentName: departmentName(n.department),
    enterpriseId: n.enterpriseId,
    enterpriseName: n.enterpriseName,
    ...(n.creditCode ? { creditCode: n.creditCode } : {}),
    regionCode: n.regionCode,
    regionName: regionName(n.regionCode),
    description: n.description,
    result: n.result,
    attachmentIds: n.attachmentIds,
    receipts: n.receipts.map((r) => receiptView(r, true)),
    sentAt: n.sentAt,
    sentByName: n.sentByName,
    viewer,
    version: n.version,
  };
}

export function listItemView(l: NoticeListingRecord): NoticeListItem {
  return {
    noticeId: l.noticeId,
    department: l.department,
    departmentName: departmentName(l.department),
    enterpriseId: l.enterpriseId,
    enterpriseName: l.enterpriseName,
    regionCode: l.regionCode,
    summary: l.summary,
    receipts: l.receipts.map((r) => receiptView(r, false)),
    sentAt: l.sentAt,
    sentByName: l.sentByName,
  };
}
