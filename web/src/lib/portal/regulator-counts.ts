/**
 * The portal's 监管人员开通数量: enabled regulator accounts per department × jurisdiction (省直, the nine cities,
 * 平潭综合实验区), live from the accounts API's public route (functions/accounts/counters.ts). Nothing is shown
 * that the API did not answer: no figure while loading, a plain message when it fails.
 */
import type { RegulatorCountsResponse } from '$shared/api/accounts';
import { api } from '$lib/api/client';

export const REGULATOR_COUNTS_PATH = '/api/portal/regulator-counts';

export type RegulatorCounts = RegulatorCountsResponse;
export type DepartmentCounts = RegulatorCountsResponse['departments'][number];

export function fetchRegulatorCounts(signal?: AbortSignal): Promise<RegulatorCounts> {
  return api.get<RegulatorCounts>(REGULATOR_COUNTS_PATH, signal ? { signal } : {});
}

/** The department shown first: the one asked for, if the answer has it, else the first. */
export function pickDepartment(counts: RegulatorCounts, wanted: string | undefined): DepartmentCounts | undefined {
  return counts.departments.find((d) => d.department === wanted) ?? counts.departments[0];
}
