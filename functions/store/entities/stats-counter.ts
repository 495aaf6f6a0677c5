import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Entity } from 'electrodb';
import { SERVICE } from '../service-name';

/**
 * The 首页's yearly figures for one category × region (province '35', city, county — every level, so a
 * jurisdiction's figure is its own item, not a sum): inspections completed, hazards issued and hazards
 * confirmed in the Asia/Shanghai calendar year. Moved with `ADD` in the transaction that completes the
 * inspection or issues / confirms the hazard (functions/lib/stats/counters.ts), never recomputed. One partition
 * per category × year, sorted by region: a jurisdiction and everything below it is ONE Query (`begins_with`).
 */
export const statsCounterModel = (client: DynamoDBDocumentClient, table: string) =>
  new Entity(
    {
      model: { entity: 'statsCounter', version: '1', service: SERVICE },
      attributes: {
        /** The goods category (named apart from the register's counters' `category`: its own IAM partition). */
        statsCategory: { type: 'string', required: true, readOnly: true },
        year: { type: 'string', required: true, readOnly: true },
        regionCode: { type: 'string', required: true, readOnly: true },
        inspectionsCompleted: { type: 'number' },
        hazardsIssued: { type: 'number' },
        hazardsConfirmed: { type: 'number' },
      },
      indexes: {
        byRegion: {
          pk: { field: 'pk', composite: ['statsCategory', 'year'] },
          sk: { field: 'sk', composite: ['regionCode'] },
        },
      },
    },
    { client, table },
  );
