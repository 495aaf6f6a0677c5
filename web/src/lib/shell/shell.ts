import { resolve } from '$app/paths';
import type { CategoryCode } from '$shared/reference/categories';

/** Which signed-in shell a menu belongs to; decides the URL its links resolve to. */
export type ShellRef = { readonly kind: 'platform'; readonly category: CategoryCode } | { readonly kind: 'enterprise' };

/** The shell's home page (its 首页), the base its menu paths are below: `/platform/explosives`, `/enterprise`. */
export function shellHome(shell: ShellRef): string {
  const href =
    shell.kind === 'platform'
      ? resolve('/platform/[category=category]/(app)/[...path]', { category: shell.category, path: '' })
      : resolve('/enterprise/(app)/[...path]', { path: '' });
  return href.length > 1 ? href.replace(/\/$/, '') : href;
}
