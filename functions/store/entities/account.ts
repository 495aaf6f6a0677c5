import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Entity } from 'electrodb';
import { SERVICE } from '../service-name';

/**
 * A login: a regulator (login = mobile number) or an enterprise (login = 统一社会信用代码 or 注册号).
 * Looked up by login through gsi2 (`login` partition is unique by a transaction-held guard item in the
 * identity issue). The password is stored only as a memory-hard hash; `mustChangePassword` marks a
 * one-time password (random, 72 hours; the demo seed's last six characters), to be changed at first use.
 */
export const accountModel = (client: DynamoDBDocumentClient, table: string) =>
  new Entity(
    {
      model: { entity: 'account', version: '1', service: SERVICE },
      attributes: {
        accountId: { type: 'string', required: true },
        kind: { type: ['regulator', 'enterprise'] as const, required: true },
        login: { type: 'string', required: true },
        name: { type: 'string', required: true },
        passwordHash: { type: 'string', required: true },
        mustChangePassword: { type: 'boolean', required: true, default: true },
        passwordChangedAt: { type: 'string' },
        /**
         * Epoch ms after which the one-time password an administrator or the register handed out (new
         * account, reset) no longer opens a session (72 hours). Absent for a password the person chose and
         * for the local demo data's seed rule.
         */
        initialPasswordExpiresAt: { type: 'number' },
        disabled: { type: 'boolean', required: true, default: false },
        /** TOTP (RFC 6238) second factor: the confirmed secret, one being enrolled, the last time-step used. */
        totpSecret: { type: 'string' },
        totpPendingSecret: { type: 'string' },
        totpLastStep: { type: 'number' },
        // Regulator fields.
        mobile: { type: 'string' },
        department: { type: 'string' },
        regionCode: { type: 'string' },
        categories: { type: 'set', items: 'string' },
        roles: { type: 'set', items: 'string' },
        // Enterprise fields.
        enterpriseId: { type: 'string' },
        informantName: { type: 'string' },
        informantIdCardNo: { type: 'string' },
        informantMobile: { type: 'string' },
        version: { type: 'number', required: true, default: 1 },
        createdAt: { type: 'string', required: true, readOnly: true, default: () => new Date().toISOString() },
      },
      indexes: {
        byId: {
          pk: { field: 'pk', composite: ['accountId'] },
          sk: { field: 'sk', composite: [] },
        },
        byLogin: {
          index: 'gsi2',
          pk: { field: 'gsi2pk', composite: ['login'] },
          sk: { field: 'gsi2sk', composite: [] },
        },
        /**
         * Regulator accounts of one department, sorted by region code: a jurisdiction is a `begins_with`
         * (account administration, functions/accounts). Sparse: enterprise accounts have no department.
         */
        byDepartment: {
          index: 'gsi1',
          pk: { field: 'gsi1pk', composite: ['department'] },
          sk: { field: 'gsi1sk', composite: ['regionCode'] },
        },
      },
    },
    { client, table },
  );
