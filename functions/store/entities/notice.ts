import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Entity } from 'electrodb';
import { SERVICE } from '../service-name';

/**
 * Each receiving department's state of a notice: 未读 until one of its regulators opens it (who and when are
 * kept: the first opening only), and its 处理情况 once given. Copied onto the notice's list rows, so
 * 发出的通报 shows every receiver's 未读 / 已读 from one Query.
 */
export const receiptAttribute = {
  type: 'list',
  required: true,
  items: {
    type: 'map',
    properties: {
      department: { type: 'string', required: true },
      readAt: { type: 'string' },
      readByAccountId: { type: 'string' },
      readByName: { type: 'string' },
      reply: { type: 'string' },
      repliedAt: { type: 'string' },
      repliedByAccountId: { type: 'string' },
      repliedByName: { type: 'string' },
    },
  },
} as const;

/**
 * A notice (归口通报): one department tells others about a problem found at an enterprise. Owned by the sending
 * department; seen by it and by the receiving departments, each within a jurisdiction covering the enterprise's
 * region and a category of the enterprise (the region and categories are the enterprise's when it was sent).
 * Its list rows (noticeListing) share its partition; `version` orders every change (read, reply).
 */
export const noticeModel = (client: DynamoDBDocumentClient, table: string) =>
  new Entity(
    {
      model: { entity: 'notice', version: '1', service: SERVICE },
      attributes: {
        noticeId: { type: 'string', required: true },
        /** 通报单位: the sender's department. */
        department: { type: 'string', required: true },
        /** The sender's jurisdiction when it was sent (for the record). */
        senderRegionCode: { type: 'string', required: true },
        enterpriseId: { type: 'string', required: true },
        enterpriseName: { type: 'string', required: true },
        creditCode: { type: 'string' },
        /** The enterprise's region code: who may see the notice. */
        regionCode: { type: 'string', required: true },
        categories: { type: 'list', required: true, items: { type: 'string' } },
        description: { type: 'string', required: true },
        result: { type: 'string', required: true },
        attachmentIds: { type: 'list', required: true, items: { type: 'string' } },
        receipts: receiptAttribute,
        sentAt: { type: 'string', required: true },
        sentById: { type: 'string', required: true },
        sentByName: { type: 'string', required: true },
        version: { type: 'number', required: true, default: 1 },
      },
      indexes: {
        byId: {
          collection: 'noticeDetail',
          pk: { field: 'pk', composite: ['noticeId'] },
          sk: { field: 'sk', composite: [] },
        },
      },
    },
    { client, table },
  );
