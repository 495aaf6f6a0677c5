import { regulatorPageTrail } from '$lib/nav/menu-route';
import type { PageLoad } from './$types';

/**
 * 物品流向 › 企业台账: an enterprise's warehouses, stock and records, read-only. It hangs under 物品流向, so a
 * session whose menu lacks 物品流向 gets that page's 403/404; whether the regulator sees the enterprise is the API's
 * to decide.
 */
export const load: PageLoad = async ({ params, parent }) => ({
  trail: regulatorPageTrail((await parent()).menu, params.category, ['flow']),
  category: params.category,
  enterpriseId: params.enterpriseId,
});
