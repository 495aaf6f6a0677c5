import { Logger } from '@aws-lambda-powertools/logger';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { afterEach, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { contextHandler } from '../../functions/lib/dispatch';
import { ENV } from '../../functions/lib/env-names';
import { ORIGIN_VERIFY_HEADER, setOriginSecretReader } from '../../functions/lib/http/origin-verify';
import { httpRoute } from '../../functions/lib/http/route';
import { defineContext, defineRoute } from '../../functions/lib/wiring';
import { ctx, httpEvent } from '../support/events';

const logger = new Logger({ serviceName: 'test', logLevel: 'SILENT' });
const ping = defineRoute({
  operationId: 'ping',
  method: 'GET',
  path: '/api/ping',
  public: true,
  summary: 'ping',
  response: z.object({ pong: z.boolean(), sawSecret: z.boolean() }),
});
const manifest = defineContext({
  context: 'demo',
  entry: 'functions/demo/handler.ts',
  description: 'test',
  routes: [ping],
  subscriptions: [],
  schedules: [],
  grants: {},
});
const handler = contextHandler(
  manifest,
  {
    routes: {
      ping: httpRoute(
        ping,
        async ({ event }) => ({ pong: true, sawSecret: ORIGIN_VERIFY_HEADER in (event.headers ?? {}) }),
        logger,
      ),
    },
  },
  logger,
);

const CURRENT = 'c'.repeat(43);
const PREVIOUS = 'p'.repeat(43);
const call = async (headers: Record<string, string> = {}) =>
  (await handler(httpEvent({ path: '/api/ping', headers }), ctx())) as APIGatewayProxyStructuredResultV2;

describe('only requests through CloudFront reach a function', () => {
  afterEach(() => {
    delete process.env[ENV.originSecretArn];
    setOriginSecretReader(undefined);
  });

  it('refuses a request without the origin secret, or with a wrong one, with a Chinese 403', async () => {
    // Prepare: on AWS, the secret's ARN is set and Secrets Manager holds the current and previous values.
    process.env[ENV.originSecretArn] = 'arn:aws:secretsmanager:ap-east-1:000000000000:secret:origin';
    let reads = 0;
    setOriginSecretReader(async () => (reads++, [CURRENT, PREVIOUS]));
    // Act
    const direct = await call();
    const wrong = await call({ [ORIGIN_VERIFY_HEADER]: 'x'.repeat(43) });
    // Assess
    for (const r of [direct, wrong]) {
      expect(r.statusCode).toBe(403);
      expect(JSON.parse(r.body!)).toMatchObject({ error: { code: 'FORBIDDEN', message: '请通过平台网址访问' } });
    }
    // A wrong value may re-read the secret (a rotation), but not on every request.
    expect(reads).toBeLessThanOrEqual(1);
  });

  it('accepts the current and the previous value (rotation), and hands the secret to no route', async () => {
    process.env[ENV.originSecretArn] = 'arn:aws:secretsmanager:ap-east-1:000000000000:secret:origin';
    setOriginSecretReader(async () => [CURRENT, PREVIOUS]);
    for (const value of [CURRENT, PREVIOUS]) {
      const r = await call({ [ORIGIN_VERIFY_HEADER]: value });
      expect(r.statusCode).toBe(200);
      expect(JSON.parse(r.body!)).toEqual({ pong: true, sawSecret: false });
    }
  });
});
