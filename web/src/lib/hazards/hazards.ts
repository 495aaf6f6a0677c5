/**
 * 隐患管理 as the web calls it (functions/hazards): the department's lists, 登记隐患问题, one hazard, its 整改记录,
 * the enterprise's list and 整改, the regulator's 确认 / 退回; and the words the screens show for them.
 */
import { resolve } from '$app/paths';
import type { ResolvedPathname } from '$app/types';
import type * as z from 'zod/mini';
import {
  HAZARD_STATUS_NAMES,
  type HazardDetail,
  type HazardInput,
  type HazardList,
  type HazardListItem,
  type HazardStepView,
} from '$shared/api/hazards';
import type { HazardPage as HazardPageSchema, HazardStepPage as HazardStepPageSchema } from '$shared/api/hazards';
import type { CategoryCode } from '$shared/reference/categories';
import { DEPARTMENTS, isDepartmentCode, department } from '$shared/reference/departments';
import { api } from '$lib/api/client';
import type { ShellRef } from '$lib/shell/shell';
import type { Column } from '$lib/ui/datatable';
import type { Option } from '$lib/ui/options';
import type { FilterCodec } from '$lib/ui/url-list.svelte';

export type { HazardDetail, HazardInput, HazardList, HazardListItem, HazardStepView };
export type HazardPage = z.infer<typeof HazardPageSchema>;
export type HazardStepPage = z.infer<typeof HazardStepPageSchema>;

/** What a hazard dialog opens on: a row's 查看附件, 查看整改情况, 整改记录, or everything. */
export type Section = 'attachments' | 'rectification' | 'records' | 'all';

export const HAZARDS_PATH = '/api/hazards';
export const HAZARD_PAGE_SIZE = 10;

export interface HazardFilters {
  enterpriseName: string;
  responsibleDepartment: string;
  state: string;
}

/** 状态 within 待整改: 已下发 (first round) or 已退回. */
const STATES = ['issued', 'returned'] as const;
const ENTERPRISE_NAME_MAX = 50;

/**
 * The filters as a list's URL carries them (README: "A list's filters and page live in the URL"): only what is
 * set; a value the URL names wrongly — an unknown department, a 状态 outside 待整改 — falls back to 全部.
 */
export function hazardFiltersCodec(list: HazardList): FilterCodec<HazardFilters> {
  return {
    fromQuery(q) {
      const responsible = q.get('responsible') ?? '';
      const state = q.get('state') ?? '';
      return {
        enterpriseName: (q.get('enterprise') ?? '').trim().slice(0, ENTERPRISE_NAME_MAX),
        responsibleDepartment: isDepartmentCode(responsible) ? responsible : '',
        state: list === 'to-rectify' && (STATES as readonly string[]).includes(state) ? state : '',
      };
    },
    toQuery(f) {
      const q = new URLSearchParams();
      if (f.enterpriseName.trim()) q.set('enterprise', f.enterpriseName.trim());
      if (f.responsibleDepartment) q.set('responsible', f.responsibleDepartment);
      if (f.state && list === 'to-rectify') q.set('state', f.state);
      return q.toString();
    },
  };
}

/** The enterprise's 监管部门下发隐患 has no filters: its URL carries only the page. */
export const NO_FILTERS: FilterCodec<Record<string, never>> = { fromQuery: () => ({}), toQuery: () => '' };

export type HazardColumnKey =
  | 'name'
  | 'enterpriseName'
  | 'problem'
  | 'requirement'
  | 'responsible'
  | 'deadline'
  | 'sending'
  | 'status'
  | 'sentAt'
  | 'actions';

/**
 * Every column a hazard list shows, in the seed's words, with which give way on a narrow table (DataTable's
 * priorities): the long texts and the departments first; 隐患名称, 整改时限, 状态 and 操作 always stay.
 */
const HAZARD_COLUMNS: Record<HazardColumnKey, Column<HazardListItem>> = {
  name: { key: 'name', label: '隐患名称', value: (h) => h.name, title: true },
  enterpriseName: { key: 'enterpriseName', label: '企业名称', value: (h) => h.enterpriseName },
  problem: { key: 'problem', label: '存在问题和隐患', value: (h) => h.problem, priority: 2 },
  requirement: { key: 'requirement', label: '整改要求', value: (h) => h.requirement, priority: 3 },
  responsible: {
    key: 'responsible',
    label: '督促整改责任单位',
    value: (h) => departmentName(h.responsibleDepartment),
    priority: 2,
  },
  deadline: { key: 'deadline', label: '整改时限', value: (h) => h.deadline },
  sending: { key: 'sending', label: '隐患发送单位', value: (h) => departmentName(h.sendingDepartment), priority: 3 },
  status: { key: 'status', label: '状态', value: (h) => statusText(h) },
  sentAt: { key: 'sentAt', label: '发送时间', value: (h) => dayOf(h.sentAt), priority: 2 },
  actions: { key: 'actions', label: '操作', align: 'center' },
};

