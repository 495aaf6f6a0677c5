/**
 * What a regulator may see: the platform's ONE data-scope decision (README "Data scope"). Every context
 * asks `regulatorSees` of the object it touches, and queries by `jurisdictionPrefix`, so the rule can't
 * drift between the register, the reviews and the contexts still to come.
 *
 * - Jurisdiction: the object's region code starts with the regulator's. 省直 is '35' — the province's own
 *   prefix — everywhere (never ''), so a province regulator queries `begins_with('35')` like any other.
 * - Category: the object concerns one of the categories the account is granted. The category platform a
 *   session signed in to picks the menus, not the data: an account granted several categories moves between
 *   their platforms without signing in again (the web's guard admits exactly the account's categories).
 * - Department: only objects that belong to a department (an inspection task, a checklist, a notice) are
 *   limited to it. The register is one for all departments — that is the platform's point — so its entries
 *   carry no department and every department supervising the category sees them.
 */
import { regionPrefixMatches } from '../../shared/reference/regions';
import type { Regulator } from './auth/principal';
import { forbidden } from './http/errors';

export interface ScopedObject {
  regionCode: string;
  /** The goods categories the object concerns (an enterprise: its segments' categories). */
  categories: readonly string[];
  /** Set only on objects a department owns. */
  department?: string | undefined;
}

export function regulatorSees(p: Regulator, o: ScopedObject): boolean {
  return (
    regionPrefixMatches(p.regionCode, o.regionCode) &&
    o.categories.some((c) => worksIn(p, c)) &&
    (o.department === undefined || o.department === p.department)
  );
}

/** Whether the account is granted this goods category. */
export function worksIn(p: Regulator, category: string): boolean {
  return (p.categories as readonly string[]).includes(category);
}

/** A category the caller asked for by name (a list, a queue): refused outright when not granted. */
export function requireCategory(p: Regulator, category: string, what: '监管' | '审核' = '监管'): void {
  if (!worksIn(p, category)) throw forbidden(`没有该物品类别的${what}权限`);
}

/** The key prefix of the regulator's jurisdiction, for `begins_with` on region-sorted indexes. */
export function jurisdictionPrefix(p: Regulator): string {
  return p.regionCode;
}

/** Whether a region the caller asked for lies inside their jurisdiction. */
export function withinJurisdiction(p: Regulator, regionCode: string): boolean {
  return regionPrefixMatches(p.regionCode, regionCode);
}
