/**
 * The outbox relay: stream records in, events on the bus out. The same code runs as the stream-consumer Lambda
 * in the cloud (functions/relay/handler.ts, fed by the event-source mapping) and in the local runtime
 * (functions/local/stream-relay.ts, fed by polling DynamoDB Local's stream).
 *
 * Records are relayed in stream order, ten to a PutEvents. When an entry can't be put (after putEntries'
 * own retries) or a record can't be read, the relay stops there and reports that record's sequence number as
 * the first failure: Lambda (with ReportBatchItemFailures) — or the local poller — retries from it, so nothing
 * after it is skipped. Delivery is therefore at least once: a retried batch may put again an event that went
 * the first time; consumers are idempotent.
 */
import type { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import type { Logger } from '@aws-lambda-powertools/logger';
import { isOutboxInsert, type StreamRecordLike } from './outbox-record';
import { MAX_BATCH, putEntries, type BusEntry } from './publish';

export interface RelayDeps {
  client: EventBridgeClient;
  busName: string;
  logger: Pick<Logger, 'info' | 'error'>;
}

export interface RelayOutcome {
  /** Lambda's partial-batch answer: the first record to retry from, or nothing. */
  batchItemFailures: { itemIdentifier: string }[];
  /** Events put on the bus by this call. */
  published: number;
}

/** The bus entry an outbox INSERT carries, or null if the image lacks a part of it. */
function entryOf(r: StreamRecordLike): (BusEntry & { eventId: string }) | null {
  const image = r.dynamodb?.NewImage ?? {};
  const source = image.source?.S;
  const detailType = image.detailType?.S;
  const detail = image.detail?.S;
  if (!source || !detailType || !detail) return null;
  return { source, detailType, detail, eventId: image.eventId?.S ?? '' };
}

export async function relayRecords(records: readonly StreamRecordLike[], deps: RelayDeps): Promise<RelayOutcome> {
  const events = records.filter(isOutboxInsert);
  let published = 0;
  const failAt = (r: StreamRecordLike): RelayOutcome => ({
    batchItemFailures: [{ itemIdentifier: r.dynamodb?.SequenceNumber ?? '' }],
    published,
  });
  for (let i = 0; i < events.length; i += MAX_BATCH) {
    const chunk = events.slice(i, i + MAX_BATCH);
    const entries = chunk.map(entryOf);
    const unreadable = entries.findIndex((e) => e === null);
    // Relay what comes before an unreadable record, then stop at it: retried, bisected, and in the end sent to
    // the relay's dead-letter destination — the item itself stays in the table until its TTL.
    const sendable = (unreadable === -1 ? entries : entries.slice(0, unreadable)) as (BusEntry & {
      eventId: string;
    })[];
    if (sendable.length) {
      let failures;
      try {
        failures = await putEntries(deps.client, deps.busName, sendable);
      } catch (err) {
        deps.logger.error('outbox relay: PutEvents failed', { error: err as Error, events: sendable.length });
        return failAt(chunk[0]!);
      }
      if (failures.length) {
        const first = Math.min(...failures.map((f) => f.index));
        deps.logger.error('outbox relay: events refused by the bus', {
          failures: failures.map((f) => ({ eventId: sendable[f.index]!.eventId, code: f.code, message: f.message })),
        });
        published += first;
        return failAt(chunk[first]!);
      }
      published += sendable.length;
      for (const e of sendable) deps.logger.info('event relayed', { eventId: e.eventId, detailType: e.detailType });
    }
    if (unreadable !== -1) {
      deps.logger.error('outbox relay: unreadable outbox record', {
        sequenceNumber: chunk[unreadable]!.dynamodb?.SequenceNumber,
      });
      return failAt(chunk[unreadable]!);
    }
  }
  return { batchItemFailures: [], published };
}
