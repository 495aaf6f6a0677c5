/**
 * Screenshots of the main screens at desktop (1366×900) and phone (390×844) width, from `web/build` served
 * by the local gateway. Build first (`npm run build:web`), then:
 *
 *   npx tsx web/scripts/screenshots.ts [outDir=/tmp/web-shots]
 *
 * The gateway runs without the API: the few identity answers the pages need (the session, the captcha, a TOTP
 * secret) are stubbed in the browser, so the signed-in shells and the sign-in steps can be drawn without a
 * database. Uses Debian's Chromium (`apt-get install chromium fonts-noto-cjk`); never `npx playwright install`.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import type { SessionResponse, SessionStage } from '../../shared/api/identity';
import { drawCaptcha } from '../../functions/lib/auth/captcha';
import { startGateway } from '../../functions/local/gateway';
import { launchBrowser } from '../../test/support/browser';

const outDir = process.argv[2] ?? '/tmp/web-shots';

type Who = 'nobody' | 'regulator' | 'enterprise';

/** name, path, who is signed in, and at which stage. */
const PAGES: readonly (readonly [string, string, Who, SessionStage?])[] = [
  ['portal', '/', 'nobody'],
  ['login-explosives', '/platform/explosives/login', 'nobody'],
  ['no-permission-firearms', '/platform/firearms/no-permission', 'nobody'],
  ['password-first-login', '/platform/explosives/password', 'regulator', 'password-change'],
  ['totp-enrolment', '/platform/explosives/totp', 'regulator', 'totp-enrolment'],
  ['shell-explosives', '/platform/explosives', 'regulator'],
  ['shell-explosives-hazards', '/platform/explosives/inspections/hazards/to-confirm', 'regulator'],
  ['shell-explosives-password', '/platform/explosives/password', 'regulator'],
  ['enterprise-login', '/enterprise/login', 'nobody'],
  ['enterprise-register', '/enterprise/register', 'nobody'],
  ['enterprise-shell', '/enterprise/flow/warehouses', 'enterprise'],
  ['not-found', '/platform/unknown/login', 'nobody'],
];

const VIEWPORTS = [
  ['desktop', { width: 1366, height: 900 }],
  ['phone', { width: 390, height: 844 }],
] as const;

function sessionOf(who: Exclude<Who, 'nobody'>, stage: SessionStage): SessionResponse {
  const account: SessionResponse['account'] =
    who === 'regulator'
      ? {
          accountId: 'reg-13900000005',
          kind: 'regulator',
          login: '13900000005',
          name: '刘斌',
          department: 'jingxin',
          regionCode: '35',
          categories: ['explosives'],
          roles: ['dept-admin'],
          category: 'explosives',
          totpEnrolled: false,
        }
      : {
          accountId: 'ent-000001',
          kind: 'enterprise',
          login: '91350102845197810R',
          name: '李静娟',
          enterpriseId: 'ent-000001',
          totpEnrolled: false,
        };
  return {
    stage,
    ...(stage === 'password-change' ? { passwordChangeReason: 'initial' as const } : {}),
    account,
    idleTimeoutSeconds: 1800,
  };
}

/** Answer the identity routes the pages ask for as `who` at `stage` would see them. */
async function stubIdentity(context: BrowserContext, origin: string, who: Who, stage: SessionStage): Promise<void> {
  await context.unrouteAll();
  await context.clearCookies();
  await context.route('**/api/auth/captcha', (route) =>
    route.fulfill({ json: { captchaId: 'shot', svg: drawCaptcha('K7PX'), expiresInSeconds: 300 } }),
  );
  if (who === 'nobody') return;
  // The script-readable cookie that tells the site a session may exist.
  await context.addCookies([{ name: 'hz_csrf', value: 'screenshot', url: origin }]);
  await context.route('**/api/auth/session', (route) => route.fulfill({ json: sessionOf(who, stage) }));
  await context.route('**/api/auth/totp/enrolment', (route) =>
    route.fulfill({
      json: {
        secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
        otpauthUri: 'otpauth://totp/demo:13900000005?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=demo',
      },
    }),
  );
}

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
    for (const [name, url, who, stage = 'active'] of PAGES) {
      await stubIdentity(context, origin, who, stage);
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
