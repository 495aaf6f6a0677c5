import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Entity } from 'electrodb';
import { SERVICE } from '../service-name';

/**
 * The burden meter (issue 10 §10): how many inspections an enterprise has had, across all departments, per
 * calendar month — one item per enterprise whose attributes `m<yyyyMM>` are moved with `ADD` in the
 * task-creating transaction (functions/inspections/burden.ts builds that update by hand: ElectroDB can't name
 * attributes by month). A picker page reads its enterprises' items with one BatchGet and sums the last 12
 * months. ElectroDB only builds the key here.
 */
export const inspectionBurdenModel = (client: DynamoDBDocumentClient, table: string) =>
  new Entity(
    {
      model: { entity: 'inspectionBurden', version: '1', service: SERVICE },
      attributes: {
        /** The enterprise's id under its own name, so the item's partition is not the register entry's (IAM). */
        inspectedEnterpriseId: { type: 'string', required: true, readOnly: true },
      },
      indexes: {
        byEnterprise: {
          pk: { field: 'pk', composite: ['inspectedEnterpriseId'] },
          sk: { field: 'sk', composite: [] },
        },
      },
    },
    { client, table },
  );
