import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Entity } from 'electrodb';
import { SERVICE } from '../service-name';

/**
 * A member of an enterprise's staff (从业人员) with their certificates (人员资质). One item per person in
 * the enterprise's partition, so the staff page is one Query. The earliest certificate expiry is copied to
 * `earliestCertValidTo` and indexed in `due` (partition `personCert`): the scan finds people with any
 * certificate falling due without reading the other 100,000.
 */
export const personModel = (client: DynamoDBDocumentClient, table: string) =>
  new Entity(
    {
      model: { entity: 'person', version: '1', service: SERVICE },
      attributes: {
        personId: { type: 'string', required: true },
        enterpriseId: { type: 'string', required: true },
        regionCode: { type: 'string', required: true },
        name: { type: 'string', required: true },
        idCardNo: { type: 'string', required: true },
        gender: { type: 'string' },
        mobile: { type: 'string' },
        position: { type: 'string' },
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
        /** Present only while the person holds a certificate: with it, the `due` keys are written. */
        dueKind: {
          type: 'string',
          watch: ['earliestCertValidTo'],
          set: (_: unknown, item: { earliestCertValidTo?: string }) =>
            item.earliestCertValidTo ? 'personCert' : undefined,
        },
        version: { type: 'number', required: true, default: 1 },
      },
      indexes: {
        byEnterprise: {
          collection: 'enterpriseDetail',
          pk: { field: 'pk', composite: ['enterpriseId'] },
          sk: { field: 'sk', composite: ['personId'] },
        },
        byDueDate: {
          index: 'due',
          // Sparse: a person without certificates has neither composite, so no `due` keys are written.
          condition: (attrs: { earliestCertValidTo?: string }) => Boolean(attrs.earliestCertValidTo),
          pk: { field: 'duepk', composite: ['dueKind'] },
          sk: { field: 'duesk', composite: ['earliestCertValidTo'] },
        },
      },
    },
    { client, table },
  );
