import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Entity } from 'electrodb';
import { SERVICE } from '../service-name';

/**
 * One open application per login: created with the application (attribute_not_exists), removed when it is
 * rejected so the applicant can apply again; it also lets sign-in tell an applicant their status.
 */
export const registrationGuardModel = (client: DynamoDBDocumentClient, table: string) =>
  new Entity(
    {
      model: { entity: 'registrationGuard', version: '1', service: SERVICE },
      attributes: {
        login: { type: 'string', required: true },
        requestId: { type: 'string', required: true },
      },
      indexes: {
        byLogin: {
          pk: { field: 'pk', composite: ['login'] },
          sk: { field: 'sk', composite: [] },
        },
      },
    },
    { client, table },
  );
