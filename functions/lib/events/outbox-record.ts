/**
 * Which of the table's stream records are events to relay: INSERTs of outbox items (their sort key begins
 * with OUTBOX_SK_PREFIX). Declared once, for both readers of the stream — the Lambda event-source filter in
 * the stack (cdk/lib/constructs/outbox-relay.ts) and the relay's own check (relay.ts), which is all the
 * filtering there is locally, DynamoDB Local having no event-source mappings. Free of AWS SDK imports: the CDK
 * app loads it.
 */
import { TABLE } from '../../store/table';

/**
 * How every outbox item's sort key begins: ElectroDB's `$<entity>_<model version>` for the outboxEvent entity
 * (functions/store/entities/outbox-event.ts). Spelt here rather than derived from the entity so the relay's
 * bundle carries no ElectroDB; test/integration/outbox.test.ts checks that the entity really writes it.
 */
export const OUTBOX_SK_PREFIX = '$outboxevent_';

/** A DynamoDB attribute value as the stream gives it (only the string and number forms are read). */
export interface StreamAttribute {
  S?: string;
  N?: string;
}

/** The part of a DynamoDB stream record the relay reads (Lambda's and the Streams API's records both fit). */
export interface StreamRecordLike {
  eventName?: string;
  dynamodb?: {
    Keys?: Record<string, StreamAttribute>;
    NewImage?: Record<string, StreamAttribute>;
    SequenceNumber?: string;
  };
}

/** The event-source filter pattern (Lambda filter-criteria syntax): outbox INSERTs only. */
export const OUTBOX_STREAM_FILTER = {
  eventName: ['INSERT'],
  dynamodb: { Keys: { [TABLE.sortKey]: { S: [{ prefix: OUTBOX_SK_PREFIX }] } } },
} as const;

export function isOutboxInsert(r: StreamRecordLike): boolean {
  return r.eventName === 'INSERT' && (r.dynamodb?.Keys?.[TABLE.sortKey]?.S ?? '').startsWith(OUTBOX_SK_PREFIX);
}
