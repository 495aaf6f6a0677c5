import { redirect } from '@sveltejs/kit';
import { resolve } from '$app/paths';
import { firstLeaf, menuPath, pathSegments } from '$lib/nav/menu';
import { regulatorPageTrail } from '$lib/nav/menu-route';
import type { PageLoad } from './$types';

/**
 * The menu entries that are not built yet (建设中): the built screens have their own route files beside this
 * one (system/…, [entry]/units), which SvelteKit prefers to this catch-all.
 */
export const load: PageLoad = async ({ params, parent }) => {
  const { menu } = await parent();
  const trail = regulatorPageTrail(menu, params.category, pathSegments(params.path));
  // A menu entry with a left menu has no page of its own: it opens its first entry (as the seed's header
  // menus do — 经营监管 opens 经营单位信息管理, 系统管理 the first page the account may use).
  const leaf = firstLeaf(trail);
  if (leaf !== trail) {
    redirect(
      307,
      resolve('/platform/[category=category]/(app)/[...path]', { category: params.category, path: menuPath(leaf) }),
    );
  }
  return { trail };
};
