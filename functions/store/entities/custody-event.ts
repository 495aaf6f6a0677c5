import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Entity } from 'electrodb';
import { SERVICE } from '../service-name';

export const CUSTODY_EVENT_KINDS = ['made', 'outbound', 'waybill', 'inbound', 'used', 'returned', 'packed'] as const;
export const CODE_KINDS = ['detonator', 'detonatorBox', 'fireworksBox', 'radioactiveSource', 'other'] as const;

/**
 * One step in the chain of custody of one code (雷管编码, 箱码, 放射源编码): made / outbound / waybill / inbound /
 * used / returned, and `packed` for a box (its `contents`: the item codes inside). One partition per code, sorted
 * by time, so a code's whole chain is ONE Query. `eventId` is deterministic from what caused the step (kind and
 * the movement / waybill id); a step is written in the transaction of the document behind it, which is itself
 * created only if absent, so a retried request cannot write a step twice.
 */
export const custodyEventModel = (client: DynamoDBDocumentClient, table: string) =>
  new Entity(
    {
      model: { entity: 'custodyEvent', version: '1', service: SERVICE },
      attributes: {
        code: { type: 'string', required: true },
        codeKind: { type: CODE_KINDS, required: true },
        /** ISO time of the step (the sort key), then the id that makes it unique. */
        at: { type: 'string', required: true },
        eventId: { type: 'string', required: true },
        kind: { type: CUSTODY_EVENT_KINDS, required: true },
        /** The business date, yyyy-MM-dd (Asia/Shanghai). */
        date: { type: 'string', required: true },
        enterpriseId: { type: 'string', required: true },
        enterpriseName: { type: 'string', required: true },
        warehouseId: { type: 'string' },
        warehouseName: { type: 'string' },
        movementId: { type: 'string' },
        shipmentId: { type: 'string' },
        waybillId: { type: 'string' },
        counterparty: {
          type: 'map',
          properties: { enterpriseId: { type: 'string' }, name: { type: 'string', required: true } },
        },
        productName: { type: 'string' },
        category: { type: 'string' },
        /** The box the code travelled in, when it moved as part of one. */
        boxCode: { type: 'string' },
        /** `packed`: the item codes inside this box. */
        contents: { type: 'list', items: { type: 'string' } },
        note: { type: 'string' },
      },
      indexes: {
        byCode: {
          pk: { field: 'pk', composite: ['code'] },
          sk: { field: 'sk', composite: ['at', 'eventId'] },
        },
      },
    },
    { client, table },
  );
