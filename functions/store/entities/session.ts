import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Entity } from 'electrodb';
import { SERVICE } from '../service-name';

/**
 * A signed-in session. The browser holds two opaque secrets in HttpOnly cookies — a short-lived access
 * token and a rotating refresh token — and the session item holds only their SHA-256 hashes, so a leaked
 * table reveals no usable token. Every authenticated request reads this item (one GetItem), which is what
 * makes logout, idle timeout and revocation immediate. DynamoDB TTL removes it after its absolute lifetime.
 */
export const sessionModel = (client: DynamoDBDocumentClient, table: string) =>
  new Entity(
    {
      model: { entity: 'session', version: '1', service: SERVICE },
      attributes: {
        sessionId: { type: 'string', required: true },
        accountId: { type: 'string', required: true },
        kind: { type: ['regulator', 'enterprise'] as const, required: true },
        login: { type: 'string', required: true },
        name: { type: 'string', required: true },
        /** active, or a step of signing in still to do (password-change, totp, totp-enrolment). */
        stage: { type: 'string', required: true },
        passwordChangeReason: { type: 'string' },
        department: { type: 'string' },
        regionCode: { type: 'string' },
        categories: { type: 'list', items: { type: 'string' } },
        roles: { type: 'list', items: { type: 'string' } },
        /** The category platform signed in to (regulators). */
        category: { type: 'string' },
        enterpriseId: { type: 'string' },
        accessHash: { type: 'string', required: true },
        accessExpiresAt: { type: 'number', required: true },
        refreshHash: { type: 'string', required: true },
        /**
         * The refresh token before the last rotation. Presented again within REFRESH_GRACE_MS of `rotatedAt`
         * it is a parallel tab that sent the same cookie (answered without new tokens); later, it was copied,
         * and the session is revoked.
         */
        previousRefreshHash: { type: 'string' },
        /** When the refresh token was last rotated (epoch ms). */
        rotatedAt: { type: 'number' },
        csrfHash: { type: 'string', required: true },
        lastActivityAt: { type: 'number', required: true },
        revoked: { type: 'boolean', required: true, default: false },
        sourceIp: { type: 'string' },
        userAgent: { type: 'string' },
        createdAt: { type: 'number', required: true },
        /** Epoch seconds: the absolute end of the session, for DynamoDB TTL. */
        expiresAt: { type: 'number', required: true },
      },
      indexes: {
        byId: {
          pk: { field: 'pk', composite: ['sessionId'] },
          sk: { field: 'sk', composite: [] },
        },
        /** An account's sessions, to revoke them all when the account is disabled or its password reset. */
        byAccount: {
          index: 'gsi2',
          pk: { field: 'gsi2pk', composite: ['accountId'] },
          sk: { field: 'gsi2sk', composite: ['sessionId'] },
        },
      },
    },
    { client, table },
  );
