/**
 * The register import's own events (source `hazmat.imports`): one to read and check the uploaded 清单, then one
 * per batch of rows, each written in the transaction of the step before it (functions/imports/) — so no
 * invocation runs long, whatever the size of the file, and no step is left without its successor.
 */
import * as z from 'zod/mini';
import { defineEvent } from './contract';

const importId = z.string().check(z.regex(/^imp-[\w-]{1,64}$/));

/** Who asked, from where, and the jurisdiction the rows must lie in — fixed when the import was requested. */
export const RegisterImportRequested = defineEvent({
  context: 'imports',
  detailType: 'RegisterImportRequested',
  version: 1,
  payload: z.object({
    importId,
    /** '35' for a 系统管理员; a 部门管理员's region code. */
    scopePrefix: z.string().check(z.regex(/^35(\d{2}){0,2}$/)),
    actor: z.object({
      accountId: z.string().check(z.minLength(1)),
      login: z.optional(z.string()),
      name: z.optional(z.string()),
      roles: z.array(z.string()),
    }),
    sourceIp: z.string(),
    requestId: z.string().check(z.minLength(1)),
  }),
});
export type RegisterImportRequested = z.output<typeof RegisterImportRequested.payload>;

/** Write the batch of checked rows that starts at `offset`. */
export const RegisterImportBatchRequested = defineEvent({
  context: 'imports',
  detailType: 'RegisterImportBatchRequested',
  version: 1,
  payload: z.object({ importId, offset: z.int().check(z.minimum(0)) }),
});
export type RegisterImportBatchRequested = z.output<typeof RegisterImportBatchRequested.payload>;
