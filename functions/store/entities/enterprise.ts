import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Entity } from 'electrodb';
import { SERVICE } from '../service-name';

/**
 * An enterprise on the register (the seed's 新增企业 form). Its licences and personnel share its partition
 * (collection `enterpriseDetail`), so the detail page is one Query. Lists by category × segment × region
 * are served by `enterpriseListing` items, one per segment the enterprise works in.
 * Never hard-deleted: removal sets `removed` (README: The register and its changes). `version` guards every change (optimistic locking).
 */
export const enterpriseModel = (client: DynamoDBDocumentClient, table: string) =>
  new Entity(
    {
      model: { entity: 'enterprise', version: '1', service: SERVICE },
      attributes: {
        enterpriseId: { type: 'string', required: true },
        name: { type: 'string', required: true },
        regionCode: { type: 'string', required: true },
        unitType: { type: 'string' },
        registrationStatus: { type: 'string', required: true },
        registrationNo: { type: 'string' },
        creditCode: { type: 'string' },
        registeredCapital: { type: 'number' },
        legalRepresentative: { type: 'string' },
        phone: { type: 'string' },
        registeredOn: { type: 'string' },
        approvedOn: { type: 'string' },
        businessTermFrom: { type: 'string' },
        businessTermTo: { type: 'string' },
        registrationAuthority: { type: 'string' },
        address: { type: 'string' },
        businessScope: { type: 'string' },
        segments: {
          type: 'list',
          required: true,
          items: {
            type: 'map',
            properties: {
              category: { type: 'string', required: true },
              segment: { type: 'string', required: true },
            },
          },
        },
        staffCount: { type: 'number', required: true, default: 0 },
        /** 营业执照附件. */
        attachmentIds: { type: 'list', items: { type: 'string' } },
        removed: { type: 'boolean', required: true, default: false },
        /**
         * The change request waiting for review, if any: set with attribute_not_exists when a request is filed,
         * so an entry has at most one (a second one would be decided against a stale base); cleared by the decision.
         */
        pendingRequestId: { type: 'string' },
        version: { type: 'number', required: true, default: 1 },
        createdAt: { type: 'string', required: true, readOnly: true, default: () => new Date().toISOString() },
        updatedAt: { type: 'string', required: true, default: () => new Date().toISOString() },
      },
      indexes: {
        byId: {
          collection: 'enterpriseDetail',
          pk: { field: 'pk', composite: ['enterpriseId'] },
          sk: { field: 'sk', composite: [] },
        },
        byCreditCode: {
          index: 'gsi2',
          pk: { field: 'gsi2pk', composite: ['creditCode'] },
          sk: { field: 'gsi2sk', composite: [] },
        },
      },
    },
    { client, table },
  );
