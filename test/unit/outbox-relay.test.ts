/**
 * The relay's answer to Lambda (functions/lib/events/relay.ts): which stream records it puts on the bus, in
 * what order, and where it tells Lambda to retry from when the bus refuses. A refusing EventBridge can't be
 * caused on the local bus, so a fake client stands in for it here (its one use).
 */
import type { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { Logger } from '@aws-lambda-powertools/logger';
import { describe, expect, it } from 'vitest';
import { OUTBOX_SK_PREFIX, type StreamRecordLike } from '../../functions/lib/events/outbox-record';
import { relayRecords } from '../../functions/lib/events/relay';

const logger = new Logger({ serviceName: 'relay-test', logLevel: 'SILENT' });

const outbox = (n: number, over: Partial<Record<string, { S: string }>> = {}): StreamRecordLike => ({
  eventName: 'INSERT',
  dynamodb: {
    SequenceNumber: String(100 + n),
    Keys: { pk: { S: `$hazmat#eventid_e${n}` }, sk: { S: `${OUTBOX_SK_PREFIX}1` } },
    NewImage: {
      eventId: { S: `e${n}` },
      source: { S: 'hazmat.register' },
      detailType: { S: 'ChangeRequestDecided' },
      detail: { S: JSON.stringify({ n }) },
      ...over,
    },
  },
});
const other = (n: number, eventName = 'INSERT'): StreamRecordLike => ({
  eventName,
  dynamodb: { SequenceNumber: String(100 + n), Keys: { pk: { S: 'x' }, sk: { S: '$enterprise_1' } } },
});

/** A client answering each call with `answers[i]` (default: all accepted), recording what it was sent. */
function bus(answers: ((n: number) => { failed?: number[]; throws?: boolean })[] = []) {
  const sent: number[][] = [];
  const client = {
    send: async (cmd: PutEventsCommand) => {
      const entries = cmd.input.Entries ?? [];
      const ns = entries.map((e) => (JSON.parse(e.Detail!) as { n: number }).n);
      const answer = answers[sent.length]?.(entries.length) ?? {};
      sent.push(ns);
      if (answer.throws) throw new Error('unavailable');
      const failed = new Set(answer.failed ?? []);
      return {
        FailedEntryCount: failed.size,
        Entries: entries.map((_, i) => (failed.has(i) ? { ErrorCode: 'InternalFailure' } : { EventId: `id${i}` })),
      };
    },
  } as unknown as EventBridgeClient;
  return { client, sent };
}

describe('the outbox relay', () => {
  it('puts outbox INSERTs only, in stream order, ten to a call', async () => {
    const { client, sent } = bus();
    const records = [other(0), ...Array.from({ length: 12 }, (_, i) => outbox(i + 1)), other(13, 'REMOVE')];
    records.push({ ...outbox(14), eventName: 'REMOVE' }, { ...outbox(15), eventName: 'MODIFY' });
    const out = await relayRecords(records, { client, busName: 'b', logger });
    expect(out).toEqual({ batchItemFailures: [], published: 12 });
    expect(sent).toEqual([
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
      [11, 12],
    ]);
  });

  it('reports the first record the bus refused (after retrying it), and sends nothing after it', async () => {
    // The second call refuses its second entry; the two retries (that entry alone) refuse it again.
    const again = () => ({ failed: [0] });
    const { client, sent } = bus([() => ({}), () => ({ failed: [1] }), again, again]);
    const records = Array.from({ length: 25 }, (_, i) => outbox(i + 1));
    const out = await relayRecords(records, { client, busName: 'b', logger });
    // Events 11–20: the 12th is refused three times; Lambda retries from it; 21–25 wait for that retry.
    expect(out.batchItemFailures).toEqual([{ itemIdentifier: '112' }]);
    expect(sent).toEqual([[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [11, 12, 13, 14, 15, 16, 17, 18, 19, 20], [12], [12]]);
  });

  it('reports the first record of a call that failed as a whole', async () => {
    const { client } = bus([() => ({}), () => ({ throws: true })]);
    const out = await relayRecords(
      Array.from({ length: 15 }, (_, i) => outbox(i + 1)),
      { client, busName: 'b', logger },
    );
    expect(out).toEqual({ batchItemFailures: [{ itemIdentifier: '111' }], published: 10 });
  });

  it('stops at an outbox record it cannot read, after putting the ones before it', async () => {
    const { client, sent } = bus();
    const records = [outbox(1), outbox(2, { detail: undefined as never }), outbox(3)];
    delete records[1]!.dynamodb!.NewImage!.detail;
    const out = await relayRecords(records, { client, busName: 'b', logger });
    expect(out).toEqual({ batchItemFailures: [{ itemIdentifier: '102' }], published: 1 });
    expect(sent).toEqual([[1]]);
  });
});
