/**
 * A menu of a signed-in shell, as data. A top-level item is one entry of the header menu; its `children` are
 * the left sub-menu the seed shows for it, and their `children` the nested entries (e.g. 检查通报管理 → 隐患管理 →
 * 待确认隐患信息). `id` is the URL segment: an item's page lives at `<shell base>/<id of each level joined by />`.
 */
export interface MenuItem {
  /** URL segment, lowercase ASCII words joined by '-'; unique among its siblings. */
  readonly id: string;
  /** The seed's words, shown as is. */
  readonly label: string;
  readonly children?: readonly MenuItem[];
  /**
   * Shown only to accounts holding at least one of these roles (系统管理 and its pages); everyone sees an
   * item without. The API checks the same roles on every request: hiding is for the menu, not the security.
   */
  readonly roles?: readonly string[];
}

/** The id of the 首页 entry: it is the shell's own base path, not a sub-path. */
export const HOME_ID = 'home';

/** A leaf with no sub-menu. */
export function item(id: string, label: string, children?: readonly MenuItem[]): MenuItem {
  return children ? { id, label, children } : { id, label };
}

/** `m` shown only to accounts holding one of `roles`. */
export function restricted(roles: readonly string[], m: MenuItem): MenuItem {
  return { ...m, roles };
}

/** Whether an account with `roles` may see `m` (not its children: see {@link menuFor}). */
export function visibleTo(m: MenuItem, roles: readonly string[]): boolean {
  return !m.roles || m.roles.some((r) => roles.includes(r));
}

/**
 * The part of `menu` an account with `roles` sees: items restricted to other roles are left out, and so is an
 * entry whose sub-menu is left empty by that.
 */
export function menuFor(menu: readonly MenuItem[], roles: readonly string[]): MenuItem[] {
  const out: MenuItem[] = [];
  for (const m of menu) {
    if (!visibleTo(m, roles)) continue;
    if (!m.children) {
      out.push(m);
      continue;
    }
    const children = menuFor(m.children, roles);
    if (children.length === 0) continue;
    out.push(children.length === m.children.length ? m : { ...m, children });
  }
  return out;
}

/** The items from the top of `menu` down to the one `segments` names; `undefined` when a segment is unknown. */
export function findTrail(menu: readonly MenuItem[], segments: readonly string[]): MenuItem[] | undefined {
  const trail: MenuItem[] = [];
  let level: readonly MenuItem[] | undefined = menu;
  for (const segment of segments) {
    const found: MenuItem | undefined = level?.find((m) => m.id === segment && m.id !== HOME_ID);
    if (!found) return undefined;
    trail.push(found);
    level = found.children;
  }
  return trail.length > 0 ? trail : undefined;
}

/** The path of a menu item below the shell's base, without leading or trailing slash ('' for 首页). */
export function menuPath(trail: readonly MenuItem[]): string {
  if (trail.length === 1 && trail[0]?.id === HOME_ID) return '';
  return trail.map((m) => m.id).join('/');
}

/** The trail down to the first leaf under the trail's last entry (the trail itself when that is a leaf). */
export function firstLeaf(trail: readonly MenuItem[]): readonly MenuItem[] {
  let out = trail;
  for (let last = out.at(-1); last?.children?.length; last = out.at(-1)) out = [...out, last.children[0]!];
  return out;
}

/** Splits the rest of a URL (`a/b/c`) into segments, ignoring empty ones. */
export function pathSegments(rest: string): string[] {
  return rest.split('/').filter((s) => s.length > 0);
}

/** The trail of the page at `pathname` under `base` (`/platform/explosives`), or `[]` for the shell's home. */
export function activeTrail(menu: readonly MenuItem[], base: string, pathname: string): MenuItem[] {
  if (pathname !== base && !pathname.startsWith(`${base}/`)) return [];
  return findTrail(menu, pathSegments(pathname.slice(base.length))) ?? [];
}

/** Every path of `menu` (for tests and link checks): `[path, trail]` pairs, depth-first in menu order. */
export function allPaths(menu: readonly MenuItem[]): [string, MenuItem[]][] {
  const out: [string, MenuItem[]][] = [];
  const walk = (items: readonly MenuItem[], above: MenuItem[]) => {
    for (const m of items) {
      const trail = [...above, m];
      out.push([menuPath(trail), trail]);
      if (m.children) walk(m.children, trail);
    }
  };
  walk(menu, []);
  return out;
}

/**
 * How a link to `candidate` relates to the page at `current`: `'page'` when it is that page, `'ancestor'` when
 * the page is below it (a top-menu entry whose sub-page is open), otherwise `undefined`.
 */
export function linkState(
  current: readonly MenuItem[],
  candidate: readonly MenuItem[],
): 'page' | 'ancestor' | undefined {
  const here = menuPath(current);
  const there = menuPath(candidate);
  if (here === there) return 'page';
  if (there !== '' && here.startsWith(`${there}/`)) return 'ancestor';
  return undefined;
}
