// Not prerendered: what a signed-in enterprise sees is its own data. These pages are served by the SPA fallback
// (200.html) for any path under /enterprise/ other than the login and registration pages.
export const prerender = false;

// Rendered in the browser only: a static host has no session to render with, and the identity issue will check
// the session here, client-side, before anything is shown.
export const ssr = false;
