import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Entity } from 'electrodb';
import { SERVICE } from '../service-name';

/** A captcha challenge: the hash of its answer, single use, five minutes. */
export const captchaModel = (client: DynamoDBDocumentClient, table: string) =>
  new Entity(
    {
      model: { entity: 'captcha', version: '1', service: SERVICE },
      attributes: {
        captchaId: { type: 'string', required: true },
        answerHash: { type: 'string', required: true },
        expiresAt: { type: 'number', required: true },
      },
      indexes: {
        byId: {
          pk: { field: 'pk', composite: ['captchaId'] },
          sk: { field: 'sk', composite: [] },
        },
      },
    },
    { client, table },
  );
