import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventPublishError, publishEvents } from '../../functions/lib/events/publish';
import { defineContext } from '../../functions/lib/wiring';
import { startLocalBus, type LocalBus } from '../../functions/local/event-bus';
import type { LoadedHandler } from '../../functions/local/functions';
import { freePort } from '../../functions/local/ports';
import { ChangeRequestDecided } from '../../shared/events/register';
import { defineEvent } from '../../shared/events/contract';
import * as z from 'zod/mini';

const HazardIssued = defineEvent({
  context: 'inspection',
  detailType: 'HazardIssued',
  version: 1,
  payload: z.object({}),
});

/** The in-process bus, reached through the real EventBridge SDK client as the handlers reach it. */
describe('the local event bus', () => {
  const received: { context: string; detailType: string; detail: unknown }[] = [];
  let failuresLeft = 0;
  const manifest = [
    defineContext({
      context: 'inbox',
      entry: 'functions/inbox/handler.ts',
      description: 'test',
      routes: [],
      subscriptions: [{ name: 'decided', events: [ChangeRequestDecided], description: 'x' }],
      schedules: [],
      grants: {},
    }),
    defineContext({
      context: 'flaky',
      entry: 'functions/flaky/handler.ts',
      description: 'test',
      routes: [],
      subscriptions: [{ name: 'hazards', events: [HazardIssued], description: 'x' }],
      schedules: [],
      grants: {},
    }),
  ];
  const handler =
    (context: string): LoadedHandler =>
    async (event) => {
      const e = event as { 'detail-type': string; detail: unknown };
      if (context === 'flaky' && failuresLeft-- > 0) throw new Error('consumer failed');
      received.push({ context, detailType: e['detail-type'], detail: e.detail });
      return {};
    };
  let bus: LocalBus;
  let client: EventBridgeClient;

  beforeAll(async () => {
    bus = await startLocalBus({
      port: await freePort(),
      busName: 'test-bus',
      manifest,
      handlers: new Map([
        ['inbox', handler('inbox')],
        ['flaky', handler('flaky')],
      ]),
    });
    client = new EventBridgeClient({
      endpoint: bus.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
    });
  });
  afterAll(async () => {
    client.destroy();
    await bus.close();
  });

  it('delivers an event to the subscribed context only', async () => {
    await publishEvents(client, 'test-bus', [
      { context: 'register', detailType: 'ChangeRequestDecided', detail: { requestId: 'cr-1', outcome: 'approved' } },
    ]);
    await bus.drain();
    expect(received).toEqual([
      { context: 'inbox', detailType: 'ChangeRequestDecided', detail: { requestId: 'cr-1', outcome: 'approved' } },
    ]);
  });

  it('delivers nothing for an event no rule matches', async () => {
    const before = received.length;
    await publishEvents(client, 'test-bus', [{ context: 'register', detailType: 'SomethingElse', detail: {} }]);
    await bus.drain();
    expect(received.length).toBe(before);
  });

  it('retries a failing consumer, and dead-letters the event when it keeps failing', async () => {
    failuresLeft = 2;
    await publishEvents(client, 'test-bus', [{ context: 'inspection', detailType: 'HazardIssued', detail: { n: 1 } }]);
    await bus.drain();
    expect(received.at(-1)).toEqual({ context: 'flaky', detailType: 'HazardIssued', detail: { n: 1 } });
    failuresLeft = 5;
    await publishEvents(client, 'test-bus', [{ context: 'inspection', detailType: 'HazardIssued', detail: { n: 2 } }]);
    await bus.drain();
    expect(bus.deadLetters.map((d) => [d.context, d.attempts, (d.event.detail as { n: number }).n])).toEqual([
      ['flaky', 3, 2],
    ]);
  });

  it('refuses events for a bus that does not exist, as EventBridge does', async () => {
    await expect(
      publishEvents(client, 'other-bus', [{ context: 'register', detailType: 'ChangeRequestDecided', detail: {} }]),
    ).rejects.toBeInstanceOf(EventPublishError);
  });
});
