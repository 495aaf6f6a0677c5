import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Entity } from 'electrodb';
import { SERVICE } from '../service-name';

/**
 * The application as it appears in one category's review queue: one item per category of its segments,
 * so the 审核人员 of each matching category sees it (gsi3: category × status, sorted by region code, so a
 * city reviewer reads `begins_with` on their prefix). All of an application's tasks change status in the
 * decision's transaction.
 */
export const registrationTaskModel = (client: DynamoDBDocumentClient, table: string) =>
  new Entity(
    {
      model: { entity: 'registrationTask', version: '1', service: SERVICE },
      attributes: {
        requestId: { type: 'string', required: true },
        category: { type: 'string', required: true },
        status: { type: 'string', required: true },
        regionCode: { type: 'string', required: true },
        submittedAt: { type: 'string', required: true },
      },
      indexes: {
        byRequest: {
          collection: 'registrationDetail',
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
