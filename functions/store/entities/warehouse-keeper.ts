import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Entity } from 'electrodb';
import { SERVICE } from '../service-name';

/**
 * 仓库人员: a 保管员 of one warehouse and their certificates, in the enterprise's partition beside the warehouse.
 * Shaped like a staff member (functions/store/entities/person.ts: personId, enterpriseId, regionCode, name,
 * certificates, earliestCertValidTo) and indexed the same way — `due` partition `personCert`, sorted by the
 * earliest expiry — so 人员资质预警's scan covers keepers as it covers staff (it queries this entity beside
 * `personnel`; the warning's source key `enterpriseId/personId/number` is the same shape).
 */
export const warehouseKeeperModel = (client: DynamoDBDocumentClient, table: string) =>
  new Entity(
    {
      model: { entity: 'warehouseKeeper', version: '1', service: SERVICE },
      attributes: {
        /** The keeper's id (`kpr-`), named like a person's so warning code reads both alike. */
        personId: { type: 'string', required: true },
        enterpriseId: { type: 'string', required: true },
        warehouseId: { type: 'string', required: true },
        warehouseName: { type: 'string', required: true },
        enterpriseName: { type: 'string', required: true },
        regionCode: { type: 'string', required: true },
        categories: { type: 'list', required: true, items: { type: 'string' } },
        name: { type: 'string', required: true },
        idCardNo: { type: 'string', required: true },
        mobile: { type: 'string' },
        position: { type: 'string', required: true },
        certificates: {
          type: 'list',
          required: true,
          items: {
            type: 'map',
            properties: {
              type: { type: 'string', required: true },
              number: { type: 'string', required: true },
              issuer: { type: 'string', required: true },
              validFrom: { type: 'string', required: true },
              validTo: { type: 'string', required: true },
            },
          },
        },
        earliestCertValidTo: { type: 'string' },
        /** Present only while the keeper holds a certificate: with it, the `due` keys are written. */
        dueKind: {
          type: 'string',
          watch: ['earliestCertValidTo'],
          set: (_: unknown, item: { earliestCertValidTo?: string }) =>
            item.earliestCertValidTo ? 'personCert' : undefined,
        },
        createdAt: { type: 'string', required: true },
        version: { type: 'number', required: true, default: 1 },
      },
      indexes: {
        byWarehouse: {
          pk: { field: 'pk', composite: ['enterpriseId'] },
          sk: { field: 'sk', composite: ['warehouseId', 'personId'] },
        },
        byDueDate: {
          index: 'due',
          condition: (attrs: { earliestCertValidTo?: string }) => Boolean(attrs.earliestCertValidTo),
          pk: { field: 'duepk', composite: ['dueKind'] },
          sk: { field: 'duesk', composite: ['earliestCertValidTo'] },
        },
      },
    },
    { client, table },
  );
