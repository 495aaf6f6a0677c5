import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Entity } from 'electrodb';
import { SERVICE } from '../service-name';

/**
 * The claim on a login (mobile number, 统一社会信用代码 or 注册号): one item whose table key IS the login, put
 * with `attribute_not_exists` in the same transaction as its account (functions/accounts/create.ts). Two
 * creations of the same login — concurrent or not, regulator or enterprise — can't both commit, which the
 * account's own gsi2 entry (an index, not a key) can't promise. Keys are lower-cased by ElectroDB, so an
 * enterprise login claims every casing of itself.
 *
 * `accountId` says who holds the login. Callers that create with a deterministic id (the seed, the Excel
 * import) recognise their own earlier write by it and skip it instead of failing: that is what makes a
 * re-run of the same import create nothing twice. Claims are never released (no account is deleted).
 */
export const loginClaimModel = (client: DynamoDBDocumentClient, table: string) =>
  new Entity(
    {
      model: { entity: 'loginClaim', version: '1', service: SERVICE },
      attributes: {
        login: { type: 'string', required: true, readOnly: true },
        accountId: { type: 'string', required: true, readOnly: true },
        kind: { type: ['regulator', 'enterprise'] as const, required: true, readOnly: true },
        claimedAt: { type: 'string', required: true, readOnly: true },
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

export type LoginClaimEntity = ReturnType<typeof loginClaimModel>;
