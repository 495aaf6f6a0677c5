/**
 * Inspection test helpers: inspectors that exist as accounts (so `officersIn` finds them) with a signed-in
 * client each, and the (category, segment) of the seeded register with the most enterprises in a region.
 */
import { createSession } from '../../functions/lib/auth/sessions';
import type { Store } from '../../functions/store';
import { CATEGORY_CODES } from '../../shared/reference/categories';
import { ApiClient, fromAddress } from './api-client';

let n = 0;

export interface Inspector {
  accountId: string;
  name: string;
  client: ApiClient;
}

export async function inspector(
  store: Store,
  baseUrl: string,
  p: { department: string; regionCode: string; categories: string[]; roles?: string[]; name?: string },
): Promise<Inspector> {
  n++;
  const accountId = `reg-insp-${process.pid}-${n}`;
  const name = p.name ?? `检查员${n}`;
  const login = `1380000${String(n).padStart(4, '0')}`;
  const roles = p.roles ?? ['inspector'];
  await store.accounts
    .put({
      accountId,
      kind: 'regulator',
      login,
      name,
      passwordHash: 'not-a-hash',
      mustChangePassword: false,
      department: p.department,
      regionCode: p.regionCode,
      categories: p.categories,
      roles,
    })
    .go();
  const tokens = await createSession(
    store,
    {
      accountId,
      kind: 'regulator',
      login,
      name,
      department: p.department,
      regionCode: p.regionCode,
      categories: p.categories,
      roles,
      category: p.categories[0]!,
    },
    'active',
    {},
  );
  const client = new ApiClient(baseUrl, {}, fromAddress(200 + n));
  client.cookies.set('hz_at', `${tokens.sessionId}.${tokens.access}`);
  client.cookies.set('hz_rt', `${tokens.sessionId}.${tokens.refresh}`);
  client.cookies.set('hz_csrf', tokens.csrf);
  return { accountId, name, client };
}

/** The category × segment with the most enterprises on the seeded register, province-wide. */
export async function busiestSegment(store: Store): Promise<{ category: string; segment: string; total: number }> {
  let best = { category: '', segment: '', total: -1 };
  for (const category of CATEGORY_CODES) {
    const { data } = await store.enterpriseCounters.query.byKey({ category }).go({ pages: 'all' });
    for (const c of data)
      if (c.regionCode === '35' && c.total > best.total) best = { category, segment: c.segment, total: c.total };
  }
  return best;
}
