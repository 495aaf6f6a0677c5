import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Entity } from 'electrodb';
import { SERVICE } from '../service-name';

/**
 * Who holds a 统一社会信用代码 on the register: written with `attribute_not_exists` in the transaction that
 * adds the enterprise, so two requests (or an import re-run) can't put one code on the register twice —
 * the gsi2 look-up alone can't promise that (GSIs are eventually consistent and hold no constraint).
 */
export const creditCodeClaimModel = (client: DynamoDBDocumentClient, table: string) =>
  new Entity(
    {
      model: { entity: 'creditCodeClaim', version: '1', service: SERVICE },
      attributes: {
        creditCode: { type: 'string', required: true, readOnly: true },
        enterpriseId: { type: 'string', required: true },
      },
      indexes: {
        byCode: {
          pk: { field: 'pk', composite: ['creditCode'] },
          sk: { field: 'sk', composite: [] },
        },
      },
    },
    { client, table },
  );
