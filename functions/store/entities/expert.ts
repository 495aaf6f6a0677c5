import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Entity } from 'electrodb';
import { SERVICE } from '../service-name';

/**
 * An entry of a department's 专家库 (issue 10 §2): experts are not accounts, only people a task may name.
 * Listed per department on gsi1 (partition = department, sort = region code then id), so a jurisdiction is
 * a `begins_with` and 专业 / 姓名 / 状态 are filters within it. `conflictCount` follows the expert's 回避
 * items (expertConflicts, same partition) in their own transactions.
 */
export const expertModel = (client: DynamoDBDocumentClient, table: string) =>
  new Entity(
    {
      model: { entity: 'expert', version: '1', service: SERVICE },
      attributes: {
        expertId: { type: 'string', required: true, readOnly: true },
        department: { type: 'string', required: true, readOnly: true },
        regionCode: { type: 'string', required: true },
        name: { type: 'string', required: true },
        /** 专业: goods categories, and segments as `category/segment` keys (shared/reference/segments.ts). */
        categories: { type: 'list', required: true, items: { type: 'string' } },
        segments: { type: 'list', required: true, items: { type: 'string' } },
        employer: { type: 'string', required: true },
        phone: { type: 'string', required: true },
        disabled: { type: 'boolean', required: true, default: false },
        conflictCount: { type: 'number', required: true, default: 0 },
        createdById: { type: 'string', required: true, readOnly: true },
        createdByName: { type: 'string', required: true, readOnly: true },
        createdAt: { type: 'string', required: true, readOnly: true },
        updatedAt: { type: 'string', required: true },
        version: { type: 'number', required: true, default: 1 },
      },
      indexes: {
        byId: {
          pk: { field: 'pk', composite: ['expertId'] },
          sk: { field: 'sk', composite: [] },
        },
        byDepartment: {
          index: 'gsi1',
          pk: { field: 'gsi1pk', composite: ['department'] },
          sk: { field: 'gsi1sk', composite: ['regionCode', 'expertId'] },
        },
      },
    },
    { client, table },
  );
