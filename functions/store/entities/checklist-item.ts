import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Entity } from 'electrodb';
import { SERVICE } from '../service-name';

/**
 * One 检查项目 of one staged revision of a checklist (see checklistVersion): partition = checklist × revision,
 * one row per item sorted by 序号, so a version of 2,000 items is a Query of a few pages and never one item
 * near DynamoDB's 400 KB limit. Put once, never changed.
 */
export const checklistItemModel = (client: DynamoDBDocumentClient, table: string) =>
  new Entity(
    {
      model: { entity: 'checklistItem', version: '1', service: SERVICE },
      attributes: {
        checklistId: { type: 'string', required: true },
        revision: { type: 'string', required: true },
        seq: { type: 'number', required: true, padding: { length: 5, char: '0' } },
        stage: { type: 'string', required: true },
        content: { type: 'string', required: true },
        basis: { type: 'string' },
        method: { type: 'string' },
      },
      indexes: {
        byRevision: {
          pk: { field: 'pk', composite: ['checklistId', 'revision'] },
          sk: { field: 'sk', composite: ['seq'] },
        },
      },
    },
    { client, table },
  );
