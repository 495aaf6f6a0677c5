/**
 * Cursor paging, as every list answers it: `{ items, cursor }` with an opaque cursor (ElectroDB's, from the
 * last key it read) and a page size the route's schema bounds.
 */
import { INVALID_CURSOR_MESSAGE } from '../../shared/api/paging';
import { badRequest } from './http/errors';

export interface PageInput {
  cursor?: string | undefined;
  limit: number;
}

/** A cursor this list did not issue (forged, stale, of another query): 400 in the words every list uses. */
export function invalidCursor(): never {
  throw badRequest(INVALID_CURSOR_MESSAGE, [{ path: 'query.cursor', message: '翻页标记无效' }]);
}

/**
 * Run a page's reads; ElectroDB refuses a cursor it did not issue for this query, and that is the caller's
 * mistake (a forged or stale cursor), not ours: 400, never 500. Without a cursor an error is ours, rethrown.
 */
export async function withCursor<T>(cursor: string | null | undefined, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (cursor && (err as { isElectroError?: boolean } | null)?.isElectroError) {
      invalidCursor();
    }
    throw err;
  }
}
