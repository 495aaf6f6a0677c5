import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Entity } from 'electrodb';
import { SERVICE } from '../service-name';

/**
 * Failed-login counting, keyed by the login string typed — whether or not such an account exists, so the
 * lockout can't be used to find out which accounts exist (no account enumeration). Every check of a secret
 * (password, second-factor code) first reserves an attempt here with a conditional ADD, so however many
 * arrive at once at most five are ever checked; a failure keeps its reservation, the fifth locks the login
 * for 30 minutes; a success clears it. TTL tidies old counters away.
 */
export const loginGuardModel = (client: DynamoDBDocumentClient, table: string) =>
  new Entity(
    {
      model: { entity: 'loginGuard', version: '1', service: SERVICE },
      attributes: {
        login: { type: 'string', required: true },
        failures: { type: 'number', required: true, default: 0 },
        lockedUntil: { type: 'number' },
        /** When the last attempt was reserved (epoch ms): frees a counter a crashed attempt left full. */
        lastAttemptAt: { type: 'number' },
        expiresAt: { type: 'number' },
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
