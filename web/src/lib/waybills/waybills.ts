/**
 * 电子托运单 as the web calls it (functions/waybills): the enterprise's lists and form, the lifecycle, 签收, the
 * regulators' 物品流向 and chart, 溯源; and the words the screens show for them.
 */
import type * as z from 'zod/mini';
import {
  CUSTODY_KIND_NAMES,
  WAYBILL_STATUS_NAMES,
  type ChainView,
  type FlowChart,
  type PartyLookup,
  type WaybillDetail,
  type WaybillInput,
  type WaybillListItem,
  type WaybillMove,
  type WaybillStatus,
} from '$shared/api/waybills';
import type { WaybillPage as WaybillPageSchema, WaybillRevisionPage } from '$shared/api/waybills';
import { category, isCategoryCode } from '$shared/reference/categories';
import { CITIES, COUNTIES, findRegion } from '$shared/reference/regions';
import { api } from '$lib/api/client';
import type { FilterCodec } from '$lib/ui/url-list.svelte';
import type { OptionGroup } from '$lib/ui/options';

export type {
  ChainView,
  FlowChart,
  PartyLookup,
  WaybillDetail,
  WaybillInput,
  WaybillListItem,
  WaybillMove,
  WaybillStatus,
};
export type WaybillPage = z.infer<typeof WaybillPageSchema>;
export type RevisionPage = z.infer<typeof WaybillRevisionPage>;

export const WAYBILLS_PATH = '/api/waybills';
export const WAYBILL_PAGE_SIZE = 10;

const withSignal = (signal?: AbortSignal) => (signal ? { signal } : {});
const path = (id: string, rest = '') => `${WAYBILLS_PATH}/${encodeURIComponent(id)}${rest}`;

export function listOwnWaybills(side: 'shipper' | 'receiver', cursor: string | undefined, signal?: AbortSignal) {
  const q = new URLSearchParams({ side, limit: String(WAYBILL_PAGE_SIZE) });
  if (cursor) q.set('cursor', cursor);
  return api.get<WaybillPage>(`${WAYBILLS_PATH}?${q.toString()}`, withSignal(signal));
}
export const getWaybill = (id: string, signal?: AbortSignal) => api.get<WaybillDetail>(path(id), withSignal(signal));
export const getRevision = (id: string, revision: number) => api.get<WaybillDetail>(path(id, `/revisions/${revision}`));
export const listRevisions = (id: string) => api.get<RevisionPage>(path(id, '/revisions?limit=50'));
export const createWaybill = (input: WaybillInput) => api.post<WaybillDetail>(WAYBILLS_PATH, input);
export const correctWaybill = (id: string, waybill: WaybillInput, reason: string, version: number) =>
  api.put<WaybillDetail>(path(id), { waybill, reason, version });
export const moveWaybill = (id: string, move: WaybillMove, version: number, reason?: string) =>
  api.post<WaybillDetail>(path(id, `/${move}`), { version, ...(reason ? { reason } : {}) });
export const signWaybill = (
  id: string,
  body: { warehouseId: string; handler: string; receivedQuantities: number[]; version: number },
) => api.post<WaybillDetail>(path(id, '/sign'), body);
export const lookupParty = (creditCode: string, categoryCode: string) =>
  api.get<PartyLookup>(
    `${WAYBILLS_PATH}/parties?${new URLSearchParams({ creditCode, category: categoryCode }).toString()}`,
  );
export const getChain = (code: string, signal?: AbortSignal) =>
  api.get<ChainView>(`${WAYBILLS_PATH}/chain?${new URLSearchParams({ code }).toString()}`, withSignal(signal));
export const getFlowChart = (categoryCode: string, signal?: AbortSignal) =>
  api.get<FlowChart>(`${WAYBILLS_PATH}/flows/chart?category=${encodeURIComponent(categoryCode)}`, withSignal(signal));

/** 物品流向's filters, in the URL. */
export interface FlowFilters {
  status: string;
  enterpriseName: string;
  from: string;
  to: string;
}
const DATE = /^\d{4}-\d{2}-\d{2}$/;
export const flowFiltersCodec: FilterCodec<FlowFilters> = {
  fromQuery(q) {
    const status = q.get('status') ?? '';
    const date = (v: string | null) => (v && DATE.test(v) ? v : '');
    return {
      status: status in WAYBILL_STATUS_NAMES ? status : '',
      enterpriseName: (q.get('enterpriseName') ?? '').trim().slice(0, 50),
      from: date(q.get('from')),
      to: date(q.get('to')),
    };
  },
  toQuery(f) {
    const q = new URLSearchParams();
    if (f.status) q.set('status', f.status);
    if (f.enterpriseName.trim()) q.set('enterpriseName', f.enterpriseName.trim());
    if (f.from) q.set('from', f.from);
    if (f.to) q.set('to', f.to);
    return q.toString();
  },
};
export function listFlows(categoryCode: string, f: FlowFilters, cursor: string | undefined, signal?: AbortSignal) {
  const q = new URLSearchParams({ category: categoryCode, limit: String(WAYBILL_PAGE_SIZE) });
  for (const [k, v] of new URLSearchParams(flowFiltersCodec.toQuery(f))) q.set(k, v);
  if (cursor) q.set('cursor', cursor);
  return api.get<WaybillPage>(`${WAYBILLS_PATH}/flows?${q.toString()}`, withSignal(signal));
}

export const statusName = (s: WaybillStatus) => WAYBILL_STATUS_NAMES[s];
export const STATUS_TONES: Record<WaybillStatus, 'success' | 'warning' | 'danger' | undefined> = {
  draft: undefined,
  submitted: undefined,
  'in-transit': 'warning',
  arrived: 'warning',
  signed: 'success',
  voided: 'danger',
};
export const STATUS_OPTIONS = [
  { value: '', label: '全部' },
  ...Object.entries(WAYBILL_STATUS_NAMES).map(([value, label]) => ({ value, label })),
];
export const MOVE_LABELS: Record<WaybillMove, string> = {
  submit: '提交',
  depart: '发车',
  arrive: '到达',
  void: '作废',
};
export const custodyKindName = (k: string) => CUSTODY_KIND_NAMES[k as keyof typeof CUSTODY_KIND_NAMES] ?? k;
export const categoryName = (c: string) => (isCategoryCode(c) ? category(c).name : c);
export const regionText = (code: string) => findRegion(code)?.fullName.replace(/^福建省/, '') || code;

/** 起运地 / 目的地: a county of Fujian, grouped by city. */
export const COUNTY_GROUPS: readonly OptionGroup[] = CITIES.map((c) => ({
  label: c.name,
  options: COUNTIES.filter((k) => k.parentCode === c.code).map((k) => ({ value: k.code, label: `${c.name}${k.name}` })),
}));

/** The public check page the printed QR code opens. */
export const checkPageUrl = (origin: string, id: string) => `${origin}/waybill-check/${encodeURIComponent(id)}`;
