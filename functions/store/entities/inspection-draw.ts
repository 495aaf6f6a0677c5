import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Entity } from 'electrodb';
import { SERVICE } from '../service-name';

const candidates = {
  type: 'list',
  required: true,
  items: {
    type: 'map',
    properties: { id: { type: 'string', required: true }, regionCode: { type: 'string', required: true } },
  },
} as const;
const quotas = {
  type: 'list',
  required: true,
  items: {
    type: 'map',
    properties: { regionPrefix: { type: 'string', required: true }, count: { type: 'number', required: true } },
  },
} as const;

/**
 * One double-random draw (双随机, shared/inspections/draw.ts): everything needed to re-run it — seed, candidates
 * (officer and expert ids as per-draw pseudonyms), conflicts, params — and its result. Kept forever: 再次随机
 * writes a new draw (attempt + 1, previousDrawIds) and marks this one `supersededBy`; the tasks created from a
 * draw name it (drawId) and the draw names their batch (`batchId`, set once, conditionally).
 *
 * Private (never in the public record): `pseudonyms` (pseudonym → real officer/expert id), the salt they came
 * from, who drew, the candidates' names.
 */
export const inspectionDrawModel = (client: DynamoDBDocumentClient, table: string) =>
  new Entity(
    {
      model: { entity: 'inspectionDraw', version: '1', service: SERVICE },
      attributes: {
        drawId: { type: 'string', required: true, readOnly: true },
        algorithm: { type: 'string', required: true, readOnly: true },
        category: { type: 'string', required: true, readOnly: true },
        department: { type: 'string', required: true, readOnly: true },
        regionCode: { type: 'string', required: true, readOnly: true },
        seed: { type: 'string', required: true, readOnly: true },
        commitment: { type: 'string', required: true, readOnly: true },
        snapshotHash: { type: 'string', required: true, readOnly: true },
        enterprises: candidates,
        officers: candidates,
        experts: {
          type: 'list',
          required: true,
          items: { type: 'map', properties: { id: { type: 'string', required: true } } },
        },
        conflicts: {
          type: 'list',
          required: true,
          items: {
            type: 'map',
            properties: {
              officerId: { type: 'string', required: true },
              enterpriseId: { type: 'string', required: true },
            },
          },
        },
        enterpriseQuotas: quotas,
        officerQuotas: quotas,
        teamSize: { type: 'number', required: true },
        expertCount: { type: 'number', required: true },
        /** What the planner asked for (segments, mode, ratio …), for showing the draw again. */
        request: { type: 'any' },
        result: { type: 'any', required: true },
        attempt: { type: 'number', required: true, readOnly: true },
        previousDrawIds: { type: 'list', required: true, items: { type: 'string' } },
        /** Private: pseudonym → real officer/expert id, and the salt the pseudonyms were derived with. */
        pseudonyms: { type: 'any', required: true },
        salt: { type: 'string', required: true, readOnly: true },
        /** Private: the drawn enterprises', officers' and experts' names, for the planner's screens. */
        drawn: { type: 'any', required: true },
        supersededBy: { type: 'string' },
        batchId: { type: 'string' },
        drawnBy: {
          type: 'map',
          required: true,
          properties: { accountId: { type: 'string', required: true }, name: { type: 'string', required: true } },
        },
        drawnAt: { type: 'string', required: true, readOnly: true },
        version: { type: 'number', required: true, default: 1 },
      },
      indexes: {
        byId: {
          pk: { field: 'pk', composite: ['drawId'] },
          sk: { field: 'sk', composite: [] },
        },
      },
    },
    { client, table },
  );
