import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Entity } from 'electrodb';
import { SERVICE } from '../service-name';

/**
 * One row of a regulator's unit list: the enterprise as seen from one (category, segment), with the
 * list's columns copied in so a page is one Query on gsi1 — partition = category × segment, sort key
 * starts with the region code so a city or county regulator reads `begins_with(regionCode)`.
 * Written in the same transaction as the enterprise, so the copy can't drift.
 */
export const enterpriseListingModel = (client: DynamoDBDocumentClient, table: string) =>
  new Entity(
    {
      model: { entity: 'enterpriseListing', version: '1', service: SERVICE },
      attributes: {
        enterpriseId: { type: 'string', required: true },
        category: { type: 'string', required: true },
        segment: { type: 'string', required: true },
        regionCode: { type: 'string', required: true },
        name: { type: 'string', required: true },
        creditCode: { type: 'string' },
        registrationStatus: { type: 'string', required: true },
        unitType: { type: 'string' },
        legalRepresentative: { type: 'string' },
        phone: { type: 'string' },
        staffCount: { type: 'number', required: true, default: 0 },
        licenceNumber: { type: 'string' },
        licenceValidTo: { type: 'string' },
        removed: { type: 'boolean', required: true, default: false },
      },
      indexes: {
        byEnterprise: {
          collection: 'enterpriseDetail',
          pk: { field: 'pk', composite: ['enterpriseId'] },
          sk: { field: 'sk', composite: ['category', 'segment'] },
        },
        bySegment: {
          index: 'gsi1',
          pk: { field: 'gsi1pk', composite: ['category', 'segment'] },
          sk: { field: 'gsi1sk', composite: ['regionCode', 'enterpriseId'] },
        },
      },
    },
    { client, table },
  );
