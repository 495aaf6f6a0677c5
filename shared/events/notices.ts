/**
 * Events of the notices context (source `hazmat.notices`, 归口通报).
 */
import * as z from 'zod/mini';
import { DEPARTMENT_CODES } from '../reference/departments';
import { defineEvent } from './contract';

const text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));

/**
 * A department sent a notice (登记通报问题) about an enterprise to other departments; written in the sending
 * transaction (functions/notices/send.ts). The inbox fans it out to each receiving department's accounts whose
 * jurisdiction and categories cover the enterprise (functions/notifications/on-notice-sent.ts). The notice id
 * keeps to the characters the inbox's message handle allows.
 */
export const NoticeSent = defineEvent({
  context: 'notices',
  detailType: 'NoticeSent',
  version: 1,
  payload: z.object({
    noticeId: z.string().check(z.regex(/^ntc-[\w-]{1,60}$/)),
    department: z.enum(DEPARTMENT_CODES),
    receivers: z.array(z.enum(DEPARTMENT_CODES)).check(z.minLength(1)),
    enterpriseId: text(120),
    enterpriseName: text(500),
    /** The enterprise's region and categories when it was sent: who among the receivers is told. */
    regionCode: z.string().check(z.regex(/^\d{2,6}$/)),
    categories: z.array(text(40)).check(z.minLength(1)),
    summary: z.string().check(z.maxLength(200)),
    sentBy: z.object({ accountId: text(128), name: z.string().check(z.maxLength(100)) }),
    sentAt: z.iso.datetime({ offset: true }),
  }),
});
export type NoticeSent = z.output<typeof NoticeSent.payload>;
