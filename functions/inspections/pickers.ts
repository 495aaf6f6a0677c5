/**
 * What the 创建 forms pick from: 选择企业 (the register's list of the platform's category × a segment, within the
 * caller's jurisdiction, searchable by name, with the burden meter and the count line 您账号所在辖区 X 内, 共有
 * Y 企业 N 家 from the live counter — one Query, one GetItem and one BatchGet per page), and the department's
 * officers and experts.
 */
import type { CategoryCode } from '../../shared/reference/categories';
import { regionName } from '../../shared/reference/regions';
import { findSegment } from '../../shared/reference/segments';
import type { Regulator } from '../lib/auth/principal';
import { notFound } from '../lib/http/errors';
import { expertsIn, officersIn } from '../lib/officers/read';
import { withCursor } from '../lib/paging';
import type { Store } from '../store';
import { readBurdens } from './burden';

const FILTER_READ_AHEAD = 2;

export async function enterprisePicker(
  store: Store,
  p: Regulator,
  q: { segment: string; name?: string | undefined; cursor?: string | undefined; limit: number },
  now = new Date(),
) {
  const seg = findSegment(p.category, q.segment);
  if (!seg) throw notFound('该物品类别没有这个环节');
  const [page, counter] = await withCursor(q.cursor, () =>
    Promise.all([
      store.enterpriseListings.query
        .bySegment({ category: p.category, segment: q.segment })
        .begins({ regionCode: p.regionCode })
        .where((a, op) => [op.eq(a.removed, false), ...(q.name ? [op.contains(a.name, q.name)] : [])].join(' AND '))
        .go(
          q.name
            ? { count: q.limit, limit: q.limit * FILTER_READ_AHEAD, cursor: q.cursor ?? null }
            : { limit: q.limit, cursor: q.cursor ?? null },
        ),
      store.enterpriseCounters.get({ category: p.category, segment: q.segment, regionCode: p.regionCode }).go(),
    ]),
  );
  const burdens = await readBurdens(
    store,
    page.data.map((l) => l.enterpriseId),
    now,
  );
  return {
    jurisdictionName: regionName(p.regionCode),
    segmentName: seg.name,
    total: counter.data?.total ?? 0,
    items: page.data.map((l) => ({
      enterpriseId: l.enterpriseId,
      name: l.name,
      ...(l.creditCode ? { uscc: l.creditCode } : {}),
      regionCode: l.regionCode,
      regionName: regionName(l.regionCode),
      burden: burdens.get(l.enterpriseId) ?? 0,
    })),
    cursor: page.cursor ?? null,
  };
}

/** The department's inspectors within the caller's jurisdiction (the caller excluded: always on the team), and experts. */
export async function officerChoices(store: Store, p: Regulator) {
  const [officers, experts] = await Promise.all([
    officersIn(store, p.department, p.regionCode),
    expertsIn(store, p.department, p.regionCode, p.category as CategoryCode),
  ]);
  return {
    officers: officers
      .filter((o) => o.officerId !== p.accountId)
      .map((o) => ({ officerId: o.officerId, name: o.name, regionCode: o.regionCode })),
    experts: experts.map((x) => ({
      expertId: x.expertId,
      name: x.name,
      employer: x.employer,
      regionCode: x.regionCode,
    })),
  };
}
