import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Entity } from 'electrodb';
import { SERVICE } from '../service-name';

export const SCAN_RUN_STATUSES = ['running', 'done', 'failed'] as const;
export const SCAN_RUN_TRIGGERS = ['schedule', 'manual', 'seed'] as const;

/**
 * One run of the warning scan (预警扫描): the daily schedule's and each 立即扫描. The running scan moves its
 * figures as it goes, so the 系统管理员's page shows the progress. All runs share one partition, newest
 * first by start time: the list is one paged Query.
 */
export const warningScanRunModel = (client: DynamoDBDocumentClient, table: string) =>
  new Entity(
    {
      model: { entity: 'warningScanRun', version: '1', service: SERVICE },
      attributes: {
        runId: { type: 'string', required: true, readOnly: true },
        trigger: { type: SCAN_RUN_TRIGGERS, required: true },
        /** The Asia/Shanghai day the scan graded against. */
        today: { type: 'string', required: true },
        startedAt: { type: 'string', required: true },
        finishedAt: { type: 'string' },
        status: { type: SCAN_RUN_STATUSES, required: true },
        startedBy: {
          type: 'map',
          properties: { accountId: { type: 'string', required: true }, name: { type: 'string', required: true } },
        },
        /** The kind being scanned now (progress). */
        phase: { type: 'string' },
        itemsRead: { type: 'number', required: true, default: 0 },
        itemsDue: { type: 'number', required: true, default: 0 },
        raised: { type: 'number', required: true, default: 0 },
        regraded: { type: 'number', required: true, default: 0 },
        cleared: { type: 'number', required: true, default: 0 },
        error: { type: 'string' },
        expiresAt: { type: 'number' },
      },
      indexes: {
        byRun: {
          pk: { field: 'pk', composite: ['runId'] },
          sk: { field: 'sk', composite: [] },
        },
        byStart: {
          index: 'gsi1',
          pk: { field: 'gsi1pk', composite: [] },
          sk: { field: 'gsi1sk', composite: ['startedAt', 'runId'] },
        },
      },
    },
    { client, table },
  );
