import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Entity } from 'electrodb';
import { SERVICE } from '../service-name';
import { receiptAttribute } from './notice';

/**
 * A notice as one list shows it: 发出的通报 of the sending department (`sent#<dept>#<level>`) or 收到的通报 of a
 * receiving one (`recv#<dept>#<level>`), one row per level of the enterprise's region (province, city,
 * county), so a regulator of any level reads their list newest first with one Query on gsi1 — partition = the
 * list and their own region code, no filter on region. Written in the notice's transaction and moved with it
 * (read, reply), in its partition.
 */
export const noticeListingModel = (client: DynamoDBDocumentClient, table: string) =>
  new Entity(
    {
      model: { entity: 'noticeListing', version: '1', service: SERVICE },
      attributes: {
        noticeId: { type: 'string', required: true },
        listKey: { type: 'string', required: true },
        sentAt: { type: 'string', required: true },
        department: { type: 'string', required: true },
        enterpriseId: { type: 'string', required: true },
        enterpriseName: { type: 'string', required: true },
        regionCode: { type: 'string', required: true },
        categories: { type: 'list', required: true, items: { type: 'string' } },
        summary: { type: 'string', required: true },
        sentByName: { type: 'string', required: true },
        receipts: receiptAttribute,
        /** On a 收到的通报 row: whether the list's department has opened it (the 只看未读 filter). */
        read: { type: 'boolean', required: true, default: false },
      },
      indexes: {
        byNotice: {
          collection: 'noticeDetail',
          pk: { field: 'pk', composite: ['noticeId'] },
          sk: { field: 'sk', composite: ['listKey'] },
        },
        byList: {
          index: 'gsi1',
          pk: { field: 'gsi1pk', composite: ['listKey'] },
          sk: { field: 'gsi1sk', composite: ['sentAt', 'noticeId'] },
        },
      },
    },
    { client, table },
  );
