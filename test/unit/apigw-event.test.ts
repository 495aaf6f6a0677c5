import { PassThrough } from 'node:stream';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { compileRoute, matchRoute, toApiGatewayEvent, writeResult } from '../../functions/local/apigw-event';

function fakeRequest(method: string, url: string, rawHeaders: string[]): IncomingMessage {
  const s = new PassThrough() as unknown as IncomingMessage;
  Object.assign(s, {
    method,
    url,
    rawHeaders,
    headers: {},
    httpVersion: '1.1',
    socket: { remoteAddress: '::ffff:127.0.0.1' },
  });
  return s;
}

describe('route matching like API Gateway', () => {
  const routes = [
    compileRoute('GET', '/api/enterprises/export'),
    compileRoute('GET', '/api/enterprises/{id}'),
    compileRoute('PUT', '/api/enterprises/{id}'),
  ];

  it('prefers the static route and extracts decoded path parameters', () => {
    expect(matchRoute(routes, 'GET', '/api/enterprises/export')).toMatchObject({
      route: { path: '/api/enterprises/export' },
      params: {},
    });
    expect(matchRoute(routes, 'GET', '/api/enterprises/ent%2D1')).toMatchObject({
      route: { path: '/api/enterprises/{id}' },
      params: { id: 'ent-1' },
    });
  });

  it('tells a wrong method from an unknown path', () => {
    expect(matchRoute(routes, 'DELETE', '/api/enterprises/1')).toEqual({ methodNotAllowed: true });
    expect(matchRoute(routes, 'GET', '/api/nothing')).toBeUndefined();
  });

  it('lets a greedy parameter take the rest of the path', () => {
    const greedy = compileRoute('GET', '/api/files/{key+}');
    expect(matchRoute([greedy], 'GET', '/api/files/a/b/c.pdf')).toMatchObject({ params: { key: 'a/b/c.pdf' } });
  });
});

describe('the API Gateway v2 event', () => {
  const route = compileRoute('POST', '/api/things/{id}');

  it('carries headers, cookies, query, path parameters and a text body as API Gateway sends them', () => {
    const req = fakeRequest('POST', '/api/things/42?a=1&a=2&b=x', [
      'Content-Type',
      'application/json',
      'Cookie',
      'hz_session=abc; hz_csrf=def',
      'X-Multi',
      'one',
      'X-Multi',
      'two',
    ]);
    const e = toApiGatewayEvent(req, Buffer.from('{"k":1}'), route, { id: '42' }, { domainName: 'localhost:3000' });
    expect(e.routeKey).toBe('POST /api/things/{id}');
    expect(e.rawPath).toBe('/api/things/42');
    expect(e.rawQueryString).toBe('a=1&a=2&b=x');
    expect(e.queryStringParameters).toEqual({ a: '1,2', b: 'x' });
    expect(e.pathParameters).toEqual({ id: '42' });
    expect(e.cookies).toEqual(['hz_session=abc', 'hz_csrf=def']);
    expect(e.headers['cookie']).toBeUndefined();
    expect(e.headers['x-multi']).toBe('one,two');
    expect(e.body).toBe('{"k":1}');
    expect(e.isBase64Encoded).toBe(false);
    expect(e.requestContext.http).toMatchObject({ method: 'POST', sourceIp: '127.0.0.1' });
  });

  it('base64-encodes a binary body', () => {
    const req = fakeRequest('POST', '/api/things/1', ['Content-Type', 'application/octet-stream']);
    const bytes = Buffer.from([0, 255, 1, 2]);
    const e = toApiGatewayEvent(req, bytes, route, { id: '1' }, { domainName: 'x' });
    expect(e.isBase64Encoded).toBe(true);
    expect(Buffer.from(e.body!, 'base64')).toEqual(bytes);
  });
});

describe('writing a handler result', () => {
  function capture() {
    const headers: Record<string, unknown> = {};
    const out = { statusCode: 0, body: '', headers };
    const res = {
      setHeader: (k: string, v: unknown) => (headers[k.toLowerCase()] = v),
      set statusCode(c: number) {
        out.statusCode = c;
      },
      end: (b: string | Buffer) => (out.body = b.toString()),
    } as unknown as ServerResponse;
    return { res, out };
  }

  it('sends every cookie as its own Set-Cookie header', () => {
    const { res, out } = capture();
    writeResult(res, {
      statusCode: 201,
      headers: { 'content-type': 'application/json' },
      cookies: ['a=1', 'b=2'],
      body: '{}',
    });
    expect(out.statusCode).toBe(201);
    expect(out.headers['set-cookie']).toEqual(['a=1', 'b=2']);
  });

  it('treats a plain object as a 200 JSON body, as API Gateway infers', () => {
    const { res, out } = capture();
    writeResult(res, { hello: '世界' });
    expect(out.statusCode).toBe(200);
    expect(JSON.parse(out.body)).toEqual({ hello: '世界' });
  });

  it('decodes a base64 result body', () => {
    const { res, out } = capture();
    writeResult(res, { statusCode: 200, body: Buffer.from('pdf').toString('base64'), isBase64Encoded: true });
    expect(out.body).toBe('pdf');
  });
});
