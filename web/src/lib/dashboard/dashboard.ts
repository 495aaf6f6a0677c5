/**
 * The 首页's data and words: the API calls (types only from the contracts, so no zod reaches the page) and the
 * labels and links of 预警信息. Each warning count links to its list under 大数据预警 with the same filters in the
 * query string (`region`, `grade`) — the list pages read them (one place builds the URL).
 */
import { resolve } from '$app/paths';
import { api } from '$lib/api/client';
import type { Dashboard, EnterpriseDashboard } from '$shared/api/dashboard';
import type { CategoryCode } from '$shared/reference/categories';
import { KIND_MENU_IDS, type WarningGrade, type WarningKind } from './labels';

export type { Dashboard, EnterpriseDashboard };
/** The list of one kind, filtered to the region shown and (optionally) one grade. */
export function warningListHref(
  category: CategoryCode,
  kind: WarningKind,
  filters: { region?: string; grade?: WarningGrade },
): string {
  const base = resolve('/platform/[category=category]/(app)/[...path]', {
    category,
    path: `warnings/${KIND_MENU_IDS[kind]}`,
  });
  const q = new URLSearchParams();
  if (filters.region) q.set('region', filters.region);
  if (filters.grade) q.set('grade', filters.grade);
  const s = q.toString();
  return s ? `${base}?${s}` : base;
}

export const getDashboard = (category: CategoryCode, region?: string) =>
  api.get<Dashboard>(`/api/dashboard?${new URLSearchParams({ category, ...(region ? { region } : {}) })}`, {
    background: true,
  });

export const getEnterpriseDashboard = () =>
  api.get<EnterpriseDashboard>('/api/dashboard/enterprise', { background: true });
