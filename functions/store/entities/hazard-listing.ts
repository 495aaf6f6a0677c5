import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Entity } from 'electrodb';
import { SERVICE } from '../service-name';
import { HAZARD_STATUSES } from './hazard';

/**
 * A hazard as one department's list shows it (待整改 / 待确认 / 已整改隐患信息): one row per department that acts on
 * it — the 隐患发送单位 and the 督促整改责任单位 (one row when they are the same) — with the list's columns copied
 * in, so a page is one Query on gsi1: department × category × status, sorted by region code (a jurisdiction is a
 * `begins_with`) then time. Rewritten with the hazard in each transition's transaction, so the copy can't drift.
 */
export const hazardListingModel = (client: DynamoDBDocumentClient, table: string) =>
  new Entity(
    {
      model: { entity: 'hazardListing', version: '1', service: SERVICE },
      attributes: {
        hazardId: { type: 'string', required: true },
        department: { type: 'string', required: true },
        category: { type: 'string', required: true },
        status: { type: HAZARD_STATUSES, required: true },
        regionCode: { type: 'string', required: true },
        sentAt: { type: 'string', required: true },
        name: { type: 'string', required: true },
        enterpriseId: { type: 'string', required: true },
        enterpriseName: { type: 'string', required: true },
        problem: { type: 'string', required: true },
        requirement: { type: 'string' },
        responsibleDepartment: { type: 'string', required: true },
        sendingDepartment: { type: 'string', required: true },
        deadline: { type: 'string', required: true },
        returnedCount: { type: 'number', required: true, default: 0 },
        attachmentCount: { type: 'number', required: true, default: 0 },
        version: { type: 'number', required: true },
      },
      indexes: {
        byHazard: {
          collection: 'hazardDetail',
          pk: { field: 'pk', composite: ['hazardId'] },
          sk: { field: 'sk', composite: ['department'] },
        },
        byDepartment: {
          index: 'gsi1',
          pk: { field: 'gsi1pk', composite: ['department', 'category', 'status'] },
          sk: { field: 'gsi1sk', composite: ['regionCode', 'sentAt', 'hazardId'] },
        },
      },
    },
    { client, table },
  );
