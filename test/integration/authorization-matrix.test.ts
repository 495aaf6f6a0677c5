import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeKey } from '../../functions/lib/wiring';
import { type LocalStack } from '../../functions/local/stack';
import { MANIFEST } from '../../functions/manifest';
import { type Store } from '../../functions/store';
import { sha256 } from '../../functions/lib/auth/tokens';
import { ApiClient } from '../support/api-client';
import { startTestStack } from '../support/stack';
import { signedInAs, type Persona } from '../support/personas';

/**
 * The authorization matrix: for every route that exists, callers who must NOT get through — anonymous,
 * another enterprise, a regulator of another department, of another city, of another category, or
 * without the route's role — are tried, and each must be refused (401/403/404). Every non-public route
 * must have a row here: a route added without one fails the completeness test, so each later issue
 * extends the matrix with its routes.
 */

/** A request to make: method + concrete path + body, built from ids the test knows. */
interface Probe {
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
}

interface Row {
  probe: Probe;
  /** Who must be refused. */
  denied: Persona[];
  /** One caller who must get through (proves the probe is well-formed, so the denials mean something). */
  allowed?: Persona;
  /** What the allowed caller gets. */
  allowedStatus?: number;
}

const INSPECTOR_QZ: Persona = {
  kind: 'regulator',
  department: 'anjian',
  regionCode: '3505',
  categories: ['hazchem'],
  roles: ['inspector'],
};
const INSPECTOR_SM: Persona = {
  kind: 'regulator',
  department: 'anjian',
  regionCode: '3504',
  categories: ['hazchem'],
  roles: ['inspector'],
};
const GONGAN_QZ: Persona = {
  kind: 'regulator',
  department: 'gongan',
  regionCode: '3505',
  categories: ['firearms'],
  roles: ['inspector'],
};
const ENTERPRISE_A: Persona = { kind: 'enterprise', enterpriseId: 'ent-000001' };
const ENTERPRISE_B: Persona = { kind: 'enterprise', enterpriseId: 'ent-000002' };
const SYS_ADMIN: Persona = {
  kind: 'regulator',
  department: 'anjian',
  regionCode: '35',
  categories: ['hazchem'],
  roles: ['sys-admin'],
};
const AUDIT_ADMIN: Persona = {
  kind: 'regulator',
  department: 'anjian',
  regionCode: '35',
  categories: ['hazchem'],
  roles: ['audit-admin'],
};
const SEC_ADMIN: Persona = {
  kind: 'regulator',
  department: 'anjian',
  regionCode: '35',
  categories: ['hazchem'],
  roles: ['sec-admin'],
};
/** A department admin of 公安 泉州: may administer only 公安 accounts in 3505. */
const DEPT_ADMIN_GONGAN_QZ: Persona = {
  kind: 'regulator',
  department: 'gongan',
  regionCode: '3505',
  categories: ['firearms'],
  roles: ['dept-admin'],
};

const EVERYONE_BUT = (...allowed: Persona[]) =>
  [
    INSPECTOR_QZ,
    INSPECTOR_SM,
    GONGAN_QZ,
    ENTERPRISE_A,
    ENTERPRISE_B,
    SYS_ADMIN,
    AUDIT_ADMIN,
    SEC_ADMIN,
    DEPT_ADMIN_GONGAN_QZ,
  ].filter((p) => !allowed.includes(p));

const REVIEWER_QZ_FIREWORKS: Persona = {
  kind: 'regulator',
  department: 'anjian',
  regionCode: '3505',
  categories: ['fireworks'],
  roles: ['reviewer'],
};
const REVIEWER_SM_FIREWORKS: Persona = {
  kind: 'regulator',
  department: 'anjian',
  regionCode: '3504',
  categories: ['fireworks'],
  roles: ['reviewer'],
};
const REVIEWER_QZ_EXPLOSIVES: Persona = {
  kind: 'regulator',
  department: 'jingxin',
  regionCode: '3505',
  categories: ['explosives'],
  roles: ['reviewer'],
};
/** A pending application of a 泉州 fireworks retailer, created in beforeAll. */
let application = '';

