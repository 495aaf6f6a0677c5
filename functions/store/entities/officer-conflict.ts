import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Entity } from 'electrodb';
import { SERVICE } from '../service-name';
import { conflictFields } from './conflict-fields';

/**
 * An officer's declared 回避: an enterprise they must not inspect (issue 10 §2). One item per officer ×
 * enterprise in the officer's own partition (officerId = the account's accountId), so "this officer's
 * declarations" is one Query and a second declaration for the same enterprise is refused by the key.
 */
export const officerConflictModel = (client: DynamoDBDocumentClient, table: string) =>
  new Entity(
    {
      model: { entity: 'officerConflict', version: '1', service: SERVICE },
      attributes: {
        officerId: { type: 'string', required: true, readOnly: true },
        ...conflictFields,
      },
      indexes: {
        byOfficer: {
          pk: { field: 'pk', composite: ['officerId'] },
          sk: { field: 'sk', composite: ['enterpriseId'] },
        },
      },
    },
    { client, table },
  );
