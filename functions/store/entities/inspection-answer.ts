import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Entity } from 'electrodb';
import { SERVICE } from '../service-name';

/**
 * One checklist item's answer on an inspection task (登记): 满足 / 不满足 / 不涉及, with the 描述 and the evidence
 * (attachments) a 不满足 requires. One item per checklist item, in the task's own partition (pk = the task's,
 * sorted by the item's seq), so the 登记 page reads the task and all its answers in one Query, and two
 * officers answering different items at once write different items — neither can overwrite the other. The same
 * item at once is decided by `version` (a conditional write: the stale one gets 409).
 * Written in the same transaction that moves answeredCount / unsatisfiedCount on the task.
 */
export const inspectionAnswerModel = (client: DynamoDBDocumentClient, table: string) =>
  new Entity(
    {
      model: { entity: 'inspectionAnswer', version: '1', service: SERVICE },
      attributes: {
        taskId: { type: 'string', required: true },
        // Padded in the sort key so items sort by number (2 before 10).
        seq: { type: 'number', required: true, padding: { length: 5, char: '0' } },
        result: { type: ['satisfied', 'unsatisfied', 'not-applicable'] as const, required: true },
        description: { type: 'string' },
        attachmentIds: { type: 'list', items: { type: 'string' }, required: true, default: () => [] },
        /** The attachments' names and types, copied when linked, so the 登记 page needs no read of its own. */
        evidence: {
          type: 'list',
          items: {
            type: 'map',
            properties: {
              attachmentId: { type: 'string', required: true },
              fileName: { type: 'string', required: true },
              contentType: { type: 'string', required: true },
            },
          },
        },
        registeredBy: {
          type: 'map',
          required: true,
          properties: {
            accountId: { type: 'string', required: true },
            name: { type: 'string', required: true },
          },
        },
        registeredAt: { type: 'string', required: true },
        version: { type: 'number', required: true, default: 1 },
      },
      indexes: {
        byTask: {
          collection: 'inspectionTask',
          pk: { field: 'pk', composite: ['taskId'] },
          sk: { field: 'sk', composite: ['seq'] },
        },
      },
    },
    { client, table },
  );

export type InspectionAnswerEntity = ReturnType<typeof inspectionAnswerModel>;
