import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Entity } from 'electrodb';
import { FLOW_WARNING_TYPES, WARNING_GRADES, WARNING_KINDS } from '../../../shared/reference/warnings';
import { SERVICE } from '../service-name';
import { warningDetailAttribute } from './warning';

/**
 * An OPEN warning as a regulator's list shows it: one row per category of the warning, with the list's columns
 * copied in, in the warning's partition. Written with the warning in each transition's transaction and deleted
 * when it ends, so a list holds exactly the open warnings.
 * - gsi1 `kind × category`, sorted by region code then due date: a jurisdiction's page is one Query with
 *   `begins_with(regionCode)`.
 * - gsi3 `kind × category × grade`, same sort: the list narrowed to one grade (and a dashboard's drill-down).
 */
export const warningListingModel = (client: DynamoDBDocumentClient, table: string) =>
  new Entity(
    {
      model: { entity: 'warningListing', version: '1', service: SERVICE },
      attributes: {
        warningId: { type: 'string', required: true },
        category: { type: 'string', required: true },
        kind: { type: WARNING_KINDS, required: true },
        flowType: { type: FLOW_WARNING_TYPES },
        grade: { type: WARNING_GRADES, required: true },
        regionCode: { type: 'string', required: true },
        enterpriseId: { type: 'string', required: true },
        enterpriseName: { type: 'string', required: true },
        /** Sort key part: the due date, or the raising day for warnings without one (flows). */
        sortDate: { type: 'string', required: true },
        dueDate: { type: 'string' },
        raisedAt: { type: 'string', required: true },
        detail: warningDetailAttribute,
        /** The warning's version this row was written with. */
        version: { type: 'number', required: true },
      },
      indexes: {
        byWarning: {
          collection: 'warningDetail',
          pk: { field: 'pk', composite: ['warningId'] },
          sk: { field: 'sk', composite: ['category'] },
        },
        byKindCategory: {
          index: 'gsi1',
          pk: { field: 'gsi1pk', composite: ['kind', 'category'] },
          sk: { field: 'gsi1sk', composite: ['regionCode', 'sortDate', 'warningId'] },
        },
        byKindCategoryGrade: {
          index: 'gsi3',
          pk: { field: 'gsi3pk', composite: ['kind', 'category', 'grade'] },
          sk: { field: 'gsi3sk', composite: ['regionCode', 'sortDate', 'warningId'] },
        },
      },
    },
    { client, table },
  );
