import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Entity } from 'electrodb';
import { SERVICE } from '../service-name';

/**
 * A licence (企业资质) held by an enterprise for one (category, segment). Lives in the enterprise's
 * partition; its expiry date sits in the sparse `due` index (partition `licence`, sorted by validTo)
 * so the daily warning scan reads only licences expiring before its horizon.
 */
export const licenceModel = (client: DynamoDBDocumentClient, table: string) =>
  new Entity(
    {
      model: { entity: 'licence', version: '1', service: SERVICE },
      attributes: {
        licenceId: { type: 'string', required: true },
        enterpriseId: { type: 'string', required: true },
        category: { type: 'string', required: true },
        segment: { type: 'string', required: true },
        regionCode: { type: 'string', required: true },
        licenceName: { type: 'string', required: true },
        number: { type: 'string', required: true },
        issuer: { type: 'string', required: true },
        validFrom: { type: 'string', required: true },
        validTo: { type: 'string', required: true },
        scope: { type: 'string' },
        dueKind: { type: 'string', required: true, default: 'licence', readOnly: true },
        version: { type: 'number', required: true, default: 1 },
      },
      indexes: {
        byEnterprise: {
          collection: 'enterpriseDetail',
          pk: { field: 'pk', composite: ['enterpriseId'] },
          sk: { field: 'sk', composite: ['licenceId'] },
        },
        byDueDate: {
          index: 'due',
          pk: { field: 'duepk', composite: ['dueKind'] },
          sk: { field: 'duesk', composite: ['validTo', 'enterpriseId', 'licenceId'] },
        },
      },
    },
    { client, table },
  );
