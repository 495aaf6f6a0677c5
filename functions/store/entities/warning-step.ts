import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Entity } from 'electrodb';
import { WARNING_GRADES } from '../../../shared/reference/warnings';
import { SERVICE } from '../service-name';

export const WARNING_STEP_ACTIONS = ['raised', 'regraded', 'cleared', 'closed'] as const;

/**
 * One step of a warning's history (raised / regraded / cleared / closed: when, why, who), written in the
 * transaction of the transition it records, in the warning's partition sorted by time. Never changed.
 */
export const warningStepModel = (client: DynamoDBDocumentClient, table: string) =>
  new Entity(
    {
      model: { entity: 'warningStep', version: '1', service: SERVICE },
      attributes: {
        warningId: { type: 'string', required: true },
        at: { type: 'string', required: true },
        action: { type: WARNING_STEP_ACTIONS, required: true },
        grade: { type: WARNING_GRADES },
        fromGrade: { type: WARNING_GRADES },
        dueDate: { type: 'string' },
        reason: { type: 'string' },
        /** Absent when the system (the scan, an event) did it. */
        byAccountId: { type: 'string' },
        byName: { type: 'string' },
      },
      indexes: {
        byWarning: {
          collection: 'warningDetail',
          pk: { field: 'pk', composite: ['warningId'] },
          sk: { field: 'sk', composite: ['at', 'action'] },
        },
      },
    },
    { client, table },
  );
