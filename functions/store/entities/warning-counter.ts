import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Entity } from 'electrodb';
import { WARNING_GRADES, WARNING_KINDS } from '../../../shared/reference/warnings';
import { SERVICE } from '../service-name';

/**
 * Live count of OPEN warnings for one category × region (at every level: province '35', city, county) ×
 * kind × grade. Moved with `ADD ±1` in the same transaction as the warning's change (conditioned on its
 * version), never recomputed. One partition per (category, region) holds its 4 kinds × 4 grades: a dashboard
 * reads a jurisdiction's figure with ONE Query.
 */
export const warningCounterModel = (client: DynamoDBDocumentClient, table: string) =>
  new Entity(
    {
      model: { entity: 'warningCounter', version: '1', service: SERVICE },
      attributes: {
        /** The category (named apart from the register counters' `category`, so their key patterns differ). */
        warningCategory: { type: 'string', required: true, readOnly: true },
        regionCode: { type: 'string', required: true, readOnly: true },
        kind: { type: WARNING_KINDS, required: true, readOnly: true },
        grade: { type: WARNING_GRADES, required: true, readOnly: true },
        count: { type: 'number', required: true, default: 0 },
      },
      indexes: {
        byCategoryRegion: {
          pk: { field: 'pk', composite: ['warningCategory', 'regionCode'] },
          sk: { field: 'sk', composite: ['kind', 'grade'] },
        },
      },
    },
    { client, table },
  );
