import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Entity } from 'electrodb';
import { SERVICE } from '../service-name';

/**
 * A bulk import of the register (导入清单文件): its progress and per-row error report. Rows are written in
 * batches by the import consumer, which moves `processed` and the outcome counts after each batch.
 */
export const importJobModel = (client: DynamoDBDocumentClient, table: string) =>
  new Entity(
    {
      model: { entity: 'importJob', version: '1', service: SERVICE },
      attributes: {
        importId: { type: 'string', required: true },
        requestedBy: { type: 'string', required: true },
        attachmentId: { type: 'string', required: true },
        fileName: { type: 'string', required: true },
        status: { type: ['queued', 'running', 'done', 'failed'] as const, required: true },
        total: { type: 'number', required: true, default: 0 },
        processed: { type: 'number', required: true, default: 0 },
        created: { type: 'number', required: true, default: 0 },
        duplicates: { type: 'number', required: true, default: 0 },
        failed: { type: 'number', required: true, default: 0 },
        /** Per-row errors, capped (the full report is the downloadable sheet). */
        errors: {
          type: 'list',
          items: {
            type: 'map',
            properties: {
              row: { type: 'number', required: true },
              messages: { type: 'list', items: { type: 'string' }, required: true },
            },
          },
        },
        reportKey: { type: 'string' },
        message: { type: 'string' },
        createdAt: { type: 'string', required: true },
        finishedAt: { type: 'string' },
        version: { type: 'number', required: true, default: 1 },
      },
      indexes: {
        byId: {
          pk: { field: 'pk', composite: ['importId'] },
          sk: { field: 'sk', composite: [] },
        },
        byRequester: {
          index: 'gsi2',
          pk: { field: 'gsi2pk', composite: ['requestedBy'] },
          sk: { field: 'gsi2sk', composite: ['createdAt', 'importId'] },
        },
      },
    },
    { client, table },
  );
