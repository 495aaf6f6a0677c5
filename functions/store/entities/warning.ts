import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Entity } from 'electrodb';
import {
  FLOW_WARNING_TYPES,
  WARNING_DETAIL_NUMBER_FIELDS,
  WARNING_DETAIL_STRING_FIELDS,
  WARNING_GRADES,
  WARNING_KINDS,
  WARNING_STATUSES,
} from '../../../shared/reference/warnings';
import { SERVICE } from '../service-name';

const actor = {
  type: 'map',
  properties: { accountId: { type: 'string', required: true }, name: { type: 'string', required: true } },
} as const;

/** The cause's columns a list shows (shared/reference/warnings.ts `WarningDetail`), as one map. */
export const warningDetailAttribute = {
  type: 'map',
  required: true,
  properties: {
    ...(Object.fromEntries(WARNING_DETAIL_STRING_FIELDS.map((f) => [f, { type: 'string' }])) as Record<
      (typeof WARNING_DETAIL_STRING_FIELDS)[number],
      { type: 'string' }
    >),
    ...(Object.fromEntries(WARNING_DETAIL_NUMBER_FIELDS.map((f) => [f, { type: 'number' }])) as Record<
      (typeof WARNING_DETAIL_NUMBER_FIELDS)[number],
      { type: 'number' }
    >),
  },
} as const;

/**
 * One warning (大数据预警), in its own partition with its list rows and history steps (collection
 * `warningDetail`). Its id is deterministic from its cause (`kind:sourceKey`, functions/lib/warnings/write.ts),
 * so raising the same cause twice writes once. Every change is conditioned on `version` (or on the state it
 * moves from), and the counters move in the same transaction. The item stays after it ends (cleared / closed)
 * for its history; a cause that falls due again re-raises it in place.
 * gsi3: an enterprise's own warnings (its 首页: expiring licences and staff certificates).
 */
export const warningModel = (client: DynamoDBDocumentClient, table: string) =>
  new Entity(
    {
      model: { entity: 'warning', version: '1', service: SERVICE },
      attributes: {
        warningId: { type: 'string', required: true },
        kind: { type: WARNING_KINDS, required: true },
        flowType: { type: FLOW_WARNING_TYPES },
        /** The cause's own key (licence: enterpriseId/licenceId; personCert: enterpriseId/personId/number …). */
        sourceKey: { type: 'string', required: true },
        grade: { type: WARNING_GRADES, required: true },
        status: { type: WARNING_STATUSES, required: true },
        regionCode: { type: 'string', required: true },
        categories: { type: 'list', required: true, items: { type: 'string' } },
        enterpriseId: { type: 'string', required: true },
        enterpriseName: { type: 'string', required: true },
        /** The cause's due date (validTo, 整改时限), yyyy-MM-dd Asia/Shanghai; flows may have none. */
        dueDate: { type: 'string' },
        raisedAt: { type: 'string', required: true },
        /** When the grade was last set (raised or regraded). */
        gradedAt: { type: 'string', required: true },
        clearedAt: { type: 'string' },
        clearedBy: actor,
        clearReason: { type: 'string' },
        detail: warningDetailAttribute,
        version: { type: 'number', required: true },
      },
      indexes: {
        byId: {
          collection: 'warningDetail',
          pk: { field: 'pk', composite: ['warningId'] },
          sk: { field: 'sk', composite: [] },
        },
        byEnterprise: {
          index: 'gsi3',
          pk: { field: 'gsi3pk', composite: ['enterpriseId'] },
          sk: { field: 'gsi3sk', composite: ['kind', 'warningId'] },
        },
      },
    },
    { client, table },
  );

export type WarningEntity = ReturnType<typeof warningModel>;
