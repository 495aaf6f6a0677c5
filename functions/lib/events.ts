/**
 * Publishing domain events on the platform bus. The caller passes the client (domain code stays free of
 * AWS wiring). PutEvents takes at most 10 entries and may accept some and refuse others: refused entries
 * are retried with back-off, and if any still fail the call throws, so the caller's request fails loudly
 * instead of silently dropping an event.
 */
import { PutEventsCommand, type EventBridgeClient, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { eventSource } from './wiring';

export interface DomainEvent<T = unknown> {
  /** The publishing context, e.g. 'register' → source 'hazmat.register'. */
  context: string;
  /** PastTense, e.g. 'ChangeRequestDecided'. */
  detailType: string;
  detail: T;
}

const MAX_BATCH = 10;
const MAX_ATTEMPTS = 3;

export class EventPublishError extends Error {
  constructor(readonly failed: { entry: PutEventsRequestEntry; code?: string; message?: string }[]) {
    super(`${failed.length} event(s) could not be published: ${failed.map((f) => f.code).join(', ')}`);
    this.name = 'EventPublishError';
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function publishEvents(
  client: EventBridgeClient,
  busName: string,
  events: readonly DomainEvent[],
): Promise<void> {
  for (let i = 0; i < events.length; i += MAX_BATCH) {
    let pending: PutEventsRequestEntry[] = events.slice(i, i + MAX_BATCH).map((e) => ({
      EventBusName: busName,
      Source: eventSource(e.context),
      DetailType: e.detailType,
      Detail: JSON.stringify(e.detail),
    }));
    let failures: { entry: PutEventsRequestEntry; code?: string; message?: string }[] = [];
    for (let attempt = 1; attempt <= MAX_ATTEMPTS && pending.length; attempt++) {
      if (attempt > 1) await sleep(50 * 2 ** attempt);
      const out = await client.send(new PutEventsCommand({ Entries: pending }));
      if (!out.FailedEntryCount) {
        pending = [];
        failures = [];
        break;
      }
      failures = [];
      const retry: PutEventsRequestEntry[] = [];
      (out.Entries ?? []).forEach((r, idx) => {
        if (r.ErrorCode) {
          failures.push({
            entry: pending[idx]!,
            code: r.ErrorCode,
            ...(r.ErrorMessage ? { message: r.ErrorMessage } : {}),
          });
          retry.push(pending[idx]!);
        }
      });
      pending = retry;
    }
    if (failures.length) throw new EventPublishError(failures);
  }
}
