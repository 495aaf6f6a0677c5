import type { CategoryCode } from '$shared/reference/categories';

/** Which signed-in shell a menu belongs to; decides the URL its links resolve to. */
export type ShellRef = { readonly kind: 'platform'; readonly category: CategoryCode } | { readonly kind: 'enterprise' };
