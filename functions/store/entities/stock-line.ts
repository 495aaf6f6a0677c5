import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Entity } from 'electrodb';
import { SERVICE } from '../service-name';

/**
 * The stock (库存) of one product in one warehouse: the 台账's running figure. Every movement changes it with
 * a conditional ADD in the movement's own transaction — an outbound only `if quantity >= q` — so it is never
 * negative and concurrent movements never lose a write (no read-modify-write). A 盘点 sets it only at the
 * quantity (version) the count was compared with. Partition: enterprise × warehouse, beside the movements.
 */
export const stockLineModel = (client: DynamoDBDocumentClient, table: string) =>
  new Entity(
    {
      model: { entity: 'stockLine', version: '1', service: SERVICE },
      attributes: {
        enterpriseId: { type: 'string', required: true },
        warehouseId: { type: 'string', required: true },
        productKey: { type: 'string', required: true },
        productName: { type: 'string', required: true },
        category: { type: 'string', required: true },
        unit: { type: 'string', required: true },
        /** Never negative: every decrement is conditioned on it. */
        quantity: { type: 'number', required: true },
        /** The date of the last 盘点 (none before the first, which sets the initial stock). */
        stocktakenOn: { type: 'string' },
        lastMovementAt: { type: 'string', required: true },
        version: { type: 'number', required: true, default: 1 },
      },
      indexes: {
        byWarehouse: {
          pk: { field: 'pk', composite: ['enterpriseId', 'warehouseId'] },
          sk: { field: 'sk', composite: ['productKey'] },
        },
      },
    },
    { client, table },
  );
