/**
 * The site's Content-Security-Policy, sent by CloudFront's response headers policy.
 *
 * SvelteKit's static build boots each page with an inline `<script>`; a header policy with
 * `script-src 'self'` alone would block it. When the built site is deployed with the stack, the hashes of
 * those inline scripts are read from the very files being deployed and allowed by hash — no 'unsafe-inline'
 * for scripts. Styles allow 'unsafe-inline' because SvelteKit's app.html and Svelte components write inline
 * `style` attributes; style injection cannot run code.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** CloudFront's limit on the ContentSecurityPolicy value of a response headers policy. */
export const CLOUDFRONT_CSP_MAX_LENGTH = 1783;

export interface CspSources {
  /**
   * Origin of the attachments bucket's regional endpoint (`https://<bucket>.s3.<region>.<suffix>`): presigned
   * POST uploads (fetch / form) and presigned GET downloads (links, image and PDF previews).
   */
  attachmentsOrigin: string;
  /** `'sha256-…'` sources for the site's inline scripts. */
  scriptHashes?: readonly string[];
}

export function contentSecurityPolicy({ attachmentsOrigin, scriptHashes = [] }: CspSources): string {
  const directives: [string, ...string[]][] = [
    ['default-src', "'self'"],
    ['script-src', "'self'", ...scriptHashes],
    ['style-src', "'self'", "'unsafe-inline'"],
    ['img-src', "'self'", 'data:', 'blob:', attachmentsOrigin],
    ['font-src', "'self'", 'data:'],
    ['connect-src', "'self'", attachmentsOrigin],
    ['frame-src', "'self'", attachmentsOrigin],
    ['form-action', "'self'", attachmentsOrigin],
    ['object-src', "'none'"],
    ['base-uri', "'self'"],
    ['frame-ancestors', "'none'"],
    ['upgrade-insecure-requests'],
  ];
  return directives.map((d) => d.join(' ')).join('; ');
}

const INLINE_SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const EXECUTABLE_TYPES = new Set(['', 'module', 'text/javascript', 'application/javascript']);

/** `'sha256-…'` CSP sources of the executable inline scripts in one HTML document, in document order. */
export function inlineScriptHashesOf(html: string): string[] {
  const hashes: string[] = [];
  for (const [, attrs = '', body = ''] of html.matchAll(INLINE_SCRIPT)) {
    if (/\bsrc\s*=/i.test(attrs)) continue;
    const type = /\btype\s*=\s*["']?([^"'\s>]+)/i.exec(attrs)?.[1]?.toLowerCase() ?? '';
    // Data blocks (e.g. SvelteKit's `type="application/json"` fetch cache) are never executed: no hash needed.
    if (!EXECUTABLE_TYPES.has(type) || body.trim() === '') continue;
    hashes.push(`'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);
  }
  return hashes;
}

/** The distinct inline-script hashes of every `.html` file under `dir` (none if `dir` does not exist). */
export function inlineScriptHashes(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const found = new Set<string>();
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.html')) for (const h of inlineScriptHashesOf(readFileSync(p, 'utf8'))) found.add(h);
    }
  };
  walk(dir);
  return [...found];
}
