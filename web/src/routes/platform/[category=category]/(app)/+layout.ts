import { category } from '$shared/reference/categories';
import { requireSession } from '$lib/auth/guard';
import { regulatorMenu } from '$lib/nav/regulator-menus';
import type { LayoutLoad } from './$types';

// Not prerendered: what a signed-in regulator sees depends on who they are. These pages are served by the SPA
// fallback (200.html) for any path under /platform/<category>/.
export const prerender = false;

// Rendered in the browser only: a static host has no session to render with. The session is checked here,
// client-side, before anything is shown; the API checks it again on every request.
export const ssr = false;

export const load: LayoutLoad = async ({ params, url }) => {
  // Reading `url` runs this again on every navigation inside the shell, so a session that is not (or no
  // longer) allowed here is sent away from whichever page it opens.
  const session = await requireSession({ kind: 'platform', category: params.category }, url);
  return {
    category: category(params.category),
    // 系统管理 and its pages only for the roles that may open them.
    menu: regulatorMenu(params.category, session.account.roles ?? []),
    session,
  };
};
