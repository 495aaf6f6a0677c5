import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Entity } from 'electrodb';
import { SERVICE } from '../service-name';

/**
 * Requests per source address per minute (the per-address rate limit on the login routes): an atomic
 * counter per (address, minute) that expires by TTL.
 */
export const rateWindowModel = (client: DynamoDBDocumentClient, table: string) =>
  new Entity(
    {
      model: { entity: 'rateWindow', version: '1', service: SERVICE },
      attributes: {
        key: { type: 'string', required: true },
        window: { type: 'string', required: true },
        count: { type: 'number', required: true, default: 0 },
        expiresAt: { type: 'number', required: true },
      },
      indexes: {
        byKey: {
          pk: { field: 'pk', composite: ['key'] },
          sk: { field: 'sk', composite: ['window'] },
        },
      },
    },
    { client, table },
  );
