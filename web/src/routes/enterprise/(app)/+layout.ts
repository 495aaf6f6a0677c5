import { requireSession } from '$lib/auth/guard';
import type { LayoutLoad } from './$types';

// Not prerendered: what a signed-in enterprise sees is its own data. These pages are served by the SPA fallback
// (200.html) for any path under /enterprise/ other than the login and registration pages.
export const prerender = false;

// Rendered in the browser only: a static host has no session to render with. The session is checked here,
// client-side, before anything is shown; the API checks it again on every request.
export const ssr = false;

export const load: LayoutLoad = async ({ url }) => ({
  // Reading `url` runs this again on every navigation inside the shell (see the regulator shell).
  session: await requireSession({ kind: 'enterprise' }, url),
});
