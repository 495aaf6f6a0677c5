import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Entity } from 'electrodb';
import { SERVICE } from '../service-name';

/**
 * A file in the attachments bucket (营业执照附件, a licence scan, an import sheet). Created when the
 * presigned POST is issued (`pending`), `uploaded` once the object is checked, then linked to what it
 * belongs to (an enterprise / a change request) — the link decides who may download it.
 * A pending attachment that is never uploaded expires (TTL).
 */
export const attachmentModel = (client: DynamoDBDocumentClient, table: string) =>
  new Entity(
    {
      model: { entity: 'attachment', version: '1', service: SERVICE },
      attributes: {
        attachmentId: { type: 'string', required: true },
        key: { type: 'string', required: true, readOnly: true },
        purpose: { type: 'string', required: true, readOnly: true },
        fileName: { type: 'string', required: true },
        contentType: { type: 'string', required: true },
        size: { type: 'number' },
        status: { type: ['pending', 'uploaded'] as const, required: true },
        uploadedBy: { type: 'string', required: true, readOnly: true },
        /** The uploader's enterprise, for an enterprise account. */
        ownerEnterpriseId: { type: 'string' },
        /** Set when linked: the enterprise (or the enterprise a 新增 request will create) and its scope. */
        enterpriseId: { type: 'string' },
        regionCode: { type: 'string' },
        categories: { type: 'list', items: { type: 'string' } },
        requestId: { type: 'string' },
        /** Set when linked as an inspection's evidence (登记): the task, and its team who may download it. */
        taskId: { type: 'string' },
        taskTeam: { type: 'list', items: { type: 'string' } },
        createdAt: { type: 'string', required: true, readOnly: true, default: () => new Date().toISOString() },
        expiresAt: { type: 'number' },
      },
      indexes: {
        byId: {
          pk: { field: 'pk', composite: ['attachmentId'] },
          sk: { field: 'sk', composite: [] },
        },
      },
    },
    { client, table },
  );