/** An 安监 三明 account that 公安's department admin must not touch. */
const OTHER_ACCOUNT = 'reg-13900000031';

/** By route key. Routes of the identity context act on the caller's own session only: any signed-in caller may. */
const MATRIX: Record<string, Row> = {
  'GET /api/register/units/{category}/{segment}': {
    // 泉州's hazchem list: other categories, other cities' regions, enterprises and anonymous are refused.
    probe: { method: 'GET', path: '/api/register/units/hazchem/production?region=3505' },
    denied: [INSPECTOR_SM, GONGAN_QZ, ENTERPRISE_A, ENTERPRISE_B, REVIEWER_QZ_EXPLOSIVES],
    allowed: INSPECTOR_QZ,
    allowedStatus: 200,
  },
  'GET /api/registration/reviews': {
    probe: { method: 'GET', path: '/api/registration/reviews?category=fireworks' },
    denied: [INSPECTOR_QZ, ENTERPRISE_A, SYS_ADMIN, AUDIT_ADMIN, REVIEWER_QZ_EXPLOSIVES],
    allowed: REVIEWER_QZ_FIREWORKS,
    allowedStatus: 200,
  },
  'POST /api/registration/reviews/{requestId}/approve': {
    probe: { method: 'POST', path: '/api/registration/reviews/{application}/approve' },
    denied: [INSPECTOR_QZ, ENTERPRISE_A, SYS_ADMIN, AUDIT_ADMIN, REVIEWER_QZ_EXPLOSIVES, REVIEWER_SM_FIREWORKS],
  },
  'POST /api/registration/reviews/{requestId}/reject': {
    probe: { method: 'POST', path: '/api/registration/reviews/{application}/reject', body: { reason: '越权测试' } },
    denied: [INSPECTOR_QZ, ENTERPRISE_A, SYS_ADMIN, AUDIT_ADMIN, REVIEWER_QZ_EXPLOSIVES, REVIEWER_SM_FIREWORKS],
  },
  'GET /api/audit/logs': {
    probe: { method: 'GET', path: '/api/audit/logs' },
    denied: EVERYONE_BUT(AUDIT_ADMIN),
    allowed: AUDIT_ADMIN,
    allowedStatus: 200,
  },
  'GET /api/audit/verify': {
    probe: { method: 'GET', path: '/api/audit/verify?shard=0' },
    denied: EVERYONE_BUT(AUDIT_ADMIN),
    allowed: AUDIT_ADMIN,
    allowedStatus: 200,
  },
  'GET /api/admin/accounts': {
    probe: { method: 'GET', path: '/api/admin/accounts?department=anjian' },
    denied: [INSPECTOR_QZ, GONGAN_QZ, ENTERPRISE_A, AUDIT_ADMIN, SEC_ADMIN, DEPT_ADMIN_GONGAN_QZ],
    allowed: SYS_ADMIN,
    allowedStatus: 200,
  },
  'POST /api/admin/accounts': {
    probe: {
      method: 'POST',
      path: '/api/admin/accounts',
      body: {
        mobile: '13512340000',
        name: '王测试',
        department: 'anjian',
        regionCode: '3504',
        categories: ['hazchem'],
        roles: ['inspector'],
      },
    },
    denied: [INSPECTOR_QZ, GONGAN_QZ, ENTERPRISE_A, AUDIT_ADMIN, SEC_ADMIN, DEPT_ADMIN_GONGAN_QZ],
  },
  'POST /api/admin/accounts/{accountId}/disable': {
    probe: { method: 'POST', path: `/api/admin/accounts/${OTHER_ACCOUNT}/disable` },
    denied: [INSPECTOR_QZ, GONGAN_QZ, ENTERPRISE_A, AUDIT_ADMIN, SEC_ADMIN, DEPT_ADMIN_GONGAN_QZ],
  },
  'POST /api/admin/accounts/{accountId}/enable': {
    probe: { method: 'POST', path: `/api/admin/accounts/${OTHER_ACCOUNT}/enable` },
    denied: [INSPECTOR_QZ, GONGAN_QZ, ENTERPRISE_A, AUDIT_ADMIN, SEC_ADMIN, DEPT_ADMIN_GONGAN_QZ],
  },
  'POST /api/admin/accounts/{accountId}/reset-password': {
    probe: { method: 'POST', path: `/api/admin/accounts/${OTHER_ACCOUNT}/reset-password` },
    denied: [INSPECTOR_QZ, GONGAN_QZ, ENTERPRISE_A, AUDIT_ADMIN, SEC_ADMIN, DEPT_ADMIN_GONGAN_QZ],
  },
  'GET /api/admin/accounts/import-template': {
    probe: { method: 'GET', path: '/api/admin/accounts/import-template' },
    denied: [INSPECTOR_QZ, GONGAN_QZ, ENTERPRISE_A, AUDIT_ADMIN, SEC_ADMIN],
    allowed: SYS_ADMIN,
    allowedStatus: 200,
  },
  'POST /api/admin/accounts/import': {
    probe: {
      method: 'POST',
      path: '/api/admin/accounts/import',
      body: { filename: 'a.xlsx', contentBase64: 'UEsDBA==' },
    },
    denied: [INSPECTOR_QZ, GONGAN_QZ, ENTERPRISE_A, AUDIT_ADMIN, SEC_ADMIN],
  },
};

