/**
 * Screenshots of the main screens at desktop (1366×900) and phone (390×844) width, from `web/build` served
 * by the local gateway. Build first (`npm run build:web`), then:
 *
 *   npx tsx web/scripts/screenshots.ts [outDir=/tmp/web-shots]
 *
 * Uses Debian's Chromium (`apt-get install chromium fonts-noto-cjk`); never `npx playwright install`.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { startGateway } from '../../functions/local/gateway';
import { launchBrowser } from '../../test/support/browser';

const outDir = process.argv[2] ?? '/tmp/web-shots';

const PAGES = [
  ['portal', '/'],
  ['login-explosives', '/platform/explosives/login'],
  ['shell-explosives', '/platform/explosives'],
  ['shell-explosives-hazards', '/platform/explosives/inspections/hazards/to-confirm'],
  ['enterprise-login', '/enterprise/login'],
  ['enterprise-register', '/enterprise/register'],
  ['enterprise-shell', '/enterprise/flow/warehouses'],
  ['not-found', '/platform/unknown/login'],
] as const;

const VIEWPORTS = [
  ['desktop', { width: 1366, height: 900 }],
  ['phone', { width: 390, height: 844 }],
] as const;

// The local gateway with no API: it serves web/build exactly as `npm start` does.
const gateway = await startGateway({ port: 0, siteDir: 'web/build', manifest: [], handlers: new Map() });
const origin = gateway.url;
const browser = await launchBrowser();
try {
  await mkdir(outDir, { recursive: true });
  for (const [device, viewport] of VIEWPORTS) {
    const context = await browser.newContext({ viewport, locale: 'zh-CN', isMobile: device === 'phone' });
    const page = await context.newPage();
    page.on('pageerror', (e) => console.error(`[${device}] page error: ${e.message}`));
    for (const [name, url] of PAGES) {
      await page.goto(origin + url, { waitUntil: 'networkidle' });
      const file = path.join(outDir, `${name}-${device}.png`);
      await page.screenshot({ path: file, fullPage: true });
      console.log(file);
    }
    await context.close();
  }
} finally {
  await browser.close();
  await gateway.close();
}
