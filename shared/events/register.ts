/**
 * Events of the register context (source `hazmat.register`).
 */
import * as z from 'zod/mini';
import { defineEvent } from './contract';

/** Trimmed, non-empty text of at most `max` characters. */
const text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));

/**
 * A change request (新增企业, 删除企业, 企业信息纠错, 证书信息纠正) was approved or rejected; written in the
 * decision's own transaction (functions/register/decide.ts). The requester's inbox listens
 * (functions/notifications/on-change-decided.ts). Limits are generous — they only keep a message a sane size,
 * a real decision never meets them — and the request id keeps to the characters the inbox's message handle
 * allows, so every message written can also be marked read.
 */
export const ChangeRequestDecided = defineEvent({
  context: 'register',
  detailType: 'ChangeRequestDecided',
  version: 1,
  payload: z.object({
    requestId: z.string().check(z.regex(/^[\w-]{1,100}$/)),
    kind: z.enum(['create', 'remove', 'correct', 'correct-licence']),
    status: z.enum(['approved', 'rejected']),
    enterpriseId: text(120),
    enterpriseName: text(500),
    requestedBy: text(128),
    /** Empty when the reviewer's name is not known: the message then names nobody. */
    decidedByName: z.string().check(z.trim(), z.maxLength(100)),
    decisionReason: z.optional(z.string().check(z.trim(), z.maxLength(2000))),
    decidedAt: z.iso.datetime({ offset: true }),
  }),
});
export type ChangeRequestDecided = z.output<typeof ChangeRequestDecided.payload>;
