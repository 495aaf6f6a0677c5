/**
 * Events of the enterprise context (source `hazmat.enterprise`).
 */
import * as z from 'zod/mini';
import { defineEvent } from './contract';

/**
 * A member of staff's certificates changed (added, updated, removed — or the person was removed), written in the
 * change's own transaction: the warnings context re-grades that person's 人员资质预警 at once instead of waiting
 * for the night's scan.
 */
export const StaffCertificatesChanged = defineEvent({
  context: 'enterprise',
  detailType: 'StaffCertificatesChanged',
  version: 1,
  payload: z.object({
    enterpriseId: z.string().check(z.minLength(1), z.maxLength(120)),
    personId: z.string().check(z.minLength(1), z.maxLength(120)),
    /** The person is gone: every warning of theirs clears. */
    removed: z.boolean(),
    changedAt: z.iso.datetime({ offset: true }),
    /** Who changed it (account id and name), for the warnings' history. */
    by: z.optional(
      z.object({ accountId: z.string().check(z.maxLength(128)), name: z.string().check(z.maxLength(100)) }),
    ),
  }),
});
export type StaffCertificatesChanged = z.output<typeof StaffCertificatesChanged.payload>;
