import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Entity } from 'electrodb';
import { SERVICE } from '../service-name';

export const CHANGE_KINDS = ['create', 'remove', 'correct', 'correct-licence'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];
export const CHANGE_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type ChangeStatus = (typeof CHANGE_STATUSES)[number];

/**
 * A change to the register waiting for, or decided by, a 审核人员 (新增企业, 删除企业, 企业信息纠错, and the
 * enterprise's 证书信息纠正). `before` is the register entry the requester saw (null for 新增), `after` what
 * they want (null for 删除); `baseVersion` is the version `before` was read at, so approving a request whose
 * base has moved on is refused instead of silently overwriting someone else's change.
 * History of an enterprise = its change requests, newest first (gsi2).
 */
export const changeRequestModel = (client: DynamoDBDocumentClient, table: string) =>
  new Entity(
    {
      model: { entity: 'changeRequest', version: '1', service: SERVICE },
      attributes: {
        requestId: { type: 'string', required: true },
        kind: { type: CHANGE_KINDS, required: true },
        status: { type: CHANGE_STATUSES, required: true },
        enterpriseId: { type: 'string', required: true },
        licenceId: { type: 'string' },
        enterpriseName: { type: 'string', required: true },
        regionCode: { type: 'string', required: true },
        /** Categories whose 审核人员 may decide: the platform it was filed from, or the enterprise's. */
        categories: { type: 'list', required: true, items: { type: 'string' } },
        before: { type: 'any' },
        after: { type: 'any' },
        baseVersion: { type: 'number' },
        /** 删除企业's mandatory reason. */
        reason: { type: 'string' },
        attachmentIds: { type: 'list', items: { type: 'string' } },
        requestedBy: { type: 'string', required: true },
        requesterKind: { type: ['regulator', 'enterprise'] as const, required: true },
        requesterName: { type: 'string', required: true },
        submittedAt: { type: 'string', required: true },
        decidedAt: { type: 'string' },
        decidedBy: { type: 'string' },
        decidedByName: { type: 'string' },
        decisionReason: { type: 'string' },
        version: { type: 'number', required: true, default: 1 },
      },
      indexes: {
        byId: {
          pk: { field: 'pk', composite: ['requestId'] },
          sk: { field: 'sk', composite: [] },
        },
        byEnterprise: {
          index: 'gsi2',
          pk: { field: 'gsi2pk', composite: ['enterpriseId'] },
          sk: { field: 'gsi2sk', composite: ['submittedAt', 'requestId'] },
        },
      },
    },
    { client, table },
  );
