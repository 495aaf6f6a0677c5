/**
 * 检查清单管理 in the browser: the API calls, the list's filters as they sit in the URL, and the checks made on a
 * chosen file before it is sent. The rules themselves are the API's (shared/api/checklists.ts).
 */
import {
  CHECKLIST_LEVEL_NAMES,
  CHECKLIST_MAX_FILE_BYTES,
  CHECKLIST_LEVELS,
  type ChecklistDetail,
  type ChecklistItemInput,
  type ChecklistKind,
  type ChecklistPage,
  type ChecklistSummary,
} from '$shared/api/checklists';
import type { CategoryCode } from '$shared/reference/categories';
import { DEPARTMENTS } from '$shared/reference/departments';
import { CITIES, countiesOf, region } from '$shared/reference/regions';
import { api } from '$lib/api/client';

export type { ChecklistDetail, ChecklistKind, ChecklistSummary };
export const CHECKLIST_PAGE_SIZE = 10;

/** The list's filters (清单名称, 检查环节, 清单级别, 清单创建单位) as the URL and the form hold them. */
export interface ChecklistFilters {
  name: string;
  stage: string;
  level: string;
  region: string;
  /** 清单创建单位's department: joint lists only (an independent list is always the caller's department's). */
  department: string;
}

export const EMPTY_FILTERS: ChecklistFilters = { name: '', stage: '', level: '', region: '', department: '' };
const KEYS = ['name', 'stage', 'level', 'region', 'department'] as const;

export function filtersFromQuery(q: URLSearchParams): ChecklistFilters {
  const f = { ...EMPTY_FILTERS };
  for (const k of KEYS) f[k] = (q.get(k) ?? '').trim();
  if (f.level && !(CHECKLIST_LEVELS as readonly string[]).includes(f.level)) f.level = '';
  return f;
}

export function filtersQuery(f: ChecklistFilters): string {
  const q = new URLSearchParams();
  for (const k of KEYS) if (f[k].trim()) q.set(k, f[k].trim());
  return q.toString();
}

export const LEVEL_OPTIONS = [
  { value: '', label: '全部' },
  ...CHECKLIST_LEVELS.map((l) => ({ value: l, label: CHECKLIST_LEVEL_NAMES[l] })),
];
/**
 * 清单创建单位's regions a caller at `regionCode` can find lists of: the units above them (whose lists apply to
 * them), their own, and the level just below (the API checks the rest).
 */
export function creatorRegionOptions(regionCode: string): { value: string; label: string }[] {
  const line: string[] = [];
  for (let n = 2; n <= regionCode.length; n += 2) line.push(regionCode.slice(0, n));
  const below = regionCode === '35' ? CITIES : regionCode.length === 4 ? countiesOf(regionCode) : [];
  return [
    { value: '', label: '全部' },
    ...line.map((code) => ({ value: code, label: region(code).name })),
    ...below.map((r) => ({ value: r.code, label: r.name })),
  ];
}

export const DEPARTMENT_OPTIONS = [
  { value: '', label: '全部' },
  ...DEPARTMENTS.map((d) => ({ value: d.code, label: d.short })),
];

export const levelName = (c: ChecklistSummary) => CHECKLIST_LEVEL_NAMES[c.level];

export function listChecklists(
  category: CategoryCode,
  kind: ChecklistKind,
  f: ChecklistFilters,
  cursor: string | undefined,
  signal?: AbortSignal,
): Promise<ChecklistPage> {
  const q = new URLSearchParams(filtersQuery(f));
  q.set('category', category);
  q.set('kind', kind);
  q.set('limit', String(CHECKLIST_PAGE_SIZE));
  if (cursor) q.set('cursor', cursor);
  return api.get<ChecklistPage>(`/api/checklists?${q}`, signal ? { signal } : {});
}

export const getChecklist = (id: string) => api.get<ChecklistDetail>(`/api/checklists/${encodeURIComponent(id)}`);

export const saveChecklistItems = (id: string, version: number, items: ChecklistItemInput[]) =>
  api.put<ChecklistDetail>(`/api/checklists/${encodeURIComponent(id)}/items`, { version, items });

export const deleteChecklist = (c: Pick<ChecklistSummary, 'checklistId' | 'version'>) =>
  api.post<{ checklistId: string }>(`/api/checklists/${encodeURIComponent(c.checklistId)}/delete`, {
    version: c.version,
  });

export const fetchChecklistTemplate = () =>
  api.get<{ filename: string; contentType: string; contentBase64: string }>('/api/checklists/import-template');

export const importChecklist = (category: CategoryCode, kind: ChecklistKind, filename: string, contentBase64: string) =>
  api.post<ChecklistSummary>('/api/checklists/import', { category, kind, filename, contentBase64 });

/** Why a chosen file can't be imported before it is even read; null when it may be sent. */
export function checklistFileProblem(file: { name: string; size: number }): string | null {
  if (!/\.xlsx$/i.test(file.name)) return '请选择 .xlsx 格式的 Excel 文件（可先点击“导出清单模板”下载模板）';
  if (file.size === 0) return '文件内容为空';
  if (file.size > CHECKLIST_MAX_FILE_BYTES) return '文件不能超过 700 KB，请拆分后分别导入';
  return null;
}
