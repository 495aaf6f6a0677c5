import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Entity } from 'electrodb';
import { SERVICE } from '../service-name';

/**
 * How many 回避 an officer has declared, beside the declarations (same partition), moved ±1 in the
 * declaration's own transaction. The officer list shows it per row with one BatchGet per page, and
 * `officerConflicts` reads the tallies alone (they name the enterprises too) (accounts get no new field: officers ARE the accounts).
 */
export const officerConflictTallyModel = (client: DynamoDBDocumentClient, table: string) =>
  new Entity(
    {
      model: { entity: 'officerConflictTally', version: '1', service: SERVICE },
      attributes: {
        officerId: { type: 'string', required: true, readOnly: true },
        count: { type: 'number', required: true, default: 0 },
        /**
         * The enterprises of the declarations, beside their count, moved in the same transaction: a draw reads
         * every candidate's 回避 with BatchGets alone (500 officers: 5 requests), no Query per officer.
         */
        enterpriseIds: { type: 'set', items: 'string' },
      },
      indexes: {
        byOfficer: {
          pk: { field: 'pk', composite: ['officerId'] },
          sk: { field: 'sk', composite: [] },
        },
      },
    },
    { client, table },
  );
