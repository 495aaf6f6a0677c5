import type { PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { type EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { describe, expect, it } from 'vitest';
import { EventPublishError, publishEvents } from '../../functions/lib/events/publish';

/**
 * A partially failed PutEvents can't be caused on the local bus, so this is the one place a fake client
 * stands in for EventBridge (DESIGN: mocks only for faults we cannot cause otherwise).
 */
function fakeClient(
  answers: ((entries: { DetailType?: string }[]) => {
    FailedEntryCount: number;
    Entries: { EventId?: string; ErrorCode?: string }[];
  })[],
) {
  const calls: { DetailType?: string }[][] = [];
  const client = {
    send: async (cmd: PutEventsCommand) => {
      const entries = cmd.input.Entries ?? [];
      calls.push(entries);
      const answer =
        answers[calls.length - 1] ?? ((e) => ({ FailedEntryCount: 0, Entries: e.map(() => ({ EventId: 'x' })) }));
      return answer(entries);
    },
  } as unknown as EventBridgeClient;
  return { client, calls };
}

const ev = (n: number) => ({ context: 'register', detailType: `E${n}`, detail: { n } });

describe('publishing domain events', () => {
  it('splits into batches of ten', async () => {
    const { client, calls } = fakeClient([]);
    await publishEvents(
      client,
      'bus',
      Array.from({ length: 23 }, (_, i) => ev(i)),
    );
    expect(calls.map((c) => c.length)).toEqual([10, 10, 3]);
  });

  it('retries only the entries EventBridge refused', async () => {
    const { client, calls } = fakeClient([
      (e) => ({
        FailedEntryCount: 1,
        Entries: e.map((x, i) => (i === 1 ? { ErrorCode: 'ThrottlingException' } : { EventId: `id-${x.DetailType}` })),
      }),
    ]);
    await publishEvents(client, 'bus', [ev(0), ev(1), ev(2)]);
    expect(calls[1]!.map((e) => e.DetailType)).toEqual(['E1']);
  });

  it('throws, naming the failures, when entries still fail after retrying', async () => {
    const refuse = (e: { DetailType?: string }[]) => ({
      FailedEntryCount: e.length,
      Entries: e.map(() => ({ ErrorCode: 'InternalFailure' })),
    });
    const { client, calls } = fakeClient([refuse, refuse, refuse]);
    await expect(publishEvents(client, 'bus', [ev(0)])).rejects.toBeInstanceOf(EventPublishError);
    expect(calls).toHaveLength(3);
  });
});
