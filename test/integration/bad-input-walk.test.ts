import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeKey, type RouteDef } from '../../functions/lib/wiring';
import { LOCAL_NAMES } from '../../functions/local/stack';
import { MANIFEST } from '../../functions/manifest';
import type { ApiClient } from '../support/api-client';
import { signedInAs, type Persona } from '../support/personas';
import { startTestStack, type TestStack } from '../support/stack';

/**
 * Bad input to every route that takes input: a body of the wrong type, an empty body, and oversized
 * strings each get a 400 with a Chinese message — never a 500 — and nothing is written (the table's item
 * count does not move). Walked over the whole manifest, so a new route is covered the day it is declared.
 */
const CHINESE = /[\u4e00-\u9fff]/;
const HUGE = '福'.repeat(5000);

const withBody = MANIFEST.flatMap((c) => c.routes.filter((r) => r.body).map((r) => r as RouteDef));
const withQuery = MANIFEST.flatMap((c) => c.routes.filter((r) => r.query).map((r) => r as RouteDef));

/** Every string field of an object schema set to an oversized value (nested objects too). */
function oversized(schema: unknown): unknown {
  const shape = (schema as { shape?: Record<string, unknown> }).shape;
  if (!shape) return HUGE;
  return Object.fromEntries(Object.keys(shape).map((k) => [k, HUGE]));
}

const concrete = (path: string) =>
  path.replace(/\{(\w+)\+?\}/g, (_m, name: string) => (name === 'requestId' ? 'reg-walk-000000' : 'walk-000000'));

describe('the bad-input walk', () => {
  let t: TestStack;
  let admin: ApiClient;
  let business: ApiClient;
  /** Routes for enterprise accounts only are walked as one: a regulator is refused before the input is read. */
  let enterprise: ApiClient;
  /** Business routes admit no admin role (三员分立): they are walked by a business account of every scope. */
  const callerOf = (r: RouteDef) =>
    r.access?.kind === 'enterprise'
      ? enterprise
      : r.access && 'business' in r.access && r.access.business
        ? business
        : admin;

  /** Items in the table: a write anywhere moves it. */
  const itemCount = async () =>
    (await t.stack.dynamodb.send(new DescribeTableCommand({ TableName: LOCAL_NAMES.table }))).Table!.ItemCount ?? 0;

  beforeAll(async () => {
    t = await startTestStack({ seedEnterprises: 2 });
    // Callers every guarded route admits between them: all categories, province level; the admin roles, and
    // the business roles apart (an account holding both does no business: 三员分立).
    const everywhere: Omit<Extract<Persona, { kind: 'regulator' }>, 'roles'> = {
      kind: 'regulator',
      department: 'anjian',
      regionCode: '35',
      categories: [
        'firearms',
        'hazchem',
        'explosives',
        'bulk-gasoline',
        'radioactive',
        'fireworks',
        'an-fertiliser',
        'transport',
      ],
    };
    admin = await signedInAs(t.store, t.url, {
      ...everywhere,
      roles: ['inspector', 'reviewer', 'dept-admin', 'sys-admin', 'sec-admin', 'audit-admin'],
    });
    business = await signedInAs(t.store, t.url, { ...everywhere, roles: ['inspector', 'reviewer'] });
    enterprise = await signedInAs(t.store, t.url, { kind: 'enterprise', enterpriseId: 'ent-000001' });
  }, 120_000);
  afterAll(async () => t?.stop());

  it('finds routes to walk', () => {
    expect(withBody.length).toBeGreaterThan(5);
    expect(withQuery.length).toBeGreaterThan(2);
  });

  it.each(withBody.map((r) => [routeKey(r), r] as const))(
    '%s refuses a wrong-typed, an empty and an oversized body',
    async (_k, route) => {
      const path = concrete(route.path);
      // An empty object is a valid body where every field is optional (e.g. starting a TOTP binding).
      const emptyAllowed = (route.body as unknown as { safeParse(v: unknown): { success: boolean } }).safeParse(
        {},
      ).success;
      for (const body of [[1, 2], 'text', ...(emptyAllowed ? [] : [{}]), oversized(route.body)]) {
        const r = await callerOf(route).request(route.method, path, body);
        expect(r.status, `${JSON.stringify(body).slice(0, 60)} → ${JSON.stringify(r.body)}`).toBe(400);
        expect(r.body.error.message).toMatch(CHINESE);
        for (const d of r.body.error.details ?? []) expect(d.message).toMatch(CHINESE);
      }
    },
  );

  it.each(withQuery.map((r) => [routeKey(r), r] as const))(
    '%s refuses an oversized value in each query field',
    async (_k, route) => {
      const shape = (route.query as unknown as { shape: Record<string, unknown> }).shape;
      // Longer than any limit we set (the longest, a cursor, is 2048), short enough for the URL.
      for (const field of Object.keys(shape)) {
        const r = await callerOf(route).request('GET', `${concrete(route.path)}?${field}=${'x'.repeat(2100)}`);
        expect(r.status, `${field}: ${JSON.stringify(r.body)}`).toBe(400);
        expect(r.body.error.message).toMatch(CHINESE);
      }
    },
  );

  it.each(withBody.map((r) => [routeKey(r), r] as const))(
    '%s refuses control and direction characters in any text field, naming the field',
    async (_k, route) => {
      const shape = (route.body as unknown as { shape?: Record<string, unknown> }).shape ?? { text: null };
      for (const bad of ['x\u0000y', '合同\u202Etxt.exe', 'a\uD800']) {
        const body = Object.fromEntries(Object.keys(shape).map((k) => [k, bad]));
        const r = await callerOf(route).request(route.method, concrete(route.path), body);
        expect(r.status, JSON.stringify(r.body)).toBe(400);
        expect(r.body.error.message).toMatch(/^「.+」包含不允许的字符/);
      }
    },
  );

  it.each(withQuery.map((r) => [routeKey(r), r] as const))(
    '%s refuses control characters in the query string',
    async (_k, route) => {
      const field = Object.keys((route.query as unknown as { shape: Record<string, unknown> }).shape)[0]!;
      const r = await callerOf(route).request(
        'GET',
        `${concrete(route.path)}?${field}=${encodeURIComponent('x\u001b[2J')}`,
      );
      expect(r.status, JSON.stringify(r.body)).toBe(400);
      expect(r.body.error.message).toMatch(/包含不允许的字符/);
    },
  );

  it('wrote nothing while refusing all of that', async () => {
    // DescribeTable's ItemCount is live on DynamoDB Local; compare before/after one more full pass.
    const before = await itemCount();
    for (const route of withBody) await callerOf(route).request(route.method, concrete(route.path), {});
    expect(await itemCount()).toBe(before);
  });
});
