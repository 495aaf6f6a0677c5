import { Logger } from '@aws-lambda-powertools/logger';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { conflict } from '../../functions/lib/http/errors';
import { Reply } from '../../functions/lib/http/responses';
import { clientRequestIdOf, httpRoute } from '../../functions/lib/http/route';
import { defineRoute } from '../../functions/lib/wiring';
import { ctx, httpEvent } from '../support/events';

const logger = new Logger({ serviceName: 'test', logLevel: 'SILENT' });

const createThing = defineRoute({
  operationId: 'createThing',
  method: 'POST',
  path: '/api/things/{id}',
  public: true,
  summary: 'test route',
  params: z.object({
    id: z.string().check(z.regex(/^t-\d+$/), z.meta({ title: '编号' })),
  }),
  query: z.object({ dryRun: z.optional(z.enum(['true', 'false'])) }),
  body: z.strictObject({
    name: z.string().check(z.minLength(1), z.maxLength(5), z.meta({ title: '单位名称' })),
    count: z.number().check(z.int()),
  }),
  response: z.object({ id: z.string(), name: z.string() }),
  successStatus: 201,
});

const privateRoute = defineRoute({ ...createThing, operationId: 'privateThing', public: false });

const parse = (r: { body?: string }) => JSON.parse(r.body ?? '{}');

