/**
 * Who sees and who edits a checklist — expressed through the platform's one scope rule (`regulatorSees`), with
 * the one widening checklists need: a list made higher up applies below. A county inspector uses the
 * province's and their city's lists (the region "above" them) as well as those made within their jurisdiction;
 * a sibling city's are out of scope (404).
 *
 * - Independent lists belong to their department: only its inspectors see them.
 * - Joint lists are for every department's inspectors of the jurisdiction (a joint task spans departments).
 * - Editing and deleting are the creating department's, within the editor's jurisdiction: a county inspector
 *   uses the province's list but does not rewrite it.
 */
import { regionPrefixMatches } from '../../../shared/reference/regions';
import type { Regulator } from '../auth/principal';
import { regulatorSees } from '../scope';

export interface ChecklistScope {
  kind: 'independent' | 'joint';
  category: string;
  department: string;
  regionCode: string;
}

/** The list's region as far as the caller is concerned: their own when the list was made above them. */
function effectiveRegion(p: Regulator, c: ChecklistScope): string {
  return regionPrefixMatches(c.regionCode, p.regionCode) ? p.regionCode : c.regionCode;
}

export function checklistVisibleTo(p: Regulator, c: ChecklistScope): boolean {
  return regulatorSees(p, {
    regionCode: effectiveRegion(p, c),
    categories: [c.category],
    department: c.kind === 'joint' ? undefined : c.department,
  });
}

export function checklistEditableBy(p: Regulator, c: ChecklistScope): boolean {
  return regulatorSees(p, { regionCode: c.regionCode, categories: [c.category], department: c.department });
}

/** The region codes whose lists apply to a caller at `regionCode`: their ancestors ('35', the city). */
export function ancestorsOf(regionCode: string): string[] {
  const out: string[] = [];
  for (let n = 2; n < regionCode.length; n += 2) out.push(regionCode.slice(0, n));
  return out;
}
