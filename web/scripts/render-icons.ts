/**
 * Renders `static/icon.svg` to the PNG icons the PWA manifest and iOS need (192 and 512 px), with Debian's
 * Chromium. Run after changing the SVG: `npx tsx web/scripts/render-icons.ts`.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from '../../test/support/browser';

const staticDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../static');
const svg = await readFile(path.join(staticDir, 'icon.svg'), 'utf8');

const browser = await launchBrowser();
try {
  for (const size of [192, 512]) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const body = svg.replace(/width="\d+" height="\d+"/, `width="${size}" height="${size}"`);
    await page.setContent(`<html><body style="margin:0;background:transparent">${body}</body></html>`);
    await page.screenshot({ path: path.join(staticDir, `icon-${size}.png`), omitBackground: true });
    await page.close();
    console.log(`icon-${size}.png`);
  }
} finally {
  await browser.close();
}