export const hazardColumns = (keys: readonly HazardColumnKey[]): Column<HazardListItem>[] =>
  keys.map((k) => HAZARD_COLUMNS[k]);

export function listHazards(
  list: HazardList,
  f: HazardFilters,
  cursor: string | undefined,
  signal?: AbortSignal,
): Promise<HazardPage> {
  const q = new URLSearchParams({ list, limit: String(HAZARD_PAGE_SIZE) });
  if (f.enterpriseName.trim()) q.set('enterpriseName', f.enterpriseName.trim());
  if (f.responsibleDepartment) q.set('responsibleDepartment', f.responsibleDepartment);
  if (f.state && list === 'to-rectify') q.set('state', f.state);
  if (cursor) q.set('cursor', cursor);
  return api.get<HazardPage>(`${HAZARDS_PATH}?${q.toString()}`, signal ? { signal } : {});
}

export function listOwnHazards(cursor: string | undefined, signal?: AbortSignal): Promise<HazardPage> {
  const q = new URLSearchParams({ limit: String(HAZARD_PAGE_SIZE) });
  if (cursor) q.set('cursor', cursor);
  return api.get<HazardPage>(`${HAZARDS_PATH}/own?${q.toString()}`, signal ? { signal } : {});
}

const hazardPath = (hazardId: string, rest = '') => `${HAZARDS_PATH}/${encodeURIComponent(hazardId)}${rest}`;

export const registerHazard = (input: HazardInput) => api.post<HazardDetail>(HAZARDS_PATH, input);
export const getHazard = (hazardId: string, signal?: AbortSignal) =>
  api.get<HazardDetail>(hazardPath(hazardId), signal ? { signal } : {});
export const listHazardSteps = (hazardId: string, cursor?: string) =>
  api.get<HazardStepPage>(
    hazardPath(hazardId, `/records?limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`),
  );
export const submitRectification = (
  hazardId: string,
  body: { description: string; attachmentIds: string[]; version: number },
) => api.post<HazardDetail>(hazardPath(hazardId, '/rectification'), body);
export const confirmHazard = (hazardId: string, version: number) =>
  api.post<HazardDetail>(hazardPath(hazardId, '/confirm'), { version });
export const rescheduleHazard = (hazardId: string, body: { deadline: string; version: number }) =>
  api.post<HazardDetail>(hazardPath(hazardId, '/deadline'), body);
export const returnHazard = (hazardId: string, body: { reason: string; deadline: string; version: number }) =>
  api.post<HazardDetail>(hazardPath(hazardId, '/return'), body);

/** 福建省公安厅 … as the seed's tables write a department. */
export function departmentName(code: string): string {
  return isDepartmentCode(code) ? department(code).display : code;
}

export const DEPARTMENT_OPTIONS: readonly Option[] = DEPARTMENTS.map((d) => ({ value: d.code, label: d.display }));

/** 已下发 / 已退回 / 待确认 / 已整改. */
export function statusText(h: Pick<HazardListItem, 'status' | 'returned'>): string {
  return h.status === 'issued' && h.returned ? HAZARD_STATUS_NAMES.returned : HAZARD_STATUS_NAMES[h.status];
}

export function statusTone(
  h: Pick<HazardListItem, 'status' | 'returned'>,
): 'success' | 'warning' | 'danger' | undefined {
  if (h.status === 'confirmed') return 'success';
  if (h.status === 'submitted') return 'warning';
  return h.returned ? 'danger' : undefined;
}

/** 2026-03-01T02:00:00Z → 2026-03-01 (Asia/Shanghai): the seed's 发送时间 is a day. */
export function dayOf(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** 2026-03-01 10:00 (Asia/Shanghai), for the 整改记录. */
export function minuteOf(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** The regulators' list pages, by list (resolve() needs each route spelled out). */
export function hazardListPath(list: HazardList, category: CategoryCode): ResolvedPathname {
  switch (list) {
    case 'to-rectify':
      return resolve('/platform/[category=category]/(app)/inspections/hazards/to-rectify', { category });
    case 'to-confirm':
      return resolve('/platform/[category=category]/(app)/inspections/hazards/to-confirm', { category });
    case 'rectified':
      return resolve('/platform/[category=category]/(app)/inspections/hazards/rectified', { category });
  }
}

/**
 * Where an inbox message about a hazard leads: the enterprise's 监管部门下发隐患; a regulator's 待确认隐患信息 (the
 * message that reaches them is the enterprise's 整改情况, waiting for 确认 or 退回).
 */
export function hazardListHref(shell: ShellRef): ResolvedPathname {
  return shell.kind === 'enterprise'
    ? resolve('/enterprise/(app)/hazards/issued')
    : hazardListPath('to-confirm', shell.category);
}
