import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { lambdaContext } from '../../functions/local/lambda-context';

/** An API Gateway v2 event as API Gateway builds it, for handler tests that don't need a server. */
export function httpEvent(o: {
  method?: string;
  path: string;
  routePath?: string;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
  query?: Record<string, string>;
  params?: Record<string, string>;
}): APIGatewayProxyEventV2 {
  const method = o.method ?? 'GET';
  const body = o.rawBody ?? (o.body === undefined ? undefined : JSON.stringify(o.body));
  return {
    version: '2.0',
    routeKey: `${method} ${o.routePath ?? o.path}`,
    rawPath: o.path,
    rawQueryString: new URLSearchParams(o.query ?? {}).toString(),
    headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...o.headers },
    ...(o.query ? { queryStringParameters: o.query } : {}),
    ...(o.params ? { pathParameters: o.params } : {}),
    requestContext: {
      accountId: '000000000000',
      apiId: 'test',
      domainName: 'test.local',
      domainPrefix: 'test',
      http: { method, path: o.path, protocol: 'HTTP/1.1', sourceIp: '192.0.2.1', userAgent: 'vitest' },
      requestId: 'req-test-0001',
      routeKey: `${method} ${o.routePath ?? o.path}`,
      stage: '$default',
      time: new Date().toUTCString(),
      timeEpoch: Date.now(),
    },
    ...(body !== undefined ? { body } : {}),
    isBase64Encoded: false,
  };
}

export const ctx = () => lambdaContext('test');
