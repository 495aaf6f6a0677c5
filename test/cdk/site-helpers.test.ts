import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  CLOUDFRONT_CSP_MAX_LENGTH,
  contentSecurityPolicy,
  inlineScriptHashes,
  inlineScriptHashesOf,
} from '../../cdk/lib/content-security-policy';
import { prerenderedPages, spaFallbackCode } from '../../cdk/lib/spa-fallback';

const sha = (s: string): string => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;

const dirs: string[] = [];
function buildDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'hazmat-site-'));
  dirs.push(dir);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('Content-Security-Policy', () => {
  const origin = 'https://hazmat-attachments-x.s3.cn-north-1.amazonaws.com.cn';

  it('allows self and the attachments endpoint for uploads and downloads, nothing else', () => {
    const csp = contentSecurityPolicy({ attachmentsOrigin: origin });
    const directives = Object.fromEntries(csp.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['connect-src']).toEqual(["'self'", origin]);
    expect(directives['form-action']).toEqual(["'self'", origin]);
    expect(directives['img-src']).toContain(origin);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
  });

  it('adds script hashes to script-src only', () => {
    const csp = contentSecurityPolicy({ attachmentsOrigin: origin, scriptHashes: ["'sha256-abc'"] });
    expect(csp).toContain("script-src 'self' 'sha256-abc';");
    expect(csp.length).toBeLessThan(CLOUDFRONT_CSP_MAX_LENGTH);
  });

  it('hashes executable inline scripts exactly as written, skipping external and data scripts', () => {
    const boot = '\n  { __sveltekit_x = { base: "" }; }\n';
    const html =
      `<script src="/a.js"></script><script>${boot}</script>` +
      `<script type="application/json" data-sveltekit-fetched>{"a":1}</script>` +
      `<script type="module">import('/b.js')</script><script>  </script>`;
    expect(inlineScriptHashesOf(html)).toEqual([sha(boot), sha("import('/b.js')")]);
  });

  it('collects distinct hashes over every page of a build, none for a missing build', () => {
    const dir = buildDir({
      '200.html': '<script>boot()</script>',
      'index.html': '<script>boot()</script>',
      'enterprise/login.html': '<script>login()</script>',
      '_app/immutable/x.js': 'ignored()',
    });
    expect(inlineScriptHashes(dir).sort()).toEqual([sha('boot()'), sha('login()')].sort());
    expect(inlineScriptHashes(join(dir, 'missing'))).toEqual([]);
  });
});

describe('SPA fallback CloudFront Function', () => {
  type Handler = (e: { request: { uri: string } }) => { uri: string };
  const load = (code: string): Handler => new Function(`${code}\nreturn handler;`)() as Handler;
  const rewrite = (h: Handler, uri: string): string => h({ request: { uri } }).uri;

  it('sends client-side routes to 200.html and leaves files, the root and the API alone', () => {
    const h = load(spaFallbackCode());
    expect(rewrite(h, '/platform/hazchem/enterprises')).toBe('/200.html');
    expect(rewrite(h, '/enterprise/')).toBe('/200.html');
    expect(rewrite(h, '/')).toBe('/');
    expect(rewrite(h, '/_app/immutable/entry/start.js')).toBe('/_app/immutable/entry/start.js');
    expect(rewrite(h, '/manifest.webmanifest')).toBe('/manifest.webmanifest');
    expect(rewrite(h, '/api/health')).toBe('/api/health');
    expect(rewrite(h, '/api/enterprises/123')).toBe('/api/enterprises/123');
  });

  it('serves prerendered pages as themselves', () => {
    const dir = buildDir({ '200.html': '', 'index.html': '', 'enterprise/login.html': '', 'x.js': '' });
    const pages = prerenderedPages(dir);
    expect(pages).toEqual(['/enterprise/login']);
    const h = load(spaFallbackCode(pages));
    expect(rewrite(h, '/enterprise/login')).toBe('/enterprise/login.html');
    expect(rewrite(h, '/enterprise/login/')).toBe('/enterprise/login.html');
    expect(rewrite(h, '/enterprise/profile')).toBe('/200.html');
  });
});
