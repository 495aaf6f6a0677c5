import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Entity } from 'electrodb';
import { SERVICE } from '../service-name';

/**
 * Live count of the enterprises on the register for one category × segment × region, at every level of
 * the region tree (province '35', city '3505', county '350503'), so a list's 总共 N 条记录 for any
 * jurisdiction — whole or narrowed by 登记状态 — is one GetItem. Moved with `ADD` in the same transaction
 * as the register entry it counts (functions/register/counters.ts decides the deltas), never recomputed
 * by a scan. One partition per category: at most ~40 segments × 95 regions items.
 */
export const enterpriseCounterModel = (client: DynamoDBDocumentClient, table: string) =>
  new Entity(
    {
      model: { entity: 'enterpriseCounter', version: '1', service: SERVICE },
      attributes: {
        category: { type: 'string', required: true, readOnly: true },
        segment: { type: 'string', required: true, readOnly: true },
        regionCode: { type: 'string', required: true, readOnly: true },
        total: { type: 'number', required: true, default: 0 },
        /** Per 登记状态 (shared/reference/enterprise-options.ts), field names in counters.ts. */
        inBusiness: { type: 'number' },
        movedOut: { type: 'number' },
        suspended: { type: 'number' },
        revoked: { type: 'number' },
        deregistered: { type: 'number' },
      },
      indexes: {
        byKey: {
          pk: { field: 'pk', composite: ['category'] },
          sk: { field: 'sk', composite: ['segment', 'regionCode'] },
        },
      },
    },
    { client, table },
  );
