import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Entity } from 'electrodb';
import { SERVICE } from '../service-name';
import { CHANGE_STATUSES } from './change-request';

/**
 * A change request as it sits in one category's review queue: one item per category (gsi3: category ×
 * status, sorted by region code, so a city reviewer reads `begins_with` on their prefix). Rewritten into
 * its new queue in the decision's transaction.
 */
export const changeRequestTaskModel = (client: DynamoDBDocumentClient, table: string) =>
  new Entity(
    {
      model: { entity: 'changeRequestTask', version: '1', service: SERVICE },
      attributes: {
        requestId: { type: 'string', required: true },
        category: { type: 'string', required: true },
        status: { type: CHANGE_STATUSES, required: true },
        regionCode: { type: 'string', required: true },
        submittedAt: { type: 'string', required: true },
      },
      indexes: {
        byRequest: {
          pk: { field: 'pk', composite: ['requestId'] },
          sk: { field: 'sk', composite: ['category'] },
        },
        byQueue: {
          index: 'gsi3',
          pk: { field: 'gsi3pk', composite: ['category', 'status'] },
          sk: { field: 'gsi3sk', composite: ['regionCode', 'submittedAt', 'requestId'] },
        },
      },
    },
    { client, table },
  );
