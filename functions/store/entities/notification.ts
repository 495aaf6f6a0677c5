import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Entity } from 'electrodb';
import { SERVICE } from '../service-name';

/**
 * An in-app message (消息) for one account, newest first in the account's inbox partition. The id is
 * derived from the event it reports, so a redelivered event writes nothing new.
 */
export const notificationModel = (client: DynamoDBDocumentClient, table: string) =>
  new Entity(
    {
      model: { entity: 'notification', version: '1', service: SERVICE },
      attributes: {
        recipient: { type: 'string', required: true },
        notificationId: { type: 'string', required: true },
        kind: { type: 'string', required: true },
        title: { type: 'string', required: true },
        body: { type: 'string', required: true },
        /** What it is about, for a link: { type: 'changeRequest', id }. */
        subjectType: { type: 'string' },
        subjectId: { type: 'string' },
        /** The category platform whose page the link opens (an inspection task's), when it is not the reader's. */
        subjectCategory: { type: 'string' },
        read: { type: 'boolean', required: true, default: false },
        createdAt: { type: 'string', required: true },
      },
      indexes: {
        byRecipient: {
          collection: 'inbox',
          pk: { field: 'pk', composite: ['recipient'] },
          sk: { field: 'sk', composite: ['createdAt', 'notificationId'] },
        },
      },
    },
    { client, table },
  );
