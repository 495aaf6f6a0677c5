import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Entity } from 'electrodb';
import { SERVICE } from '../service-name';

/**
 * An enterprise's application for an account (立即注册), waiting for, or decided by, a 审核人员. The
 * applicant's chosen password is kept only as its hash and moves to the account on approval.
 */
export const registrationModel = (client: DynamoDBDocumentClient, table: string) =>
  new Entity(
    {
      model: { entity: 'registration', version: '1', service: SERVICE },
      attributes: {
        requestId: { type: 'string', required: true },
        status: { type: ['pending', 'approved', 'rejected'] as const, required: true },
        hasLicence: { type: 'boolean', required: true },
        code: { type: 'string' },
        /** The unit already on the register that the applicant claims. */
        existingEnterpriseId: { type: 'string' },
        unitName: { type: 'string', required: true },
        address: { type: 'string' },
        legalRepresentative: { type: 'string' },
        phone: { type: 'string' },
        regionCode: { type: 'string', required: true },
        segments: {
          type: 'list',
          required: true,
          items: {
            type: 'map',
            properties: { category: { type: 'string', required: true }, segment: { type: 'string', required: true } },
          },
        },
        categories: { type: 'list', required: true, items: { type: 'string' } },
        informantName: { type: 'string', required: true },
        informantIdCardNo: { type: 'string', required: true },
        informantMobile: { type: 'string', required: true },
        login: { type: 'string', required: true },
        passwordHash: { type: 'string', required: true },
        submittedAt: { type: 'string', required: true },
        decidedAt: { type: 'string' },
        decidedBy: { type: 'string' },
        reason: { type: 'string' },
        /**
         * The login already had an account when the application came: kept (so the applicant's answer is the
         * same as for any other application — no way to learn which logins exist) but given no review task, so
         * no one reviews or approves it.
         */
        loginTaken: { type: 'boolean' },
        /** Account and (for a new unit) register entry written after approval. */
        provisioned: { type: 'boolean', required: true, default: false },
        version: { type: 'number', required: true, default: 1 },
      },
      indexes: {
        byId: {
          collection: 'registrationDetail',
          pk: { field: 'pk', composite: ['requestId'] },
          sk: { field: 'sk', composite: [] },
        },
      },
    },
    { client, table },
  );
