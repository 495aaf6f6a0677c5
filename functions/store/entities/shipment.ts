import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Entity } from 'electrodb';
import { SERVICE } from '../service-name';

export const SHIPMENT_STATUSES = ['open', 'closed'] as const;

/**
 * One outbound (出库) to another enterprise on the register, written in the outbound's transaction: shipper,
 * receiver, category, lines. The waybill (电子托运单) and the receiver's 签收 入库 record themselves on it.
 * While open its expected receipt (出库日期 + 3 days) sits in the sparse `due` index (partition `shipment`),
 * so the reconciliation finds unclosed flows by Query. The receiver's incoming list is gsi3 (receiver × date),
 * the shipper's is gsi2 (shipper × date).
 */
export const shipmentModel = (client: DynamoDBDocumentClient, table: string) =>
  new Entity(
    {
      model: { entity: 'shipment', version: '1', service: SERVICE },
      attributes: {
        shipmentId: { type: 'string', required: true },
        shipperEnterpriseId: { type: 'string', required: true },
        shipperName: { type: 'string', required: true },
        shipperRegionCode: { type: 'string', required: true },
        receiverEnterpriseId: { type: 'string', required: true },
        receiverName: { type: 'string', required: true },
        receiverRegionCode: { type: 'string', required: true },
        category: { type: 'string', required: true },
        /** The receiver's segment (环节) the gate checked its licence for. */
        receiverSegment: { type: 'string', required: true },
        /** 出库类型. */
        outboundType: { type: 'string', required: true },
        warehouseId: { type: 'string', required: true },
        warehouseName: { type: 'string', required: true },
        outboundId: { type: 'string', required: true },
        /** 出库日期. */
        shippedOn: { type: 'string', required: true },
        lines: {
          type: 'list',
          required: true,
          items: {
            type: 'map',
            properties: {
              productKey: { type: 'string', required: true },
              productName: { type: 'string', required: true },
              category: { type: 'string', required: true },
              quantity: { type: 'number', required: true },
              unit: { type: 'string', required: true },
              codes: { type: 'list', items: { type: 'string' } },
            },
          },
        },
        waybillId: { type: 'string' },
        inboundId: { type: 'string' },
        inboundWarehouseId: { type: 'string' },
        receivedOn: { type: 'string' },
        status: { type: SHIPMENT_STATUSES, required: true },
        /** Present only while open (both or neither): the `due` keys. */
        dueKind: { type: 'string' },
        dueDate: { type: 'string' },
        createdAt: { type: 'string', required: true },
        version: { type: 'number', required: true, default: 1 },
      },
      indexes: {
        byId: {
          pk: { field: 'pk', composite: ['shipmentId'] },
          sk: { field: 'sk', composite: [] },
        },
        byShipper: {
          index: 'gsi2',
          pk: { field: 'gsi2pk', composite: ['shipperEnterpriseId'] },
          sk: { field: 'gsi2sk', composite: ['shippedOn', 'shipmentId'] },
        },
        byReceiver: {
          index: 'gsi3',
          pk: { field: 'gsi3pk', composite: ['receiverEnterpriseId'] },
          sk: { field: 'gsi3sk', composite: ['shippedOn', 'shipmentId'] },
        },
        byDueDate: {
          index: 'due',
          // Sparse: a closed shipment has no dueKind, so no `due` keys are written.
          condition: (attrs: { dueKind?: string }) => Boolean(attrs.dueKind),
          pk: { field: 'duepk', composite: ['dueKind'] },
          sk: { field: 'duesk', composite: ['dueDate', 'shipmentId'] },
        },
      },
    },
    { client, table },
  );
