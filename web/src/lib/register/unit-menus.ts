/**
 * Where the unit lists (单位信息管理) sit in the regulators' menus. Each business segment has a header-menu
 * entry named by its `menuName` (shared/reference/segments.ts: 民爆 生产监管, 危化 经营监管 …); that entry gets
 * the left child 「<unitListTitle>」 with the id `units`. The entry → segment mapping is derived from the
 * reference data by the entry's label, so a renamed segment cannot leave a menu pointing at the wrong list.
 */
import type { CategoryCode } from '$shared/reference/categories';
import { segmentsOf, type Segment } from '$shared/reference/segments';
import { item, type MenuItem } from '$lib/nav/menu';

/** The id of the unit list under a segment's menu entry. */
export const UNITS_ID = 'units';

/**
 * The segment a header-menu entry stands for: the one whose `menuName` is the entry's label. A category with a
 * single segment whose menu splits it further (运输监管: 危化品运输监管, 民爆物品运输监管 …, all of them carriers of
 * the one 运输 segment) maps each such entry, ending with the segment's menu name, to that segment.
 */
export function segmentOfMenu(category: CategoryCode, label: string): Segment | undefined {
  const segments = segmentsOf(category);
  const exact = segments.find((s) => s.menuName === label);
  if (exact) return exact;
  const only = segments.length === 1 ? segments[0] : undefined;
  return only && label.endsWith(only.menuName) ? only : undefined;
}

/** `menu` with the unit list added under every segment's entry (an entry that has one already is kept as is). */
export function withUnitLists(category: CategoryCode, menu: readonly MenuItem[]): MenuItem[] {
  return menu.map((m) => {
    const segment = segmentOfMenu(category, m.label);
    if (!segment || m.children?.some((c) => c.id === UNITS_ID)) return m;
    return { ...m, children: [item(UNITS_ID, segment.unitListTitle), ...(m.children ?? [])] };
  });
}

/** The segment whose unit list the page at `trail` is (`<segment entry>/units`); undefined for any other page. */
export function unitListSegment(category: CategoryCode, trail: readonly MenuItem[]): Segment | undefined {
  const [top, child] = trail;
  if (trail.length !== 2 || !top || child?.id !== UNITS_ID) return undefined;
  return segmentOfMenu(category, top.label);
}
