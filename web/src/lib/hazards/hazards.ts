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
import { DEPARTMENTS, isDepartmentCode, department } from '$shared/reference/departments';
import { api } from '$lib/api/client';
import type { ShellRef } from '$lib/shell/shell';
import type { Option } from '$lib/ui/options';

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

/**
 * Where an inbox message about a hazard leads: the enterprise's 监管部门下发隐患; a regulator's 待确认隐患信息 (the
 * message that reaches them is the enterprise's 整改情况, waiting for 确认 or 退回).
 */
export function hazardListHref(shell: ShellRef): ResolvedPathname {
  return shell.kind === 'enterprise'
    ? resolve('/enterprise/(app)/hazards/issued')
    : resolve('/platform/[category=category]/(app)/inspections/hazards/to-confirm', { category: shell.category });
}
