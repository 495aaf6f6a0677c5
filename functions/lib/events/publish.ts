/**
 * Putting events on the platform bus. Only the outbox relay does this in the product (contexts write their
 * events to the outbox in their own transaction — outbox.ts); tests use `publishEvents` to put an event on the
 * local bus directly, as a producer outside the contracts would.
 *
 * PutEvents takes at most 10 entries and may accept some and refuse others: refused entries are retried with
 * back-off, and what still fails is reported by position, so the caller decides what a failure means.
 */
import { PutEventsCommand, type EventBridgeClient, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { eventSourceOf } from '../../../shared/events/source';

export interface DomainEvent<T = unknown> {
  /** The publishing context, e.g. 'register' → source 'hazmat.register'. */
  context: string;
  /** PastTense, e.g. 'ChangeRequestDecided'. */
  detailType: string;
  detail: T;
}

/** One entry for the bus: the detail already as JSON text. */
export interface BusEntry {
  source: string;
  detailType: string;
  detail: string;
}

export const MAX_BATCH = 10;
const MAX_ATTEMPTS = 3;

export interface EntryFailure {
  /** Position in the entries given. */
  index: number;
  code?: string;
  message?: string;
}

export class EventPublishError extends Error {
  constructor(readonly failed: readonly EntryFailure[]) {
    super(`${failed.length} event(s) could not be published: ${failed.map((f) => f.code).join(', ')}`);
    this.name = 'EventPublishError';
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Put up to 10 entries, retrying the refused ones; returns those that still fail (empty when all went).
 * A call that fails as a whole (network, throttling the SDK gave up on) throws.
 */
export async function putEntries(
  client: EventBridgeClient,
  busName: string,
  entries: readonly BusEntry[],
): Promise<EntryFailure[]> {
  if (entries.length > MAX_BATCH) throw new RangeError(`PutEvents takes at most ${MAX_BATCH} entries`);
  let pending = entries.map((e, index) => ({
    index,
    entry: { EventBusName: busName, Source: e.source, DetailType: e.detailType, Detail: e.detail },
  })) as { index: number; entry: PutEventsRequestEntry }[];
  let failures: EntryFailure[] = [];
  for (let attempt = 1; attempt <= MAX_ATTEMPTS && pending.length; attempt++) {
    if (attempt > 1) await sleep(50 * 2 ** attempt);
    const out = await client.send(new PutEventsCommand({ Entries: pending.map((p) => p.entry) }));
    if (!out.FailedEntryCount) return [];
    failures = [];
    const retry: typeof pending = [];
    (out.Entries ?? []).forEach((r, i) => {
      if (!r.ErrorCode) return;
      failures.push({
        index: pending[i]!.index,
        code: r.ErrorCode,
        ...(r.ErrorMessage ? { message: r.ErrorMessage } : {}),
      });
      retry.push(pending[i]!);
    });
    pending = retry;
  }
  return failures;
}

/** Put events in batches of ten; throws if any is still refused after retrying. */
export async function publishEvents(
  client: EventBridgeClient,
  busName: string,
  events: readonly DomainEvent[],
): Promise<void> {
  for (let i = 0; i < events.length; i += MAX_BATCH) {
    const batch = events.slice(i, i + MAX_BATCH).map((e) => ({
      source: eventSourceOf(e.context),
      detailType: e.detailType,
      detail: JSON.stringify(e.detail),
    }));
    const failed = await putEntries(client, busName, batch);
    if (failed.length) throw new EventPublishError(failed.map((f) => ({ ...f, index: f.index + i })));
  }
}
