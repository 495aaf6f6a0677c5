/**
 * Who may see, and ask to change, a register entry — the one place this is decided (detail, staff,
 * history, change requests, attachments all call it):
 * - an enterprise account: its own enterprise only;
 * - a regulator: an enterprise in their jurisdiction (region prefix) that works in one of their categories.
 * Out of scope reads as "not found", so nobody learns what exists outside their scope.
 */
import type { Principal } from '../auth/principal';
import { notFound } from '../http/errors';
import { regulatorSees } from '../scope';

export interface EnterpriseScope {
  enterpriseId: string;
  regionCode: string;
  /** The categories of its segments. */
  categories: readonly string[];
}

export function categoriesOf(segments: readonly { category: string }[]): string[] {
  return [...new Set(segments.map((s) => s.category))];
}

export function canSee(p: Principal, e: EnterpriseScope): boolean {
  if (p.kind === 'enterprise') return p.enterpriseId === e.enterpriseId;
  // A register entry belongs to no department: every department supervising its categories sees it.
  return regulatorSees(p, { regionCode: e.regionCode, categories: e.categories });
}

/**
 * Who decides a change to an existing entry: a regulator of its jurisdiction and of a category it is
 * supervised under now — its current segments', not those a change request would add.
 */
export function supervises(
  p: Principal,
  e: { enterpriseId: string; regionCode: string; segments: readonly { category: string }[] },
): boolean {
  return p.kind === 'regulator' && canSee(p, { ...e, categories: categoriesOf(e.segments) });
}

export function assertCanSee(p: Principal, e: EnterpriseScope, what = '企业'): void {
  if (!canSee(p, e)) throw notFound(`${what}不存在或不在您的监管范围内`);
}
