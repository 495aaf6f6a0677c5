import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Entity } from 'electrodb';
import { SERVICE } from '../service-name';
import { conflictFields } from './conflict-fields';

/**
 * An expert's 回避: an enterprise the expert must not be sent to. One item per expert × enterprise in the
 * expert's partition (beside the expert), so "this expert's 回避" is one Query.
 */
export const expertConflictModel = (client: DynamoDBDocumentClient, table: string) =>
  new Entity(
    {
      model: { entity: 'expertConflict', version: '1', service: SERVICE },
      attributes: {
        expertId: { type: 'string', required: true, readOnly: true },
        ...conflictFields,
      },
      indexes: {
        byExpert: {
          pk: { field: 'pk', composite: ['expertId'] },
          sk: { field: 'sk', composite: ['enterpriseId'] },
        },
      },
    },
    { client, table },
  );
