import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Entity } from 'electrodb';
import { SERVICE } from '../service-name';

export const HAZARD_STEP_ACTIONS = ['issued', 'submitted', 'returned', 'confirmed', 'rescheduled'] as const;

/**
 * One step of a hazard's 整改记录 (who did what when): written with the transition it records, in the hazard's
 * partition, sorted by time. Never changed afterwards.
 */
export const hazardStepModel = (client: DynamoDBDocumentClient, table: string) =>
  new Entity(
    {
      model: { entity: 'hazardStep', version: '1', service: SERVICE },
      attributes: {
        hazardId: { type: 'string', required: true },
        at: { type: 'string', required: true },
        /** The hazard's version this step made (unique within the hazard; breaks ties of `at`). */
        seq: { type: 'number', required: true },
        action: { type: HAZARD_STEP_ACTIONS, required: true },
        byAccountId: { type: 'string', required: true },
        byName: { type: 'string', required: true },
        /** The regulator's department; absent for the enterprise and the system. */
        byDepartment: { type: 'string' },
        description: { type: 'string' },
        reason: { type: 'string' },
        deadline: { type: 'string' },
        attachmentIds: { type: 'list', items: { type: 'string' } },
      },
      indexes: {
        byHazard: {
          collection: 'hazardDetail',
          pk: { field: 'pk', composite: ['hazardId'] },
          sk: { field: 'sk', composite: ['at', 'seq'] },
        },
      },
    },
    { client, table },
  );
