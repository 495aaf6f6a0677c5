/**
 * The paging part of a list's query: an opaque `cursor` from the previous page and a bounded `limit`, worded the
 * same on every list that uses it (functions/lib/paging.ts answers a cursor that isn't ours with a 400).
 */
import * as z from 'zod/mini';

export function pageQueryFields({ max, fallback }: { max: number; fallback: number }) {
  return {
    cursor: z
      .optional(z.string().check(z.maxLength(2048, { error: '分页参数无效' })))
      .check(z.describe('上一页返回的 cursor')),
    limit: z._default(
      z.coerce
        .number({ error: '每页条数应为数字' })
        .check(
          z.int({ error: '每页条数应为整数' }),
          z.gte(1, { error: '每页条数至少为 1' }),
          z.lte(max, { error: `每页条数不能超过 ${max}` }),
        ),
      fallback,
    ),
  };
}
