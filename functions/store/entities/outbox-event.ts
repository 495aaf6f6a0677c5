import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Entity } from 'electrodb';
import { SERVICE } from '../service-name';

/**
 * A domain event waiting to leave (the transactional outbox, README "How an event flows"). It is written in
 * the SAME transaction as the change it announces, so the change and its announcement commit together or not
 * at all; the table's stream carries its INSERT to the outbox relay, which puts it on the bus. Nobody reads or
 * updates it after that: DynamoDB TTL removes it once the delivery window is over (`expiresAt`), and the
 * removal's stream record is not an INSERT, so it is never relayed.
 *
 * The detail is kept as the JSON text the bus will carry (checked against its contract when it was built), so
 * the relay copies it as it is instead of rebuilding it from DynamoDB's attribute types.
 */
export const outboxEventModel = (client: DynamoDBDocumentClient, table: string) =>
  new Entity(
    {
      model: { entity: 'outboxEvent', version: '1', service: SERVICE },
      attributes: {
        /** Also the envelope's `eventId`: the same on every delivery of this event. */
        eventId: { type: 'string', required: true },
        source: { type: 'string', required: true },
        detailType: { type: 'string', required: true },
        /** The bus detail, `{ version, eventId, occurredAt, data }`, as JSON text. */
        detail: { type: 'string', required: true },
        createdAt: { type: 'string', required: true },
        /** Epoch seconds: DynamoDB TTL removes the item after the delivery window. */
        expiresAt: { type: 'number', required: true },
      },
      indexes: {
        byId: {
          pk: { field: 'pk', composite: ['eventId'] },
          sk: { field: 'sk', composite: [] },
        },
      },
    },
    { client, table },
  );
