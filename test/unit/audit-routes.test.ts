/**
 * The audit context's routes without a database: who may call them, the 401 without a session, the 400s
 * of the query (in Chinese, with the field), and their place in the OpenAPI document.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { describe, expect, it } from 'vitest';
import { handler } from '../../functions/audit/handler';
import { decodeCursor, encodeCursor, resolveQuery } from '../../functions/audit/logs';
import { auditManifest, listAuditLogs, verifyAuditChains } from '../../functions/audit/manifest';
import type { Principal } from '../../functions/lib/auth/principal';
import type { AppError } from '../../functions/lib/http/errors';
import { admit, httpRoute } from '../../functions/lib/http/route';
import { MANIFEST } from '../../functions/manifest';
import { buildOpenApi } from '../../functions/platform/openapi';
import { AuditLogQuery, AuditVerifyQuery } from '../../shared/api/audit';
import { ctx, httpEvent } from '../support/events';

const logger = new Logger({ serviceName: 'test', logLevel: 'SILENT' });
const parse = (r: { body?: string }) => JSON.parse(r.body ?? '{}');

const regulator = (roles: string[]): Principal =>
  ({
    kind: 'regulator',
    accountId: 'reg-1',
    sessionId: 's',
    login: '13900000001',
    name: '测试',
    stage: 'active',
    department: 'gongan',
    regionCode: '35',
    categories: ['firearms'],
    roles,
    category: 'firearms',
  }) as unknown as Principal;

describe('the audit context', () => {
  it('is wired, reads only, and lets only the 审计管理员 in', () => {
    expect(MANIFEST).toContain(auditManifest);
    // Reads the trail (and the account of a login filter); writes nothing but the caller's session and the
    // daily anchors of the chain heads.
    expect(auditManifest.grants).toEqual({
      table: { read: ['audit', 'accounts'], write: ['sessions'] },
      auditAnchors: 'readwrite',
    });
    for (const r of [listAuditLogs, verifyAuditChains]) {
      expect(r.public).toBe(false);
      expect(r.access).toEqual({ kind: 'regulator', roles: ['audit-admin'] });
    }
  });

  it('admits an audit-admin and refuses the other administrators and enterprises', () => {
    const status = (p: Principal) => {
      try {
        admit(listAuditLogs, { principal: p });
        return 200;
      } catch (e) {
        return (e as AppError).status;
      }
    };
    expect(status(regulator(['audit-admin']))).toBe(200);
    expect(status(regulator(['sys-admin']))).toBe(403);
    expect(status(regulator(['sec-admin', 'inspector']))).toBe(403);
    expect(
      status({
        kind: 'enterprise',
        accountId: 'e',
        sessionId: 's',
        login: '9135',
        name: '企业',
        stage: 'active',
        enterpriseId: 'ent-1',
      } as unknown as Principal),
    ).toBe(403);
  });

  it('answers 401 without a session, on both routes, before reading the query', async () => {
    for (const [path, query] of [
      ['/api/audit/logs', { limit: '1000' }],
      ['/api/audit/verify', { shard: 'x' }],
    ] as const) {
      const res = await handler(httpEvent({ method: 'GET', path, query }), ctx());
      expect((res as { statusCode: number }).statusCode).toBe(401);
      expect(parse(res as { body: string }).error.code).toBe('UNAUTHENTICATED');
    }
  });
});

describe('the query of the audit log', () => {
  // The same schemas through the real parsing, on a public copy of the route (the session check comes first).
  let seen: unknown;
  const route = httpRoute(
    { ...listAuditLogs, public: true },
    async ({ query }) => {
      seen = query;
      return { items: [], cursor: null };
    },
    logger,
  );
  const call = (query: Record<string, string>) =>
    route(httpEvent({ method: 'GET', path: '/api/audit/logs', query }), ctx());
  const problems = async (query: Record<string, string>) => {
    const res = await call(query);
    expect(res.statusCode).toBe(400);
    const { error } = parse(res);
    return Object.fromEntries(error.details.map((d: { path: string; message: string }) => [d.path, d.message]));
  };

  it('accepts an empty query and fills in the page size', async () => {
    const res = await call({});
    expect(res.statusCode).toBe(200);
    expect(seen).toEqual({ limit: 20 });
  });

  it('refuses a date that is not a date', async () => {
    expect(await problems({ from: '2026-02-30' })).toEqual({ 'query.from': '「开始日期」应为日期，格式为 YYYY-MM-DD' });
    expect(await problems({ to: '10/03/2026' })).toEqual({ 'query.to': '「结束日期」应为日期，格式为 YYYY-MM-DD' });
  });

  it('refuses a span over 31 days and a start after the end', async () => {
    expect(await problems({ from: '2026-01-01', to: '2026-02-01' })).toEqual({
      'query.to': '查询时间范围不能超过 31 天',
    });
    expect((await call({ from: '2026-01-01', to: '2026-01-31' })).statusCode).toBe(200);
    expect(await problems({ from: '2026-03-02', to: '2026-03-01' })).toEqual({
      'query.from': '开始日期不能晚于结束日期',
    });
  });

  it('refuses a page size over 100, under 1 or not a number', async () => {
    expect(await problems({ limit: '101' })).toEqual({ 'query.limit': '「每页条数」不能大于 100' });
    expect(await problems({ limit: '0' })).toEqual({ 'query.limit': '「每页条数」不能小于 1' });
    expect(await problems({ limit: 'abc' })).toEqual({ 'query.limit': '「每页条数」应为数字' });
  });

  it('refuses a malformed cursor, action code or outcome, and both account filters at once', async () => {
    expect(await problems({ cursor: 'not a cursor!' })).toEqual({ 'query.cursor': '翻页标记无效，请重新查询' });
    expect(await problems({ action: 'auth login' })).toEqual({
      'query.action': '「操作类型」格式不正确，例如 auth 或 auth.login',
    });
    expect(await problems({ outcome: 'ok' })).toEqual({ 'query.outcome': '「结果」应为 success、failure 或 denied' });
    expect(await problems({ accountId: 'a', login: 'b' })).toEqual({ 'query.login': '账号编号与登录账号只能填写一项' });
    expect(await problems({ objectId: 'x' })).toEqual({ 'query.objectId': '按对象编号查询时须同时选择对象类型' });
  });

  it('defaults to the last 7 days in Shanghai and refuses a default span over 31 days', () => {
    // 2026-03-10 01:00 in Shanghai is still 03-09 in UTC.
    const now = new Date('2026-03-09T17:00:00.000Z');
    expect(resolveQuery(AuditLogQuery.parse({}), now)).toMatchObject({ from: '2026-03-04', to: '2026-03-10' });
    expect(resolveQuery(AuditLogQuery.parse({ to: '2026-02-01' }), now)).toMatchObject({ from: '2026-01-26' });
    expect(() => resolveQuery(AuditLogQuery.parse({ from: '2026-01-01' }), now)).toThrow(/不能超过 31 天/);
  });

  it('makes an opaque cursor and refuses one it did not make', () => {
    const c = encodeCursor({
      v: 1,
      q: '0123456789abcdef',
      d: '2026-03-09',
      k: { at: '2026-03-09T01:00:00.000Z', s: 3, n: 7 },
    });
    expect(c).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(c)).toEqual({
      v: 1,
      q: '0123456789abcdef',
      d: '2026-03-09',
      k: { at: '2026-03-09T01:00:00.000Z', s: 3, n: 7 },
    });
    for (const bad of ['', 'e30', 'bm9wZQ', Buffer.from('{"v":2,"q":"0123456789abcdef"}').toString('base64url')]) {
      expect(() => decodeCursor(bad)).toThrow(/翻页标记无效/);
    }
  });
});

describe('the verify query', () => {
  it('takes an optional shard within the chains', () => {
    expect(AuditVerifyQuery.safeParse({}).success).toBe(true);
    expect(AuditVerifyQuery.parse({ shard: '15' })).toEqual({ shard: 15 });
    expect(AuditVerifyQuery.safeParse({ shard: '16' }).success).toBe(false);
    expect(AuditVerifyQuery.safeParse({ shard: '-1' }).success).toBe(false);
  });
});

describe('the OpenAPI document', () => {
  it('describes both routes with their named schemas and the session requirement', () => {
    const doc = buildOpenApi(MANIFEST, 'test') as {
      paths: Record<string, Record<string, { security: unknown; parameters: { name: string }[] }>>;
      components: { schemas: Record<string, unknown> };
    };
    const logs = doc.paths['/api/audit/logs']!.get!;
    expect(logs.security).toEqual([{ session: [] }]);
    expect(logs.parameters.map((p) => p.name)).toEqual([
      'from',
      'to',
      'action',
      'accountId',
      'login',
      'outcome',
      'objectType',
      'objectId',
      'cursor',
      'limit',
    ]);
    expect(doc.paths['/api/audit/verify']!.get).toBeDefined();
    for (const id of ['AuditLogsResponse', 'AuditLogItem', 'AuditVerifyResponse', 'AuditChainStatus']) {
      expect(doc.components.schemas).toHaveProperty(id);
    }
  });
});
