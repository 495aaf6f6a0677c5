/**
 * The web side of 登记 (issue 10 §7–§9): the API's calls and the words the screens use for them, one place.
 */
import { api } from '$lib/api/client';
import type { FilterCodec } from '$lib/ui/url-list.svelte';
import type {
  AnswerInput,
  AnswerSaved,
  InspectionRecord,
  PublicResult,
  RecordListItem,
  RecordListPage,
  TodoList,
} from '$shared/api/inspection-records';
import { INSPECTION_KIND_LABELS } from '$shared/api/inspections';
import { DEPARTMENTS } from '$shared/reference/departments';

export type { InspectionRecord, PublicResult, RecordListItem, TodoList };

export const RECORD_PAGE_SIZE = 10;

export interface RecordFilters {
  scope: 'independent' | 'joint';
  status: 'open' | 'completed';
  /** 任务类型: '' for 全部. */
  kind: '' | 'independent' | 'random';
  /** 检查对象: a part of the enterprise's name; '' for all. */
  enterprise: string;
}

/** 检查对象 as the API takes it (shared/api/inspection-records.ts). */
export const ENTERPRISE_FILTER_MAX = 50;

/**
 * The 登记 lists' filters as their URL carries them (the status is the route's): 任务范围 (the tab), 任务类型 and
 * 检查对象, only what is set; a value the URL names wrongly falls back to its default.
 */
export function recordFiltersCodec(status: RecordFilters['status']): FilterCodec<RecordFilters> {
  return {
    fromQuery(q) {
      const scope = q.get('scope') === 'joint' ? 'joint' : 'independent';
      const kind = q.get('kind');
      return {
        scope,
        status,
        kind: scope === 'independent' && (kind === 'independent' || kind === 'random') ? kind : '',
        enterprise: (q.get('enterprise') ?? '').trim().slice(0, ENTERPRISE_FILTER_MAX),
      };
    },
    toQuery(f) {
      const q = new URLSearchParams();
      if (f.scope === 'joint') q.set('scope', 'joint');
      if (f.kind && f.scope === 'independent') q.set('kind', f.kind);
      if (f.enterprise.trim()) q.set('enterprise', f.enterprise.trim());
      return q.toString();
    },
  };
}

export function listRecords(f: RecordFilters, cursor?: string, signal?: AbortSignal): Promise<RecordListPage> {
  const q = new URLSearchParams({ scope: f.scope, status: f.status, limit: String(RECORD_PAGE_SIZE) });
  if (f.kind && f.scope === 'independent') q.set('kind', f.kind);
  if (f.enterprise.trim()) q.set('enterprise', f.enterprise.trim());
  if (cursor) q.set('cursor', cursor);
  return api.get<RecordListPage>(`/api/inspections/records?${q}`, signal ? { signal } : {});
}

export const getRecord = (taskId: string) =>
  api.get<InspectionRecord>(`/api/inspections/tasks/${encodeURIComponent(taskId)}/record`);

export const saveAnswer = (taskId: string, seq: number, body: AnswerInput) =>
  api.put<AnswerSaved>(`/api/inspections/tasks/${encodeURIComponent(taskId)}/answers/${seq}`, body);

export const completeRecord = (taskId: string) =>
  api.post<{ completedAt: string; publicationDue?: string }>(
    `/api/inspections/tasks/${encodeURIComponent(taskId)}/complete`,
  );

export const deleteTask = (taskId: string, reason: string) =>
  api.post<{ status: 'deleted' }>(`/api/inspections/tasks/${encodeURIComponent(taskId)}/delete`, { reason });

export const publishRecord = (taskId: string) =>
  api.post<{ publishedAt: string }>(`/api/inspections/tasks/${encodeURIComponent(taskId)}/publish`);

export const getTodo = () => api.get<TodoList>('/api/inspections/todo', { background: true });

export const kindLabel = (k: RecordListItem['kind']) => INSPECTION_KIND_LABELS[k];

/** 检查结果 in the seed's words: 共7项,已完成2项. */
export const progressOf = (r: { itemCount: number; answeredCount: number }) =>
  `共${r.itemCount}项,已完成${r.answeredCount}项`;

/** 福建省公安厅, 福建省安监局 … as the seed's tables write a department (检查部门 in the 登记 list's sample). */
export function departmentName(code: string): string {
  return DEPARTMENTS.find((d) => d.code === code)?.display ?? code;
}

export const DEPARTMENT_CHOICES = DEPARTMENTS.map((d) => ({ value: d.code as string, label: d.name as string }));

export interface PublicFilters {
  name: string;
  uscc: string;
  department: string;
}

export const PUBLIC_PAGE_SIZE = 10;

export function listPublicResults(f: PublicFilters, cursor?: string, signal?: AbortSignal) {
  const q = new URLSearchParams({ limit: String(PUBLIC_PAGE_SIZE) });
  if (f.name.trim()) q.set('name', f.name.trim());
  if (f.uscc.trim()) q.set('uscc', f.uscc.trim().toUpperCase());
  if (f.department) q.set('department', f.department);
  if (cursor) q.set('cursor', cursor);
  return api.get<{ items: PublicResult[]; cursor: string | null }>(
    `/api/public/inspection-results?${q}`,
    signal ? { signal } : {},
  );
}
