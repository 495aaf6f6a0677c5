import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Entity } from 'electrodb';
import { SERVICE } from '../service-name';

/**
 * A checklist's header (检查清单): what the list screen shows and which version is current. Its items live per
 * version (checklistVersions + checklistItems); editing writes a new version and moves `currentVersion` here in
 * one conditional transaction, so readers only ever reach a version whose items are complete.
 *
 * The list index (gsi1): partition = category × kind × owner (the department for an independent list, `joint`
 * for a joint one — every department of the jurisdiction uses those), sort = region code, creation time, id.
 * A jurisdiction is a `begins_with` on the region; 清单名称 / 检查环节 / 清单级别 / 清单创建单位 are filters within
 * that one key range (a department's lists in a category number in the tens, not thousands).
 */
export const checklistModel = (client: DynamoDBDocumentClient, table: string) =>
  new Entity(
    {
      model: { entity: 'checklist', version: '1', service: SERVICE },
      attributes: {
        checklistId: { type: 'string', required: true },
        kind: { type: ['independent', 'joint'] as const, required: true },
        /** The department for an independent list, `joint` for a joint one: the list partition's owner. */
        owner: { type: 'string', required: true },
        name: { type: 'string', required: true },
        category: { type: 'string', required: true },
        department: { type: 'string', required: true },
        regionCode: { type: 'string', required: true },
        /** 清单级别 from the creator's jurisdiction, kept for the list's filter. */
        level: { type: ['province', 'city', 'county'] as const, required: true },
        /** Distinct 检查环节 of the current version, in the order they first appear. */
        stages: { type: 'list', items: { type: 'string' }, required: true },
        itemCount: { type: 'number', required: true },
        currentVersion: { type: 'number', required: true },
        createdBy: {
          type: 'map',
          properties: { accountId: { type: 'string', required: true }, name: { type: 'string', required: true } },
          required: true,
        },
        createdAt: { type: 'string', required: true },
        updatedAt: { type: 'string', required: true },
        deleted: { type: 'boolean', required: true, default: false },
        deletedAt: { type: 'string' },
      },
      indexes: {
        byId: {
          collection: 'checklistDetail',
          pk: { field: 'pk', composite: ['checklistId'] },
          sk: { field: 'sk', composite: [] },
        },
        byOwner: {
          index: 'gsi1',
          pk: { field: 'gsi1pk', composite: ['category', 'kind', 'owner'] },
          sk: { field: 'gsi1sk', composite: ['regionCode', 'createdAt', 'checklistId'] },
        },
      },
    },
    { client, table },
  );
