import { Entity } from 'electrodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { SERVICE } from '../service-name';

/**
 * When a schedule last ran. One item per schedule; the health check reads it to show the scheduler is
 * alive, and the job writes it only if its tick is newer, so a duplicate delivery changes nothing.
 */
export const scheduleRunModel = (client: DynamoDBDocumentClient, table: string) =>
  new Entity(
    {
      model: { entity: 'scheduleRun', version: '1', service: SERVICE },
      attributes: {
        name: { type: 'string', required: true },
        lastRunAt: { type: 'string', required: true },
        runs: { type: 'number', required: true, default: 0 },
      },
      indexes: {
        byName: {
          pk: { field: 'pk', composite: [] },
          sk: { field: 'sk', composite: ['name'] },
        },
      },
    },
    { client, table },
  );

export type ScheduleRunEntity = ReturnType<typeof scheduleRunModel>;
