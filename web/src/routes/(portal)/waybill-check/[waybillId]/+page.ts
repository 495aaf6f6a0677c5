/** A waybill's id is only known at run time: the page is served by the SPA fallback, not prerendered. */
export const prerender = false;