/** The identity context's own-session routes: every signed-in caller may use them on their own session. */
const OWN_SESSION_ROUTES = new Set(
  MANIFEST.find((c) => c.context === 'identity')!
    .routes.filter((r) => !r.public)
    .map(routeKey),
);

describe('the authorization matrix', () => {
  let stack: LocalStack;
  let store: Store;

  beforeAll(async () => {
    ({ stack, store } = await startTestStack({ seedEnterprises: 4 }));
    await store.captchas
      .create({ captchaId: 'matrix', answerHash: sha256('ABCD'), expiresAt: Math.floor(Date.now() / 1000) + 300 })
      .go();
    const applied = await new ApiClient(stack.url).post('/api/registration', {
      hasLicence: false,
      unit: {
        name: '泉州市测试烟花零售店',
        address: '泉州市丰泽区东湖街1号',
        legalRepresentative: '黄志明',
        phone: '0595-22345678',
      },
      regionCode: '350503',
      segments: [{ category: 'fireworks', segment: 'retail' }],
      informant: { name: '黄志明', idCardNo: '11010519491231002X', mobile: '13812349999' },
      password: 'Yanhua#2026',
      declaration: true,
      captchaId: 'matrix',
      captcha: 'ABCD',
    });
    application = applied.body.requestId;
  }, 120_000);
  afterAll(async () => stack?.stop());

  it('has a row for every non-public route that exists', () => {
    const guarded = MANIFEST.flatMap((c) => c.routes.filter((r) => !r.public).map(routeKey)).filter(
      (k) => !OWN_SESSION_ROUTES.has(k),
    );
    expect(guarded.filter((k) => !(k in MATRIX))).toEqual([]);
    expect(Object.keys(MATRIX).filter((k) => !guarded.includes(k))).toEqual([]);
  });

  for (const [key, row] of Object.entries(MATRIX)) {
    it(`${key}: refuses anonymous callers and every persona outside its scope`, async () => {
      const anonymous = new ApiClient(stack.url);
      const path = row.probe.path.replace('{application}', application);
      const a = await anonymous.request(row.probe.method, path, row.probe.body);
      expect(a.status).toBe(401);
      for (const persona of row.denied) {
        const c = await signedInAs(store, stack.url, persona);
        const r = await c.request(row.probe.method, path, row.probe.body);
        expect([403, 404], `${JSON.stringify(persona)} got ${r.status} ${JSON.stringify(r.body)}`).toContain(r.status);
      }
      if (row.allowed) {
        const c = await signedInAs(store, stack.url, row.allowed);
        const r = await c.request(row.probe.method, path, row.probe.body);
        expect(r.status, JSON.stringify(r.body)).toBe(row.allowedStatus);
      }
    });
  }
});
