import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Entity } from 'electrodb';
import { SERVICE } from '../service-name';

/** 产品种类: a kind of goods an enterprise makes or trades, in its partition (collection enterpriseDetail). */
export const productModel = (client: DynamoDBDocumentClient, table: string) =>
  new Entity(
    {
      model: { entity: 'product', version: '1', service: SERVICE },
      attributes: {
        productId: { type: 'string', required: true },
        enterpriseId: { type: 'string', required: true },
        category: { type: 'string', required: true },
        name: { type: 'string', required: true },
        createdAt: { type: 'string', required: true, readOnly: true, default: () => new Date().toISOString() },
      },
      indexes: {
        byEnterprise: {
          collection: 'enterpriseDetail',
          pk: { field: 'pk', composite: ['enterpriseId'] },
          sk: { field: 'sk', composite: ['productId'] },
        },
      },
    },
    { client, table },
  );
