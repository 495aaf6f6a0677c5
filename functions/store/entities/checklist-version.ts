import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Entity } from 'electrodb';
import { SERVICE } from '../service-name';

/**
 * One immutable version of a checklist, beside its header. Written only in the transaction that makes it
 * current (attribute_not_exists), after its items: it names the `revision` under which those items were staged.
 * A revision is random per write attempt, so two editors staging "version 3" at once never mix their rows, and
 * a write that failed half-way leaves rows no version points to (never read).
 */
export const checklistVersionModel = (client: DynamoDBDocumentClient, table: string) =>
  new Entity(
    {
      model: { entity: 'checklistVersion', version: '1', service: SERVICE },
      attributes: {
        checklistId: { type: 'string', required: true },
        version: { type: 'number', required: true, padding: { length: 6, char: '0' } },
        revision: { type: 'string', required: true },
        name: { type: 'string', required: true },
        itemCount: { type: 'number', required: true },
        createdBy: {
          type: 'map',
          properties: { accountId: { type: 'string', required: true }, name: { type: 'string', required: true } },
          required: true,
        },
        createdAt: { type: 'string', required: true },
      },
      indexes: {
        byChecklist: {
          collection: 'checklistDetail',
          pk: { field: 'pk', composite: ['checklistId'] },
          sk: { field: 'sk', composite: ['version'] },
        },
      },
    },
    { client, table },
  );
