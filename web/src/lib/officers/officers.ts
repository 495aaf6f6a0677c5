/**
 * 执法人员管理 and 专家库管理's logic apart from their markup: the officers API (functions/officers/manifest.ts),
 * the expert list's filters as a URL query, and how officers and experts read in a table.
 */
import type {
  ConflictPage,
  ConflictView,
  ExpertInput,
  ExpertPage,
  ExpertView,
  OfficerPage,
} from '$shared/api/officers';
import { expertSegmentLabel } from '$shared/api/officers';
import { category, isCategoryCode } from '$shared/reference/categories';
import { department, isDepartmentCode } from '$shared/reference/departments';
import { api } from '$lib/api/client';

export const PAGE_SIZE = 20;

export const categoriesText = (codes: readonly string[]): string =>
  codes.map((c) => (isCategoryCode(c) ? category(c).name : c)).join('、');
export const segmentsText = (keys: readonly string[]): string => keys.map(expertSegmentLabel).join('、');
export const departmentText = (code: string): string => (isDepartmentCode(code) ? department(code).short : code);

// ------------------------------------------------------------------------------------------ 执法人员 and 回避

export function listOfficers(cursor: string | undefined, signal?: AbortSignal): Promise<OfficerPage> {
  const q = new URLSearchParams({ limit: String(PAGE_SIZE) });
  if (cursor) q.set('cursor', cursor);
  return api.get<OfficerPage>(`/api/officers?${q}`, { signal });
}

/** Whose 回避: an officer (the caller) or an expert. */
export type ConflictOwner = { kind: 'officer'; id: string } | { kind: 'expert'; id: string };

const conflictsPath = (o: ConflictOwner) =>
  `/api/${o.kind === 'officer' ? 'officers' : 'experts'}/${encodeURIComponent(o.id)}/conflicts`;

export function listConflicts(o: ConflictOwner, cursor: string | undefined, signal?: AbortSignal) {
  const q = new URLSearchParams({ limit: String(PAGE_SIZE) });
  if (cursor) q.set('cursor', cursor);
  return api.get<ConflictPage>(`${conflictsPath(o)}?${q}`, { signal });
}

export const declareConflict = (o: ConflictOwner, enterpriseId: string, reason: string) =>
  api.post<ConflictView>(conflictsPath(o), { enterpriseId, reason });

export const withdrawConflict = (o: ConflictOwner, enterpriseId: string) =>
  api.delete<{ enterpriseId: string; withdrawn: true }>(`${conflictsPath(o)}/${encodeURIComponent(enterpriseId)}`);

// ------------------------------------------------------------------------------------------ 专家库

export interface ExpertFilters {
  name: string;
  category: string;
  segment: string;
  /** '' for the whole jurisdiction. */
  region: string;
  status: string;
}

export const EMPTY_EXPERT_FILTERS: ExpertFilters = { name: '', category: '', segment: '', region: '', status: '' };

/** The filters a URL holds; anything malformed is left out. */
export function expertFiltersFromQuery(q: URLSearchParams): ExpertFilters {
  const category = q.get('category') ?? '';
  const segment = q.get('segment') ?? '';
  const region = q.get('region') ?? '';
  const status = q.get('status') ?? '';
  return {
    name: (q.get('name') ?? '').trim().slice(0, 30),
    category: isCategoryCode(category) ? category : '',
    segment: /^[a-z-]+\/[a-z-]+$/.test(segment) ? segment : '',
    region: /^35(\d{2}){0,2}$/.test(region) ? region : '',
    status: status === 'enabled' || status === 'disabled' ? status : '',
  };
}

export function expertFiltersQuery(f: ExpertFilters): string {
  const q = new URLSearchParams();
  for (const k of ['name', 'category', 'segment', 'region', 'status'] as const) if (f[k].trim()) q.set(k, f[k].trim());
  return q.toString();
}

export function listExperts(f: ExpertFilters, cursor: string | undefined, signal?: AbortSignal): Promise<ExpertPage> {
  const q = new URLSearchParams(expertFiltersQuery(f));
  if (cursor) q.set('cursor', cursor);
  q.set('limit', String(PAGE_SIZE));
  return api.get<ExpertPage>(`/api/experts?${q}`, { signal });
}

export const createExpert = (e: ExpertInput) => api.post<ExpertView>('/api/experts', e);
export const updateExpert = (id: string, e: ExpertInput & { version: number }) =>
  api.put<ExpertView>(`/api/experts/${encodeURIComponent(id)}`, e);
export const setExpertEnabled = (x: ExpertView, enabled: boolean) =>
  api.post<ExpertView>(`/api/experts/${encodeURIComponent(x.expertId)}/${enabled ? 'enable' : 'disable'}`, {
    version: x.version,
  });
