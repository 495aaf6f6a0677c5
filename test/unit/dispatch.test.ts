import { Logger } from '@aws-lambda-powertools/logger';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import {
  contextHandler,
  EventContractError,
  type DeliveredEvent,
  type DomainEventEnvelope,
  type ScheduleInvocation,
} from '../../functions/lib/dispatch';
import { defineEvent } from '../../shared/events/contract';
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
  response: z.object({ pong: z.boolean() }),
});
const Decided = defineEvent({
  context: 'register',
  detailType: 'ChangeRequestDecided',
  version: 1,
  payload: z.object({ a: z.number() }),
});
const Audited = defineEvent({
  context: 'register',
  detailType: 'ChangeRequestDecided',
  version: 1,
  payload: z.object({ a: z.number(), b: z.string() }),
});
const manifest = defineContext({
  context: 'demo',
  entry: 'functions/demo/handler.ts',
  description: 'test',
  routes: [ping],
  subscriptions: [{ name: 'onDecided', events: [Decided], description: 'x' }],
  schedules: [{ name: 'nightly', description: 'x', hour: 1, minute: 0, timeZone: 'Asia/Shanghai' }],
  grants: {},
});

const envelope = (data: unknown, over: Record<string, unknown> = {}) => ({
  version: 1,
  eventId: 'evt-1',
  occurredAt: '2026-11-28T00:00:00Z',
  data,
  ...over,
});
const event = (source: string, detailType: string, detail: unknown = envelope({ a: 1 })): DomainEventEnvelope => ({
  version: '0',
  id: 'e-1',
  'detail-type': detailType,
  source,
  account: '0',
  time: '2026-11-28T00:00:00Z',
  region: 'x',
  resources: [],
  detail,
});

describe('a context handler', () => {
  const seen: string[] = [];
  const handler = contextHandler(
    manifest,
    {
      routes: { ping: httpRoute(ping, async () => ({ pong: true }), logger) },
      consumers: {
        onDecided: async (e: DeliveredEvent<{ a: number }>) => void seen.push(`event:${e.id}:${e.detail.data.a}`),
      },
      jobs: { nightly: async (t) => void seen.push(`job:${t.time}`) },
    },
    logger,
  );

  it('routes an HTTP request by its route key', async () => {
    const res = (await handler(httpEvent({ path: '/api/ping' }), ctx())) as APIGatewayProxyStructuredResultV2;
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(res.body!)).toEqual({ pong: true });
  });

  it('delivers a matching event to its consumer and ignores others', async () => {
    await handler(event('hazmat.register', 'ChangeRequestDecided'), ctx());
    const other = await handler(event('hazmat.register', 'SomethingElse'), ctx());
    expect(seen).toContain('event:e-1:1');
    expect(other).toEqual({ ok: true, consumers: [] });
  });

  it('refuses an event its contract does not accept, before any consumer runs, and fails the invocation', async () => {
    const before = seen.length;
    for (const detail of [
      envelope({ a: 'one' }),
      envelope({ a: 1 }, { version: 2 }),
      envelope({ a: 1 }, { eventId: '' }),
      { a: 1 },
      null,
    ]) {
      await expect(handler(event('hazmat.register', 'ChangeRequestDecided', detail), ctx())).rejects.toBeInstanceOf(
        EventContractError,
      );
    }
    expect(seen.length).toBe(before);
  });

  it('runs no consumer when one of two matching subscriptions refuses the event', async () => {
    const ran: string[] = [];
    const two = contextHandler(
      defineContext({
        ...manifest,
        subscriptions: [
          { name: 'first', events: [Decided], description: 'x' },
          { name: 'second', events: [Audited], description: 'x' },
        ],
        schedules: [],
      }),
      {
        routes: { ping: httpRoute(ping, async () => ({ pong: true }), logger) },
        consumers: { first: async () => void ran.push('first'), second: async () => void ran.push('second') },
      },
      logger,
    );
    await expect(two(event('hazmat.register', 'ChangeRequestDecided'), ctx())).rejects.toThrow(/second/);
    expect(ran).toEqual([]);
    await two(event('hazmat.register', 'ChangeRequestDecided', envelope({ a: 1, b: 'x' })), ctx());
    expect(ran).toEqual(['first', 'second']);
  });

  it('runs a schedule tick', async () => {
    const tick: ScheduleInvocation = { kind: 'hazmat.schedule', schedule: 'nightly', time: '2026-11-27T17:00:00Z' };
    await handler(tick, ctx());
    expect(seen).toContain('job:2026-11-27T17:00:00Z');
  });

  it('refuses to build when a declared route has no implementation', () => {
    expect(() =>
      contextHandler(
        manifest,
        { routes: {}, consumers: { onDecided: async () => {} }, jobs: { nightly: async () => {} } },
        logger,
      ),
    ).toThrow(/declared without implementation \[ping\]/);
  });

  it('refuses to build when an implementation is not declared', () => {
    expect(() =>
      contextHandler(
        manifest,
        {
          routes: {
            ping: httpRoute(ping, async () => ({ pong: true }), logger),
            extra: httpRoute(ping, async () => ({ pong: true }), logger),
          },
          consumers: { onDecided: async () => {} },
          jobs: { nightly: async () => {} },
        },
        logger,
      ),
    ).toThrow(/implemented without declaration \[extra\]/);
  });
});
