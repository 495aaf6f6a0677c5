import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Entity } from 'electrodb';
import { SERVICE } from '../service-name';

/** The unread count of an inbox, moved with ADD in the same transaction as the message it counts. */
export const inboxCounterModel = (client: DynamoDBDocumentClient, table: string) =>
  new Entity(
    {
      model: { entity: 'inboxCounter', version: '1', service: SERVICE },
      attributes: {
        recipient: { type: 'string', required: true, readOnly: true },
        unread: { type: 'number', required: true, default: 0 },
      },
      indexes: {
        byRecipient: {
          collection: 'inbox',
          pk: { field: 'pk', composite: ['recipient'] },
          sk: { field: 'sk', composite: [] },
        },
      },
    },
    { client, table },
  );
