import { z } from 'zod';

/**
 * Every failure the API returns has this shape (README: Architecture — every context's errors pass through functions/lib/http). `message` is Chinese and tells the user what
 * to do; `details` carries per-field problems for forms. The web client and the handlers share it.
 */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'BAD_REQUEST',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  /** Signed in, but a step remains: change the initial/expired password, or give/enrol the second factor. */
  'SIGN_IN_INCOMPLETE',
  'NOT_FOUND',
  'CONFLICT',
  'LOCKED',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'TOO_MANY_REQUESTS',
  'INTERNAL',
  'SERVICE_UNAVAILABLE',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const FieldIssue = z.object({
  /** Dotted path of the field, e.g. `body.creditCode`. */
  path: z.string(),
  message: z.string(),
});
export type FieldIssue = z.infer<typeof FieldIssue>;

export const ErrorBody = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES),
      message: z.string(),
      details: z.array(FieldIssue).optional(),
      /** Correlation id of the request, to quote to support. */
      requestId: z.string().optional(),
    }),
  })
  .meta({ id: 'Error' });
export type ErrorBody = z.infer<typeof ErrorBody>;
