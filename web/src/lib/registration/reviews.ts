/**
 * 账号审核 apart from its markup: the review routes of the registration API (functions/registration/manifest.ts)
 * and how an application reads in the list. The API answers only the applications of the reviewer's category
 * and jurisdiction; this page asks for the category of the sub-platform it is opened in.
 */
import type { CategoryCode } from '$shared/reference/categories';
import { api } from '$lib/api/client';
import { regionText, segmentText } from './registration';

export const REVIEWS_PATH = '/api/registration/reviews';
export const PAGE_SIZE = 20;

export type ReviewStatus = 'pending' | 'approved' | 'rejected';

/** shared/api/registration.ts RegistrationReviewItem. */
export interface ReviewItem {
  requestId: string;
  status: ReviewStatus;
  unitName: string;
  code?: string;
  hasLicence: boolean;
  /** The unit is on the register already (claimed), or new. */
  onRegister: boolean;
  /** A new unit's details as the applicant gave them: what goes into the register on approval. */
  unit?: { address?: string; legalRepresentative?: string; phone?: string };
  regionCode: string;
  regionName: string;
  segments: { category: string; segment: string }[];
  informant: { name: string; mobile: string; idCardNo: string };
  login: string;
  submittedAt: string;
  decidedAt?: string;
  decidedBy?: string;
  reason?: string;
}

export interface ReviewPage {
  items: ReviewItem[];
  cursor: string | null;
}

export interface ReviewDecision {
  requestId: string;
  status: ReviewStatus;
  login: string;
}

/** The tabs over the list, in the order shown. */
export const STATUS_TABS: readonly { status: ReviewStatus; label: string }[] = [
  { status: 'pending', label: '待审核' },
  { status: 'approved', label: '已同意' },
  { status: 'rejected', label: '已拒绝' },
];

export const STATUS_NAMES: Record<ReviewStatus, string> = { pending: '待审核', approved: '已同意', rejected: '已拒绝' };

/** The colour of a status's tag (StatusTag). */
export const STATUS_TONES: Record<ReviewStatus, 'success' | 'warning' | 'danger'> = {
  pending: 'warning',
  approved: 'success',
  rejected: 'danger',
};

export function reviewsQuery(status: ReviewStatus, category: CategoryCode, cursor?: string, limit = PAGE_SIZE): string {
  const q = new URLSearchParams({ status, category });
  if (cursor) q.set('cursor', cursor);
  q.set('limit', String(limit));
  return q.toString();
}

export function listReviews(
  status: ReviewStatus,
  category: CategoryCode,
  cursor?: string,
  signal?: AbortSignal,
): Promise<ReviewPage> {
  return api.get<ReviewPage>(`${REVIEWS_PATH}?${reviewsQuery(status, category, cursor)}`, signal ? { signal } : {});
}

function decisionPath(requestId: string, decision: 'approve' | 'reject'): string {
  return `${REVIEWS_PATH}/${encodeURIComponent(requestId)}/${decision}`;
}

export function approveRegistration(requestId: string): Promise<ReviewDecision> {
  return api.post<ReviewDecision>(decisionPath(requestId, 'approve'));
}

export function rejectRegistration(requestId: string, reason: string): Promise<ReviewDecision> {
  return api.post<ReviewDecision>(decisionPath(requestId, 'reject'), { reason: reason.trim() });
}

export const REASON_MAX = 200;

/** The reason is mandatory: what to say when it is missing or too long; undefined when it will do. */
export function reasonProblem(reason: string): string | undefined {
  const r = reason.trim();
  if (r === '') return '请填写拒绝原因';
  if (r.length > REASON_MAX) return `拒绝原因不能超过 ${REASON_MAX} 个字`;
  return undefined;
}

/** '烟花爆竹·零售、烟花爆竹·批发'. */
export function segmentsText(item: Pick<ReviewItem, 'segments'>): string {
  return item.segments.map((s) => segmentText(s.category, s.segment)).join('、');
}

/** The region as the API named it, else as the reference does. */
export function reviewRegionText(item: Pick<ReviewItem, 'regionCode' | 'regionName'>): string {
  return item.regionName || regionText(item.regionCode);
}

/** The region in a list cell: the province is the same for every row, so '泉州市鲤城区'. */
export function shortRegionText(item: Pick<ReviewItem, 'regionCode' | 'regionName'>): string {
  const full = reviewRegionText(item);
  return full.startsWith('福建省') && full.length > 3 ? full.slice(3) : full;
}

/** 有营业执照企业/事业单位 or 无营业执照分支机构/个体商户, and whether the unit was already on the register. */
export function unitKindText(item: Pick<ReviewItem, 'hasLicence' | 'onRegister'>): string {
  const kind = item.hasLicence ? '有营业执照企业/事业单位' : '无营业执照分支机构/个体商户';
  return `${kind}（${item.onRegister ? '平台已收录的企业' : '新增企业'}）`;
}
