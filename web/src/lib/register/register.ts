import type { EnterpriseAccountNotice } from '$shared/api/accounts';
/**
 * The register's API (functions/register/manifest.ts, contracts in shared/api/register.ts) as the screens call
 * it: the unit list of a category × segment, an entry's detail, staff and history, change requests and their
 * review. The filters of the unit list live in the page's URL, so they are read from and written to a query
 * string here.
 */
import type * as z from 'zod/mini';
import type {
  ChangeDecision as ChangeDecisionSchema,
  ChangeRequestInput,
  ChangeRequestPage as ChangeRequestPageSchema,
  ChangeRequestSubmitted as ChangeRequestSubmittedSchema,
  ChangeRequestView,
  EnterpriseDetail,
  PersonPage as PersonPageSchema,
  UnitListItem as UnitListItemSchema,
  UnitListPage as UnitListPageSchema,
} from '$shared/api/register';
import { REGISTRATION_STATUS_CODES } from '$shared/reference/enterprise-options';
import { api } from '$lib/api/client';

export type UnitListItem = z.infer<typeof UnitListItemSchema>;
export type UnitListPage = z.infer<typeof UnitListPageSchema>;
export type PersonPage = z.infer<typeof PersonPageSchema>;
export type ChangeRequestPage = z.infer<typeof ChangeRequestPageSchema>;
export type ChangeRequestSubmitted = z.infer<typeof ChangeRequestSubmittedSchema>;
export type ChangeDecision = z.infer<typeof ChangeDecisionSchema>;
export type { ChangeRequestInput, ChangeRequestView, EnterpriseDetail };

export const UNITS_PATH = '/api/register/units';
export const ENTERPRISES_PATH = '/api/register/enterprises';
export const CHANGE_REQUESTS_PATH = '/api/register/change-requests';

/** Rows per page of the unit list, as the seed's lists show them. */
export const UNIT_PAGE_SIZE = 10;
export const DETAIL_PAGE_SIZE = 10;
export const REVIEW_PAGE_SIZE = 20;

// ---------------------------------------------------------------------------------------------------------------
// 单位信息管理

/** The list's 查询条件, as the form edits them ('' = not set). */
export interface UnitFilters {
  /** '' (the whole jurisdiction), a city or a county code. */
  region: string;
  name: string;
  creditCode: string;
  status: string;
}

export const EMPTY_UNIT_FILTERS: UnitFilters = { region: '', name: '', creditCode: '', status: '' };

/** The filters a URL's query holds; anything malformed is left out (the page then shows the whole list). */
export function unitFiltersFromQuery(q: URLSearchParams): UnitFilters {
  const region = q.get('region') ?? '';
  const status = q.get('status') ?? '';
  return {
    region: /^35(\d{2}){1,2}$/.test(region) ? region : '',
    name: (q.get('name') ?? '').trim().slice(0, 50),
    creditCode: (q.get('creditCode') ?? '').trim().toUpperCase().slice(0, 18),
    status: (REGISTRATION_STATUS_CODES as readonly string[]).includes(status) ? status : '',
  };
}

/** The query string of the filters that are set, in a stable order ('' when none). */
export function unitFiltersQuery(f: UnitFilters): string {
  const q = new URLSearchParams();
  if (f.region) q.set('region', f.region);
  if (f.name.trim()) q.set('name', f.name.trim());
  if (f.creditCode.trim()) q.set('creditCode', f.creditCode.trim().toUpperCase());
  if (f.status) q.set('status', f.status);
  return q.toString();
}

export function listUnits(
  category: string,
  segment: string,
  f: UnitFilters,
  cursor: string | undefined,
  signal?: AbortSignal,
  /** 末页: read from the end of the list, `limit` rows, last first. */
  fromEnd?: { limit: number },
): Promise<UnitListPage> {
  const q = new URLSearchParams(unitFiltersQuery(f));
  if (cursor) q.set('cursor', cursor);
  q.set('limit', String(fromEnd?.limit ?? UNIT_PAGE_SIZE));
  if (fromEnd) q.set('order', 'desc');
  const path = `${UNITS_PATH}/${encodeURIComponent(category)}/${encodeURIComponent(segment)}?${q.toString()}`;
  return api.get<UnitListPage>(path, signal ? { signal } : {});
}

// ---------------------------------------------------------------------------------------------------------------
// 查看

function enterprisePath(enterpriseId: string, rest = ''): string {
  return `${ENTERPRISES_PATH}/${encodeURIComponent(enterpriseId)}${rest}`;
}

function pageQuery(cursor: string | undefined, limit: number): string {
  const q = new URLSearchParams();
  if (cursor) q.set('cursor', cursor);
  q.set('limit', String(limit));
  return q.toString();
}

export function getEnterprise(enterpriseId: string, signal?: AbortSignal): Promise<EnterpriseDetail> {
  return api.get<EnterpriseDetail>(enterprisePath(enterpriseId), signal ? { signal } : {});
}

/** The 开通通知 of a unit the register added: its login and one-time password, given out once. */
export function takeAccountNotice(enterpriseId: string): Promise<EnterpriseAccountNotice> {
  return api.get<EnterpriseAccountNotice>(`${enterprisePath(enterpriseId)}/account-notice`);
}

export function listPersonnel(enterpriseId: string, cursor: string | undefined, signal?: AbortSignal) {
  return api.get<PersonPage>(
    enterprisePath(enterpriseId, `/personnel?${pageQuery(cursor, DETAIL_PAGE_SIZE)}`),
    signal ? { signal } : {},
  );
}

export function listHistory(enterpriseId: string, cursor: string | undefined, signal?: AbortSignal) {
  return api.get<ChangeRequestPage>(
    enterprisePath(enterpriseId, `/history?${pageQuery(cursor, DETAIL_PAGE_SIZE)}`),
    signal ? { signal } : {},
  );
}

// ---------------------------------------------------------------------------------------------------------------
// 新增企业 / 删除企业 / 企业信息纠错, and 企业信息审核

export function submitChange(body: ChangeRequestInput): Promise<ChangeRequestSubmitted> {
  return api.post<ChangeRequestSubmitted>(CHANGE_REQUESTS_PATH, body);
}

export type ReviewStatus = 'pending' | 'approved' | 'rejected';

export function listChangeRequests(
  status: ReviewStatus,
  category: string,
  cursor: string | undefined,
  signal?: AbortSignal,
): Promise<ChangeRequestPage> {
  const q = new URLSearchParams({ status, category });
  if (cursor) q.set('cursor', cursor);
  q.set('limit', String(REVIEW_PAGE_SIZE));
  return api.get<ChangeRequestPage>(`${CHANGE_REQUESTS_PATH}?${q.toString()}`, signal ? { signal } : {});
}

function requestPath(requestId: string, rest = ''): string {
  return `${CHANGE_REQUESTS_PATH}/${encodeURIComponent(requestId)}${rest}`;
}

export function getChangeRequest(requestId: string, signal?: AbortSignal): Promise<ChangeRequestView> {
  return api.get<ChangeRequestView>(requestPath(requestId), signal ? { signal } : {});
}

/** 同意, for the version of the request the reviewer saw: a request changed since is refused (409). */
export function approveChange(requestId: string, version: number): Promise<ChangeDecision> {
  return api.post<ChangeDecision>(requestPath(requestId, '/approve'), { version });
}

export function rejectChange(requestId: string, reason: string): Promise<ChangeDecision> {
  return api.post<ChangeDecision>(requestPath(requestId, '/reject'), { reason: reason.trim() });
}
