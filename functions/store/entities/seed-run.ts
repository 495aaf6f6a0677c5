import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Entity } from 'electrodb';
import { SERVICE } from '../service-name';

/** Marks that demo data was seeded (and with what), so a second `npm start` neither reseeds nor loses data. */
export const seedRunModel = (client: DynamoDBDocumentClient, table: string) =>
  new Entity(
    {
      model: { entity: 'seedRun', version: '1', service: SERVICE },
      attributes: {
        name: { type: 'string', required: true },
        seed: { type: 'number', required: true },
        enterprises: { type: 'number', required: true },
        personnel: { type: 'number', required: true },
        /** The date the demo's expired/expiring mix is relative to. */
        today: { type: 'string', required: true },
        seededAt: { type: 'string', required: true },
        /** Layout of the seeded register (see functions/local/seed.ts); absent = 1. */
        format: { type: 'number' },
      },
      indexes: {
        byName: {
          pk: { field: 'pk', composite: [] },
          sk: { field: 'sk', composite: ['name'] },
        },
      },
    },
    { client, table },
  );
