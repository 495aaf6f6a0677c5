/**
 * The one contract of a domain event (README: "How an event flows"): its source (`hazmat.<context>`), its
 * detail-type (PastTense), its version, and the schema of its payload. The producer builds the event through it
 * (functions/lib/events/outbox.ts), the consumer's subscription names it and dispatch parses the detail with it
 * before the consumer runs (functions/lib/dispatch.ts). Written in zod/mini: the contracts travel in every
 * function that produces or consumes them.
 *
 * On the bus the detail is an envelope around the payload:
 *   { version, eventId, occurredAt, data }
 * `version` says which schema `data` follows (a breaking change is a new version, published beside the old
 * until every consumer reads it); `eventId` is the outbox item's id — the same on every delivery of the event,
 * unlike EventBridge's own `id`, which changes when the relay puts it again; `occurredAt` is the commit's time.
 */
import * as z from 'zod/mini';
import { eventSourceOf } from './source';

export { eventSourceOf };

export interface EventDetail<T> {
  version: number;
  eventId: string;
  occurredAt: string;
  data: T;
}

export interface EventContract<P extends z.ZodMiniType = z.ZodMiniType> {
  /** The producing context (the source is `hazmat.<context>`). */
  readonly context: string;
  readonly source: string;
  /** PastTense, e.g. `ChangeRequestDecided`. */
  readonly detailType: string;
  readonly version: number;
  readonly payload: P;
  /** The whole detail as it travels on the bus: the envelope around `payload`. */
  readonly detail: z.ZodMiniType<EventDetail<z.output<P>>>;
}

/** The payload type of a contract. */
export type EventData<C extends EventContract> = z.output<C['payload']>;

const eventId = z.string().check(z.regex(/^[\w-]{1,100}$/));

export function defineEvent<P extends z.ZodMiniType>(def: {
  context: string;
  detailType: string;
  version: number;
  payload: P;
}): EventContract<P> {
  const detail = z.object({
    version: z.literal(def.version),
    eventId,
    occurredAt: z.iso.datetime({ offset: true }),
    data: def.payload,
  }) as unknown as z.ZodMiniType<EventDetail<z.output<P>>>;
  return { ...def, source: eventSourceOf(def.context), detail };
}

/**
 * The detail of one event, checked against its contract: a producer that builds an event its consumers would
 * refuse fails here, before its transaction is sent, instead of in a consumer's dead-letter queue.
 */
export function eventDetail<C extends EventContract>(
  contract: C,
  data: EventData<C>,
  meta: { eventId: string; occurredAt: string },
): EventDetail<EventData<C>> {
  return contract.detail.parse({ version: contract.version, ...meta, data }) as EventDetail<EventData<C>>;
}
