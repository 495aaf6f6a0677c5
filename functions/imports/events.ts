/**
 * The import's own events on the platform bus (source `hazmat.imports`): one to read and check the file,
 * then one per batch of rows, each published by the step before it — so no invocation runs long, whatever the
 * size of the file. Details are parsed on arrival: an event that does not fit is logged and dropped, never
 * retried into the dead-letter queue.
 */
import * as z from 'zod/mini';

export const IMPORTS_CONTEXT = 'imports';
export const IMPORT_REQUESTED = 'RegisterImportRequested';
export const BATCH_REQUESTED = 'RegisterImportBatchRequested';

const importId = z.string().check(z.regex(/^imp-[\w-]{1,64}$/));

/** Who asked, from where, and the jurisdiction the rows must lie in — fixed when the import was requested. */
export const ImportRequested = z.object({
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
});
export type ImportRequested = z.infer<typeof ImportRequested>;

export const BatchRequested = z.object({ importId, offset: z.number().check(z.int(), z.gte(0)) });
export type BatchRequested = z.infer<typeof BatchRequested>;

/** Puts one event of this context on the bus (the handler binds the client and bus name). */
export type Publish = (detailType: typeof IMPORT_REQUESTED | typeof BATCH_REQUESTED, detail: unknown) => Promise<void>;
