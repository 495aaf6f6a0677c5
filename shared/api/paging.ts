/**
 * The paging part of a list's query: an opaque `cursor` from the previous page and a bounded `limit`, worded the
 * same on every list (functions/lib/paging.ts answers a cursor that isn't ours with the same 400).
 */
import * as z from 'zod/mini';

/** What every list says of a cursor it did not issue, or one of another query. */
export const INVALID_CURSOR_MESSAGE = '翻页标记无效，请重新查询';

export function pageQueryFields({ max, fallback }: { max: number; fallback: number }) {
  return {
    // Cursors are base64url (ElectroDB's and ours): anything else is refused before a read.
    cursor: z
      .optional(
        z
          .string()
          .check(
            z.maxLength(2048, { error: INVALID_CURSOR_MESSAGE }),
            z.regex(/^[A-Za-z0-9_-]+$/, { error: INVALID_CURSOR_MESSAGE }),
          ),
      )
      .check(z.describe('上一页返回的 cursor，原样传回')),
    limit: z
      ._default(
        z.coerce
          .number({ error: '「每页条数」应为数字' })
          .check(
            z.int({ error: '「每页条数」应为整数' }),
            z.gte(1, { error: '「每页条数」不能小于 1' }),
            z.lte(max, { error: `「每页条数」不能大于 ${max}` }),
          ),
        fallback,
      )
      .check(z.meta({ title: '每页条数' })),
  };
}
