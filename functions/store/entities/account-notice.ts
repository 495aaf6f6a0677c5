import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Entity } from 'electrodb';
import { SERVICE } from '../service-name';

/**
 * 开通通知 of an enterprise login the register opened (新增企业 approved, a 清单 import): the one-time password
 * a regulator hands to the unit. Written in the transaction that creates the entry and its account, and the
 * only place the password exists in clear — for as short as the hand-over needs:
 *   - deleted by the first download (a conditional delete that returns it, so two downloads can't both get
 *     it: functions/lib/accounts/enterprise-login.ts takeNotices);
 *   - deleted when the unit changes the password (sign-in), since it then opens nothing;
 *   - removed by DynamoDB TTL when the password expires (72 hours), downloaded or not.
 * Its key prefix is read only by the register and import functions (per-context grants, issue 9 §7).
 */
export const accountNoticeModel = (client: DynamoDBDocumentClient, table: string) =>
  new Entity(
    {
      model: { entity: 'accountNotice', version: '1', service: SERVICE },
      attributes: {
        enterpriseId: { type: 'string', required: true, readOnly: true },
        accountId: { type: 'string', required: true, readOnly: true },
        login: { type: 'string', required: true, readOnly: true },
        enterpriseName: { type: 'string', required: true },
        /** What opened it: `change:<requestId>` or `import:<importId>` (a whole import's notices in one file). */
        batch: { type: 'string', required: true, readOnly: true },
        oneTimePassword: { type: 'string', required: true, readOnly: true },
        /** Epoch ms: the password's own end. */
        passwordExpiresAt: { type: 'number', required: true, readOnly: true },
        createdAt: { type: 'string', required: true, readOnly: true },
        /** Epoch seconds, for DynamoDB TTL: the password's end. */
        expiresAt: { type: 'number', required: true, readOnly: true },
      },
      indexes: {
        byEnterprise: {
          pk: { field: 'pk', composite: ['enterpriseId'] },
          sk: { field: 'sk', composite: [] },
        },
        byBatch: {
          index: 'gsi1',
          pk: { field: 'gsi1pk', composite: ['batch'] },
          sk: { field: 'gsi1sk', composite: ['enterpriseId'] },
        },
      },
    },
    { client, table },
  );
