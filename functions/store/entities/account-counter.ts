import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Entity } from 'electrodb';
import { SERVICE } from '../service-name';

/** The figures kept as live counters. One today: the portal's 监管人员开通数量. */
export const COUNTER_FIGURES = ['enabledRegulators'] as const;
export type CounterFigure = (typeof COUNTER_FIGURES)[number];

/**
 * A live count for a dashboard figure: the number of ENABLED regulator accounts of one department in one
 * jurisdiction (省直, a city, 平潭 — `jurisdictionOf` in shared/reference/regions.ts). Moved with `ADD ±n` in
 * the same transaction as the account it counts (create, disable, enable), never recomputed by a scan.
 *
 * Every counter of a figure sits in one partition, sorted by department then jurisdiction: the portal reads
 * the whole figure — at most 16 departments × 11 jurisdictions = 176 small items — with one Query.
 * Writes to it are rare (opening and closing accounts), so one partition is far below any limit.
 */
export const accountCounterModel = (client: DynamoDBDocumentClient, table: string) =>
  new Entity(
    {
      model: { entity: 'accountCounter', version: '1', service: SERVICE },
      attributes: {
        figure: { type: COUNTER_FIGURES, required: true, readOnly: true },
        department: { type: 'string', required: true, readOnly: true },
        /** The jurisdiction's region code: '35' 省直, a city ('3505'), or '350128' 平潭综合实验区. */
        jurisdiction: { type: 'string', required: true, readOnly: true },
        count: { type: 'number', required: true, default: 0 },
        updatedAt: { type: 'string' },
      },
      indexes: {
        byFigure: {
          pk: { field: 'pk', composite: ['figure'] },
          sk: { field: 'sk', composite: ['department', 'jurisdiction'] },
        },
      },
    },
    { client, table },
  );

export type AccountCounterEntity = ReturnType<typeof accountCounterModel>;
