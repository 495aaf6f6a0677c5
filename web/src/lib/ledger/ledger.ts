/**
 * 物品流向登记 › 台账管理 as the pages call it (functions/ledger/manifest.ts): 仓库管理 and 仓库人员, the stock and the
 * movements of a warehouse, and 盘点 / 入库 / 出库 / 清退. The movement list's filters live in the URL.
 */
import type {
  InboundInput,
  KeeperInput,
  KeeperPage,
  KeeperView,
  MovementPage,
  MovementView,
  OutboundInput,
  ReceiverView,
  ReturnInput,
  StockPage,
  StocktakeInput,
  WarehouseInput,
  WarehousePage,
  WarehouseView,
} from '$shared/api/ledger';
import { MOVEMENT_KIND_LABELS, OUTBOUND_TYPES, QUANTITY_UNITS, WAREHOUSE_TYPES } from '$shared/api/ledger';
import { CATEGORIES } from '$shared/reference/categories';
import { api } from '$lib/api/client';
import type { Option } from '$lib/ui/options';
import type { FilterCodec } from '$lib/ui/url-list.svelte';

export type { KeeperView, MovementView, ReceiverView, WarehouseView };
export { MOVEMENT_KIND_LABELS, OUTBOUND_TYPES, WAREHOUSE_TYPES };

export const PAGE_SIZE = 10;
const BASE = '/api/ledger/warehouses';
const W = (id: string) => `${BASE}/${encodeURIComponent(id)}`;
/**
 * Whose warehouses the 台账 reads: the signed-in enterprise's own (no id), or, for a regulator, the enterprise
 * `enterpriseId` through the read-only routes (the API decides whether the regulator sees that enterprise).
 */
const readBase = (enterpriseId?: string) =>
  enterpriseId ? `/api/ledger/enterprises/${encodeURIComponent(enterpriseId)}/warehouses` : BASE;
const readW = (id: string, enterpriseId?: string) => `${readBase(enterpriseId)}/${encodeURIComponent(id)}`;

const options = (o: Record<string, string>): Option[] => Object.entries(o).map(([value, label]) => ({ value, label }));
export const WAREHOUSE_TYPE_OPTIONS = options(WAREHOUSE_TYPES);
export const OUTBOUND_TYPE_OPTIONS = options(OUTBOUND_TYPES);
export const KIND_OPTIONS = options(MOVEMENT_KIND_LABELS);
export const UNIT_OPTIONS: Option[] = QUANTITY_UNITS.map((u) => ({ value: u, label: u }));
export const CATEGORY_OPTIONS: Option[] = CATEGORIES.filter((c) => c.code !== 'transport').map((c) => ({
  value: c.code,
  label: c.name,
}));
export const labelOf = (o: Record<string, string>, v: string | undefined) => (v ? (o[v] ?? v) : '-');
export const categoryName = (code: string) => CATEGORIES.find((c) => c.code === code)?.name ?? code;

export const listWarehouses = (cursor: string | undefined, signal?: AbortSignal) =>
  api.get<WarehousePage>(
    `${BASE}?${new URLSearchParams({ limit: String(PAGE_SIZE), ...(cursor ? { cursor } : {}) })}`,
    signal ? { signal } : {},
  );
/** Every warehouse of the enterprise, for the 台账's warehouse picker (an enterprise has a handful). */
export async function allWarehouses(enterpriseId?: string): Promise<WarehouseView[]> {
  const out: WarehouseView[] = [];
  let cursor: string | undefined;
  do {
    const page = await api.get<WarehousePage>(
      `${readBase(enterpriseId)}?${new URLSearchParams({ limit: '50', ...(cursor ? { cursor } : {}) })}`,
    );
    out.push(...page.items);
    cursor = page.cursor ?? undefined;
  } while (cursor && out.length < 500);
  return out;
}
export const createWarehouse = (body: WarehouseInput) => api.post<WarehouseView>(BASE, body);
export const updateWarehouse = (id: string, body: WarehouseInput & { version: number }) =>
  api.put<WarehouseView>(W(id), body);

export const listKeepers = (warehouseId: string) => api.get<KeeperPage>(`${W(warehouseId)}/keepers?limit=50`);
export const addKeeper = (warehouseId: string, body: KeeperInput) =>
  api.post<KeeperView>(`${W(warehouseId)}/keepers`, body);
export const removeKeeper = (warehouseId: string, keeperId: string) =>
  api.delete<{ keeperId: string }>(`${W(warehouseId)}/keepers/${encodeURIComponent(keeperId)}`);

export const listStock = (warehouseId: string, enterpriseId?: string) =>
  api.get<StockPage>(`${readW(warehouseId, enterpriseId)}/stock?limit=50`);
export const recordStocktake = (warehouseId: string, body: StocktakeInput) =>
  api.post<MovementView>(`${W(warehouseId)}/stocktakes`, body);
export const recordInbound = (warehouseId: string, body: InboundInput) =>
  api.post<MovementView>(`${W(warehouseId)}/inbounds`, body);
export const recordOutbound = (warehouseId: string, body: OutboundInput) =>
  api.post<MovementView>(`${W(warehouseId)}/outbounds`, body);
export const recordReturn = (warehouseId: string, body: ReturnInput) =>
  api.post<MovementView>(`${W(warehouseId)}/returns`, body);
export const findReceiver = (creditCode: string) =>
  api.get<ReceiverView>(`/api/ledger/receivers?${new URLSearchParams({ creditCode })}`);

/** The 台账 list's filters, as its URL carries them: the warehouse, 类型, 日期范围, 产品名称. */
export interface LedgerFilters {
  warehouse: string;
  kind: string;
  from: string;
  to: string;
  product: string;
}
const DATE = /^\d{4}-\d{2}-\d{2}$/;
export const ledgerFiltersCodec: FilterCodec<LedgerFilters> = {
  fromQuery(q) {
    const kind = q.get('kind') ?? '';
    const warehouse = q.get('warehouse') ?? '';
    return {
      warehouse: /^wh-[\w-]{1,80}$/.test(warehouse) ? warehouse : '',
      kind: kind in MOVEMENT_KIND_LABELS ? kind : '',
      from: DATE.test(q.get('from') ?? '') ? q.get('from')! : '',
      to: DATE.test(q.get('to') ?? '') ? q.get('to')! : '',
      product: (q.get('product') ?? '').trim().slice(0, 50),
    };
  },
  toQuery(f) {
    const q = new URLSearchParams();
    for (const k of ['warehouse', 'kind', 'from', 'to', 'product'] as const) if (f[k].trim()) q.set(k, f[k].trim());
    return q.toString();
  },
};

export function listMovements(
  f: LedgerFilters,
  cursor: string | undefined,
  signal?: AbortSignal,
  enterpriseId?: string,
) {
  const q = new URLSearchParams({ limit: String(PAGE_SIZE) });
  for (const k of ['kind', 'from', 'to', 'product'] as const) if (f[k].trim()) q.set(k, f[k].trim());
  if (cursor) q.set('cursor', cursor);
  return api.get<MovementPage>(`${readW(f.warehouse, enterpriseId)}/movements?${q}`, signal ? { signal } : {});
}

/** A line's quantity with its unit, and what was returned of it. */
export const quantityText = (q: number, unit: string) => `${q}${unit}`;
export const linesText = (m: MovementView) =>
  m.lines.map((l) => `${l.productName} ${quantityText(l.quantity, l.unit)}`).join('；');
