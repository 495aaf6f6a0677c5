/**
 * The transactional outbox (README: "How an event flows"): a context announces a change by adding ONE more
 * item to the transaction that makes the change. Both commit or neither does, so no change is left
 * unannounced and no event announces a change that did not happen; the table's stream takes the item to the
 * outbox relay (relay.ts), which puts it on the bus. There is no publish step after the commit to fail.
 */
import { randomUUID } from 'node:crypto';
import { createWriteTransaction } from 'electrodb';
import { eventDetail, type EventContract, type EventData } from '../../../shared/events/contract';
import type { Store } from '../../store';
import { itemsOf, type TransactItem } from '../transactions';

/**
 * How long a written event stays in the table: the stream keeps a record 24 hours and the relay retries within
 * that; a week more leaves a delivered event readable (and re-drivable by hand) after an incident.
 */
export const OUTBOX_RETENTION_SECONDS = 8 * 24 * 3600;

/**
 * The outbox item announcing `data` as `contract`'s event, for the caller's transaction. The detail is checked
 * against the contract here: an event its consumers would refuse fails the producer's request before anything
 * is written.
 */
export function outboxItem<C extends EventContract>(
  store: Pick<Store, 'outboxEvents'>,
  contract: C,
  data: EventData<C>,
  at: Date = new Date(),
): TransactItem {
  const eventId = randomUUID();
  const occurredAt = at.toISOString();
  const detail = eventDetail(contract, data, { eventId, occurredAt });
  const [item] = itemsOf(
    createWriteTransaction({ outbox: store.outboxEvents }, ({ outbox }) => [
      outbox
        .create({
          eventId,
          source: contract.source,
          detailType: contract.detailType,
          detail: JSON.stringify(detail),
          createdAt: occurredAt,
          expiresAt: Math.floor(at.getTime() / 1000) + OUTBOX_RETENTION_SECONDS,
        })
        .commit(),
    ]),
  );
  return item!;
}