describe('the route wrapper', () => {
  const ok = httpRoute(createThing, async ({ params, body }) => ({ id: params.id, name: body.name }), logger);

  it('parses path and body and answers with the declared status', async () => {
    const res = await ok(
      httpEvent({
        method: 'POST',
        path: '/api/things/t-1',
        routePath: '/api/things/{id}',
        params: { id: 't-1' },
        body: { name: '福州', count: 1 },
      }),
      ctx(),
    );
    expect(res.statusCode).toBe(201);
    expect(parse(res)).toEqual({ id: 't-1', name: '福州' });
    expect(res.headers?.['x-request-id']).toBe('req-test-0001');
  });

  it('reports every invalid field at once, in Chinese, with its path, as a 400', async () => {
    const res = await ok(
      httpEvent({
        method: 'POST',
        path: '/api/things/x',
        params: { id: 'x' },
        query: { dryRun: 'maybe' },
        body: { name: '福建省三明市', count: 'a', extra: 1 },
      }),
      ctx(),
    );
    expect(res.statusCode).toBe(400);
    const { error } = parse(res);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toMatch(/处错误/);
    const byPath = Object.fromEntries(error.details.map((d: { path: string; message: string }) => [d.path, d.message]));
    expect(byPath['params.id']).toBe('「编号」格式不正确');
    expect(byPath['query.dryRun']).toBe('不是可选的值');
    expect(byPath['body.name']).toBe('「单位名称」不能超过 5 个字符');
    expect(byPath['body.count']).toBe('应为数字');
    expect(byPath['body']).toMatch(/不认识的字段：extra/);
  });

  it('says a missing required field is required', async () => {
    const res = await ok(
      httpEvent({ method: 'POST', path: '/api/things/t-1', params: { id: 't-1' }, body: { count: 1 } }),
      ctx(),
    );
    expect(parse(res).error.details).toEqual([{ path: 'body.name', message: '「单位名称」为必填项' }]);
  });

  it('refuses a body that is not JSON with 400, and a non-JSON content type with 415', async () => {
    const bad = await ok(
      httpEvent({ method: 'POST', path: '/api/things/t-1', params: { id: 't-1' }, rawBody: '{"name":' }),
      ctx(),
    );
    expect(bad.statusCode).toBe(400);
    expect(parse(bad).error.message).toBe('请求内容不是有效的 JSON');
    const wrongType = await ok(
      httpEvent({
        method: 'POST',
        path: '/api/things/t-1',
        params: { id: 't-1' },
        rawBody: 'name=x',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      }),
      ctx(),
    );
    expect(wrongType.statusCode).toBe(415);
  });

  it('refuses an oversized body with 413 before parsing it', async () => {
    const res = await ok(
      httpEvent({
        method: 'POST',
        path: '/api/things/t-1',
        params: { id: 't-1' },
        rawBody: `"${'x'.repeat(1_100_000)}"`,
      }),
      ctx(),
    );
    expect(res.statusCode).toBe(413);
    expect(parse(res).error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers 401 on a non-public route when there is no session, before looking at the input', async () => {
    let called = false;
    const h = httpRoute(privateRoute, async () => ((called = true), { id: '', name: '' }), logger);
    const res = await h(httpEvent({ method: 'POST', path: '/api/things/x', body: {} }), ctx());
    expect(res.statusCode).toBe(401);
    expect(parse(res).error).toMatchObject({ code: 'UNAUTHENTICATED', message: '请先登录' });
    expect(called).toBe(false);
  });

  it('passes an AppError through with its status and message', async () => {
    const h = httpRoute(
      createThing,
      async () => {
        throw conflict('该企业信息已被他人修改，请刷新后重试');
      },
      logger,
    );
    const res = await h(
      httpEvent({ method: 'POST', path: '/api/things/t-1', params: { id: 't-1' }, body: { name: 'a', count: 1 } }),
      ctx(),
    );
    expect(res.statusCode).toBe(409);
    expect(parse(res).error).toMatchObject({ code: 'CONFLICT', message: '该企业信息已被他人修改，请刷新后重试' });
  });

  it('hides the details of an unexpected error behind a 500 with the request id', async () => {
    const h = httpRoute(
      createThing,
      async () => {
        throw new Error('secret table name hazmat-prod-xyz');
      },
      logger,
    );
    const res = await h(
      httpEvent({ method: 'POST', path: '/api/things/t-1', params: { id: 't-1' }, body: { name: 'a', count: 1 } }),
      ctx(),
    );
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain('hazmat-prod');
    expect(parse(res).error).toEqual({
      code: 'INTERNAL',
      message: expect.stringMatching(/系统内部错误/),
      requestId: 'req-test-0001',
    });
  });

  it('turns DynamoDB throttling into 503 (busy), not 500', async () => {
    const throttled = Object.assign(new Error('slow down'), { name: 'ProvisionedThroughputExceededException' });
    const h = httpRoute(
      createThing,
      async () => {
        throw throttled;
      },
      logger,
    );
    const res = await h(
      httpEvent({ method: 'POST', path: '/api/things/t-1', params: { id: 't-1' }, body: { name: 'a', count: 1 } }),
      ctx(),
    );
    expect(res.statusCode).toBe(503);
    expect(parse(res).error.code).toBe('SERVICE_UNAVAILABLE');
  });

  it('answers with the server’s request id, never a caller-supplied x-request-id (it picks the audit shard)', async () => {
    const plain = await ok(
      httpEvent({
        method: 'POST',
        path: '/api/things/t-1',
        params: { id: 't-1' },
        body: { name: 'a', count: 1 },
        headers: { 'x-request-id': 'abc-12345678' },
      }),
      ctx(),
    );
    expect(plain.headers?.['x-request-id']).toBe('req-test-0001');
    const odd = await ok(
      httpEvent({
        method: 'POST',
        path: '/api/things/t-1',
        params: { id: 't-1' },
        body: { name: 'a', count: 1 },
        headers: { 'x-request-id': 'a\nb' },
      }),
      ctx(),
    );
    expect(odd.headers?.['x-request-id']).toBe('req-test-0001');
    // The caller's id is kept for the logs only, and only when plain.
    expect(
      clientRequestIdOf(httpEvent({ method: 'GET', path: '/x', headers: { 'x-request-id': 'abc-12345678' } })),
    ).toBe('abc-12345678');
    expect(clientRequestIdOf(httpEvent({ method: 'GET', path: '/x', headers: { 'x-request-id': 'a\nb' } }))).toBe(
      undefined,
    );
  });

  it('lets an implementation set status, headers and multiple cookies', async () => {
    const h = httpRoute(
      createThing,
      async () => new Reply({ id: 'x', name: 'y' }, 200, { 'x-extra': '1' }, ['a=1; HttpOnly', 'b=2; HttpOnly']),
      logger,
    );
    const res = await h(
      httpEvent({ method: 'POST', path: '/api/things/t-1', params: { id: 't-1' }, body: { name: 'a', count: 1 } }),
      ctx(),
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers?.['x-extra']).toBe('1');
    expect(res.cookies).toEqual(['a=1; HttpOnly', 'b=2; HttpOnly']);
  });
});
