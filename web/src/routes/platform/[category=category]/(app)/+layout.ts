import { category } from '$shared/reference/categories';
import { regulatorMenu } from '$lib/nav/regulator-menus';
import type { LayoutLoad } from './$types';

// Not prerendered: what a signed-in regulator sees depends on who they are. These pages are served by the SPA
// fallback (200.html) for any path under /platform/<category>/.
export const prerender = false;

// Rendered in the browser only: a static host has no session to render with, and the identity issue will check
// the session here, client-side, before anything is shown.
export const ssr = false;

export const load: LayoutLoad = ({ params }) => ({
  category: category(params.category),
  menu: regulatorMenu(params.category),
});
