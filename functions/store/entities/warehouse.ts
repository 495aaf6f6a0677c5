import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Entity } from 'electrodb';
import { SERVICE } from '../service-name';

/**
 * A warehouse (仓库) of an enterprise: 仓库基本信息 and 仓库其他信息. It sits in the enterprise's own partition,
 * so the 仓库管理 list is one Query and no route can reach another enterprise's warehouse (the key carries the
 * enterprise). Its stock lines and movements have their own partition (enterprise × warehouse).
 */
export const warehouseModel = (client: DynamoDBDocumentClient, table: string) =>
  new Entity(
    {
      model: { entity: 'warehouse', version: '1', service: SERVICE },
      attributes: {
        warehouseId: { type: 'string', required: true },
        enterpriseId: { type: 'string', required: true },
        enterpriseName: { type: 'string', required: true },
        regionCode: { type: 'string', required: true },
        /** The categories the enterprise works in when the warehouse was written (regulators' scope). */
        categories: { type: 'list', required: true, items: { type: 'string' } },
        /** 仓库名称. */
        name: { type: 'string', required: true },
        /** 仓库地址. */
        address: { type: 'string', required: true },
        /** 仓库类型. */
        type: { type: 'string', required: true },
        /** 设计储量 and its unit. */
        designCapacity: { type: 'number', required: true },
        capacityUnit: { type: 'string', required: true },
        longitude: { type: 'number' },
        latitude: { type: 'number' },
        /** 仓库其他信息: free fields of the manual's second tab (security level, 联系人, 电话, 备注 …). */
        other: {
          type: 'map',
          properties: {
            securityLevel: { type: 'string' },
            contactName: { type: 'string' },
            contactPhone: { type: 'string' },
            area: { type: 'number' },
            builtOn: { type: 'string' },
            acceptanceNo: { type: 'string' },
            remark: { type: 'string' },
          },
        },
        /** The date of its last 盘点; absent until the first, which sets the initial stock. */
        stocktakenOn: { type: 'string' },
        removed: { type: 'boolean', required: true, default: false },
        createdAt: { type: 'string', required: true },
        updatedAt: { type: 'string', required: true },
        version: { type: 'number', required: true, default: 1 },
      },
      indexes: {
        byEnterprise: {
          pk: { field: 'pk', composite: ['enterpriseId'] },
          sk: { field: 'sk', composite: ['warehouseId'] },
        },
      },
    },
    { client, table },
  );
