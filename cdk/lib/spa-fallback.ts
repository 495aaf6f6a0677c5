/**
 * Code of the viewer-request CloudFront Function (cloudfront-js-2.0) on the site's default behaviour.
 *
 * Paths with a file extension (`/_app/…js`, `/icon.svg`, `/manifest.webmanifest`) and `/` (default root object
 * index.html) pass through. Extension-less paths not under /api/ are SvelteKit routes: a prerendered public
 * page (`/enterprise/login` → `/enterprise/login.html`) is served as such, anything else gets the SPA shell
 * `/200.html` (adapter-static `fallback`), which renders the route in the browser.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export const SPA_FALLBACK_PAGE = '/200.html';
/** Pages that are not routes of their own. */
const NOT_ROUTES = new Set(['/200', '/index']);

/** Route paths of the prerendered pages in a SvelteKit static build (`a/b.html` → `/a/b`). */
export function prerenderedPages(buildDir: string): string[] {
  if (!existsSync(buildDir)) return [];
  const pages: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.html')) {
        const route = '/' + relative(buildDir, p).split(sep).join('/').slice(0, -'.html'.length);
        if (!NOT_ROUTES.has(route)) pages.push(route);
      }
    }
  };
  walk(buildDir);
  return pages;
}

export function spaFallbackCode(prerendered: readonly string[] = []): string {
  const table = JSON.stringify(Object.fromEntries(prerendered.map((p) => [p, 1])));
  return `var PRERENDERED = ${table};
function handler(event) {
  var request = event.request;
  var uri = request.uri;
  if (uri === '/' || uri.indexOf('/api/') === 0) return request;
  var last = uri.substring(uri.lastIndexOf('/') + 1);
  if (last.indexOf('.') !== -1) return request;
  var path = uri.charAt(uri.length - 1) === '/' ? uri.substring(0, uri.length - 1) : uri;
  request.uri = PRERENDERED[path] === 1 ? path + '.html' : '${SPA_FALLBACK_PAGE}';
  return request;
}
`;
}
