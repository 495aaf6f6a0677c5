import { findTrail, pathSegments } from '$lib/nav/menu';
import type { PageLoad } from './$types';

/**
 * 查看: one register entry. `?from=<menu path>` names the unit list it was opened from (for the breadcrumb and
 * 返回列表); a path the session's menu does not have is ignored. The entry's scope is the API's to check.
 */
export const load: PageLoad = async ({ params, parent, url }) => {
  const { menu } = await parent();
  const listTrail = findTrail(menu, pathSegments(url.searchParams.get('from') ?? '')) ?? [];
  return { enterpriseId: params.enterpriseId, listTrail };
};
