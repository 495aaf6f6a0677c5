// Prerender by default: the portal and the login pages are the same for everyone, so they ship as static HTML
// that paints at once and needs no server. Areas that depend on who is signed in turn this off in their own
// layout and are served by the SPA fallback (200.html) instead.
export const prerender = true;

// Render on the server (at build time, when prerendering) so static pages arrive with their content and work
// before the JavaScript loads. The signed-in areas switch it off: they only make sense in the browser.
export const ssr = true;
