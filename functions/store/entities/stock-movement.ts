import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Entity } from 'electrodb';
import { SERVICE } from '../service-name';

export const MOVEMENT_KINDS = ['stocktake', 'inbound', 'outbound', 'return'] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];

const party = {
  type: 'map',
  properties: { enterpriseId: { type: 'string' }, name: { type: 'string', required: true } },
} as const;

/**
 * One 台账 movement of a warehouse: 盘点 / 入库 / 出库 / 清退, with its lines (product, quantity, unit, codes).
 * In the warehouse's partition (enterprise × warehouse) sorted by movementId, which begins with the movement's
 * date — so the movement list is one Query, newest first. An outbound line keeps `returnedQuantity`: a 清退
 * adds to it conditioned on staying ≤ the line's quantity, so returns can never exceed what was shipped.
 */
export const stockMovementModel = (client: DynamoDBDocumentClient, table: string) =>
  new Entity(
    {
      model: { entity: 'stockMovement', version: '1', service: SERVICE },
      attributes: {
        enterpriseId: { type: 'string', required: true },
        warehouseId: { type: 'string', required: true },
        movementId: { type: 'string', required: true },
        kind: { type: MOVEMENT_KINDS, required: true },
        /** 盘点日期 / 入库日期 / 出库日期 / 清退日期, yyyy-MM-dd (Asia/Shanghai). */
        date: { type: 'string', required: true },
        /** 经办人. */
        handler: { type: 'string', required: true },
        /** 出库类型 (outbound only): sale | use | transfer | destroy | other. */
        outboundType: { type: 'string' },
        /** 来源企业 (inbound) or 流向企业 (outbound); for a 清退, the party the goods come back from. */
        counterparty: party,
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
              batchNo: { type: 'string' },
              codes: { type: 'list', items: { type: 'string' } },
              /** 清退: the index of the outbound's line it returns against. */
              lineIndex: { type: 'number' },
              /** 盘点: 系统盘点数量 (the stock the count replaced; absent for the first count). */
              systemQuantity: { type: 'number' },
              /** 出库: how much of the line has been returned (清退) so far. */
              returnedQuantity: { type: 'number' },
            },
          },
        },
        /** 清退: the outbound it returns against (each line names the outbound's line). */
        returnOf: { type: 'string' },
        /** The lines' product names joined, for the list's 产品名称 filter (a substring match on one attribute). */
        productText: { type: 'string', required: true },
        shipmentId: { type: 'string' },
        waybillId: { type: 'string' },
        /** 盘点 that found differences: the 库存差异 warnings it raised. */
        warningIds: { type: 'list', items: { type: 'string' } },
        remark: { type: 'string' },
        createdAt: { type: 'string', required: true },
        createdBy: {
          type: 'map',
          properties: { accountId: { type: 'string', required: true }, name: { type: 'string', required: true } },
        },
        version: { type: 'number', required: true, default: 1 },
      },
      indexes: {
        byWarehouse: {
          pk: { field: 'pk', composite: ['enterpriseId', 'warehouseId'] },
          sk: { field: 'sk', composite: ['movementId'] },
        },
      },
    },
    { client, table },
  );
