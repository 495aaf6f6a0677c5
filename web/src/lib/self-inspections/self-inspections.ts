/**
 * 企业自纠自查隐患 as the pages call it (functions/self-inspections/manifest.ts): the enterprise's own routes, and
 * the regulators' read-only ones (企业自查自纠管理).
 */
import type {
  SelfInspectionInput,
  SelfInspectionPage,
  SelfInspectionRectifyInput,
  SelfInspectionUpdateInput,
  SelfInspectionView,
} from '$shared/api/self-inspections';
import { DIFFICULTIES, HAZARD_CLASSES, RECTIFY_STATUSES } from '$shared/api/self-inspections';
import { api } from '$lib/api/client';
import type { Option } from '$lib/ui/options';

export type { SelfInspectionInput, SelfInspectionPage, SelfInspectionView };

export const PAGE_SIZE = 10;
const OWN = '/api/self-inspections';
const REGISTERS = '/api/self-inspection-registers';

export interface SelfInspectionFilters {
  deadlineTo: string;
  difficulty: string;
  classification: string;
  status: string;
}
export const NO_FILTERS: SelfInspectionFilters = { deadlineTo: '', difficulty: '', classification: '', status: '' };

function query(f: SelfInspectionFilters, cursor: string | undefined): string {
  const q = new URLSearchParams({ limit: String(PAGE_SIZE) });
  for (const [k, v] of Object.entries(f)) if (v) q.set(k, v);
  if (cursor) q.set('cursor', cursor);
  return q.toString();
}

/** The enterprise's own register, or (enterpriseId given) a regulator's read of one enterprise's. */
export function listSelfInspections(
  enterpriseId: string | undefined,
  f: SelfInspectionFilters,
  cursor: string | undefined,
  signal?: AbortSignal,
): Promise<SelfInspectionPage> {
  const base = enterpriseId ? `${REGISTERS}/${encodeURIComponent(enterpriseId)}` : OWN;
  return api.get<SelfInspectionPage>(`${base}?${query(f, cursor)}`, signal ? { signal } : {});
}

export const addSelfInspection = (body: SelfInspectionInput) => api.post<SelfInspectionView>(OWN, body);
export const updateSelfInspection = (entryId: string, body: SelfInspectionUpdateInput) =>
  api.put<SelfInspectionView>(`${OWN}/${encodeURIComponent(entryId)}`, body);
export const completeSelfInspection = (entryId: string, body: SelfInspectionRectifyInput) =>
  api.post<SelfInspectionView>(`${OWN}/${encodeURIComponent(entryId)}/complete`, body);

const options = (o: Record<string, string>): Option[] => Object.entries(o).map(([value, label]) => ({ value, label }));
export const CLASS_OPTIONS = options(HAZARD_CLASSES);
export const DIFFICULTY_OPTIONS = options(DIFFICULTIES);
export const STATUS_OPTIONS = options(RECTIFY_STATUSES);
export const labelOf = (o: Record<string, string>, v: string) => o[v] ?? v;
export { DIFFICULTIES, HAZARD_CLASSES, RECTIFY_STATUSES };
