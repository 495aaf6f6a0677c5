/**
 * 大数据预警 as the web calls it (functions/warnings: the lists, 查看, 修改, 关闭预警), the URL filters of each list,
 * and the words the screens show. The four menu ids of regulator-menus.ts map to the API's four kinds here, once:
 * the 首页's counts link to `…/warnings/<menu id>?grade=red` and the list reads the same query.
 */
import {
  WARNING_GRADE_CODES,
  FLOW_WARNING_TYPE_CODES,
  type CertificateFixInput,
  type WarningCloseInput,
  type WarningDetail,
  type WarningListItem,
  type WarningPage,
  type WarningStepView,
} from '$shared/api/warnings';
import {
  FLOW_WARNING_TYPE_LABELS,
  WARNING_GRADE_LABELS,
  WARNING_KIND_LABELS,
  type FlowWarningType,
  type WarningGrade,
  type WarningKind,
} from '$shared/reference/warnings';
import { api } from '$lib/api/client';
import type { FilterCodec } from '$lib/ui/url-list.svelte';
import type { Option } from '$lib/ui/options';
import { WARNING_MENU_IDS } from '$lib/nav/warning-menu-ids';

export type { WarningDetail, WarningKind, WarningGrade, WarningListItem, WarningPage, WarningStepView };

export const WARNINGS_PATH = '/api/warnings';
export const WARNING_PAGE_SIZE = 10;

export { WARNING_MENU_IDS };

export const kindOfMenuId = (id: string): WarningKind | undefined =>
  (Object.keys(WARNING_MENU_IDS) as WarningKind[]).find((k) => WARNING_MENU_IDS[k] === id);

export const kindLabel = (kind: WarningKind): string => WARNING_KIND_LABELS[kind];
export const gradeLabel = (grade: WarningGrade): string => WARNING_GRADE_LABELS[grade];
export const flowTypeLabel = (t: FlowWarningType | undefined): string =>
  t ? FLOW_WARNING_TYPE_LABELS[t] : WARNING_KIND_LABELS.flow;

export interface WarningFilters {
  /** '' (the whole jurisdiction), a city or a county code. */
  region: string;
  enterpriseName: string;
  personName: string;
  certificateNumber: string;
  /** '' (every grade) or a grade. */
  grade: string;
  /** '' or a flow warning's type (物品流向预警 only). */
  flowType: string;
}

const oneOf = (v: string | null, allowed: readonly string[]): string => (v && allowed.includes(v) ? v : '');
const textOf = (v: string | null, max: number): string => (v ?? '').trim().slice(0, max);

/**
 * The filters in the URL: what a link or a reload names, anything malformed left out (the list then shows
 * everything). Only the filters a kind's list has are kept, so a link can't filter by what the screen doesn't show.
 */
export function warningFiltersCodec(kind: WarningKind): FilterCodec<WarningFilters> {
  const certificates = kind === 'licence' || kind === 'personCert';
  return {
    fromQuery: (q) => ({
      region: /^35(\d{2}){1,2}$/.test(q.get('region') ?? '') ? q.get('region')! : '',
      enterpriseName: textOf(q.get('enterpriseName'), 50),
      personName: kind === 'personCert' ? textOf(q.get('personName'), 20) : '',
      certificateNumber: certificates ? textOf(q.get('certificateNumber'), 50) : '',
      grade: oneOf(q.get('grade'), WARNING_GRADE_CODES),
      flowType: kind === 'flow' ? oneOf(q.get('flowType'), FLOW_WARNING_TYPE_CODES) : '',
    }),
    toQuery: (f) => {
      const q = new URLSearchParams();
      if (f.region) q.set('region', f.region);
      if (f.enterpriseName.trim()) q.set('enterpriseName', f.enterpriseName.trim());
      if (f.personName.trim()) q.set('personName', f.personName.trim());
      if (f.certificateNumber.trim()) q.set('certificateNumber', f.certificateNumber.trim());
      if (f.grade) q.set('grade', f.grade);
      if (f.flowType) q.set('flowType', f.flowType);
      return q.toString();
    },
  };
}

export function listWarnings(
  kind: WarningKind,
  category: string,
  f: WarningFilters,
  cursor: string | undefined,
  signal?: AbortSignal,
): Promise<WarningPage> {
  const q = new URLSearchParams(warningFiltersCodec(kind).toQuery(f));
  q.set('category', category);
  q.set('limit', String(WARNING_PAGE_SIZE));
  if (cursor) q.set('cursor', cursor);
  return api.get<WarningPage>(`${WARNINGS_PATH}/${encodeURIComponent(kind)}?${q.toString()}`, signal ? { signal } : {});
}

const itemPath = (ref: string, rest = '') => `${WARNINGS_PATH}/item/${encodeURIComponent(ref)}${rest}`;

/** `ref`: the warning's `ref` (its id as one path segment). */
export const getWarning = (ref: string, signal?: AbortSignal) =>
  api.get<WarningDetail>(itemPath(ref), signal ? { signal } : {});
export const fixCertificate = (ref: string, body: CertificateFixInput) =>
  api.post<WarningDetail>(itemPath(ref, '/certificate'), body);
export const closeWarning = (ref: string, body: WarningCloseInput) =>
  api.post<WarningDetail>(itemPath(ref, '/close'), body);

export const GRADE_OPTIONS: readonly Option[] = [
  { value: '', label: '全部' },
  ...WARNING_GRADE_CODES.map((g) => ({ value: g, label: WARNING_GRADE_LABELS[g] })),
];

export const FLOW_TYPE_OPTIONS: readonly Option[] = [
  { value: '', label: '全部' },
  ...FLOW_WARNING_TYPE_CODES.map((t) => ({ value: t, label: FLOW_WARNING_TYPE_LABELS[t] })),
];

/** 2026-03-01T02:00:00Z → 2026-03-01 (Asia/Shanghai): 产生预警日期 is a day. */
export function dayOf(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** 2026-03-01 10:00 (Asia/Shanghai), for the history. */
export function minuteOf(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** 0.014公斤: a quantity with its unit, as the seed's 关闭预警 dialog writes it. */
export function quantityText(n: number | undefined, unit: string | undefined): string {
  return n === undefined ? '-' : `${n}${unit ?? ''}`;
}
