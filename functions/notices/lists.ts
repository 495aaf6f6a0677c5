/**
 * 发出的通报 and 收到的通报: one Query on gsi1 per page — the list of the caller's department at the caller's own
 * level (`sent|recv#<department>#<regionCode>`), newest first. The rows of a notice exist at each level of the
 * enterprise's region, so the partition already holds exactly the caller's jurisdiction; only the category
 * clause of the scope rule is a filter (a regulator not granted all of the department's categories).
 */
import type { NoticeQuery } from '../../shared/api/notices';
import type { Regulator } from '../lib/auth/principal';
import { withCursor } from '../lib/paging';
import type { Store } from '../store';
import { listItemView, listKeyOf } from './records';

/** Rows read per request, per row wanted, while the category filter drops some. */
const FILTER_READ_AHEAD = 2;

export async function listNotices(store: Store, p: Regulator, list: 'sent' | 'recv', q: NoticeQuery) {
  // No category granted: nothing to see (and no empty filter expression to send).
  if (p.categories.length === 0) return { items: [], cursor: null };
  const page = await withCursor(q.cursor, () =>
    store.noticeListings.query
      .byList({ listKey: listKeyOf(list, p.department, p.regionCode) })
      .where((a, op) => {
        const categories = `(${p.categories.map((c) => op.contains(a.categories, c)).join(' OR ')})`;
        return list === 'recv' && q.unread ? `${categories} AND ${op.eq(a.read, false)}` : categories;
      })
      .go({ count: q.limit, limit: q.limit * FILTER_READ_AHEAD, cursor: q.cursor ?? null, order: 'desc' }),
  );
  return { items: page.data.map(listItemView), cursor: page.cursor ?? null };
}
