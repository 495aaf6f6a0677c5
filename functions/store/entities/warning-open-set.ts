import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Entity } from 'electrodb';
import { WARNING_KINDS } from '../../../shared/reference/warnings';
import { SERVICE } from '../service-name';

/**
 * The ids of the OPEN warnings of one kind whose cause falls due on one day, one string set per grade. The
 * scan reads a kind's whole open state with one paged Query of this partition (one item per due day, not one
 * per warning), so per day it reads the due causes and these few items — never each warning — and still
 * finds what to raise, what to regrade and what to clear (an open id no due cause matches any more).
 * Moved with ADD / DELETE on the sets in the transaction of the warning's change.
 * `dueDate` is '-' for warnings without a due date (flows).
 */
export const warningOpenSetModel = (client: DynamoDBDocumentClient, table: string) =>
  new Entity(
    {
      model: { entity: 'warningOpenSet', version: '1', service: SERVICE },
      attributes: {
        openKind: { type: WARNING_KINDS, required: true, readOnly: true },
        dueDate: { type: 'string', required: true, readOnly: true },
        red: { type: 'set', items: 'string' },
        orange: { type: 'set', items: 'string' },
        yellow: { type: 'set', items: 'string' },
        blue: { type: 'set', items: 'string' },
      },
      indexes: {
        byKind: {
          pk: { field: 'pk', composite: ['openKind'] },
          sk: { field: 'sk', composite: ['dueDate'] },
        },
      },
    },
    { client, table },
  );
