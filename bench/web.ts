/**
 * Web first load: the bytes a browser fetches for the portal home (HTML plus the JS and CSS it links),
 * raw and gzip-compressed (what CloudFront serves).
 */
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Row } from './run';

/** The files a browser fetches for the portal home: index.html and the JS and CSS it links. */
export function firstLoadFiles(buildDir: string): string[] {
  const index = path.join(buildDir, 'index.html');
  if (!fs.existsSync(index)) throw new Error('web/build/index.html missing: run npm run build:web first');
  const html = fs.readFileSync(index, 'utf8');
  const assets = new Set<string>();
  // Links (modulepreload, stylesheets) and the entry modules the inline start-up script imports; SvelteKit
  // writes them relative (`./_app/…`) or absolute (`/_app/…`).
  for (const m of html.matchAll(/(?:href|src)="\.?(\/_app\/[^"]+\.(?:js|css))"/g)) assets.add(m[1]!);
  for (const m of html.matchAll(/import\("\.?(\/_app\/[^"]+\.js)"\)/g)) assets.add(m[1]!);
  return [index, ...[...assets].map((a) => path.join(buildDir, a))];
}

export function measureWebFirstLoad(buildDir: string): Row[] {
  const files = firstLoadFiles(buildDir);
  let raw = 0;
  let gz = 0;
  for (const f of files) {
    const b = fs.readFileSync(f);
    raw += b.length;
    gz += gzipSync(b, { level: 9 }).length;
  }
  return [
    { name: 'web.first_load.files', unit: 'count', value: files.length },
    { name: 'web.first_load.raw', unit: 'KiB', value: Math.round((raw / 1024) * 10) / 10 },
    // Tight on purpose: one value import of a zod-based shared module puts ~25 KiB more on every first load.
    { name: 'web.first_load.gzip', unit: 'KiB', value: Math.round((gz / 1024) * 10) / 10, goal: 64 },
  ];
}
