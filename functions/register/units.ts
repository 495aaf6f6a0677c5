/**
 * A regulator's unit list (单位信息管理) for one category × segment: one Query on gsi1 (partition =
 * category × segment, sort key starting with the region code), so a jurisdiction is a `begins_with`.
 * Name, credit code and status narrow the page with filters inside that key range only.
 */
import { regionName } from '../../shared/reference/regions';
import { findSegment } from '../../shared/reference/segments';
import type { Regulator } from '../lib/auth/principal';
import { withCursor } from '../lib/paging';
import { jurisdictionPrefix, requireCategory, withinJurisdiction } from '../lib/scope';
import { forbidden, notFound } from '../lib/http/errors';
import type { Store } from '../store';
import { STATUS_FIELDS } from '../lib/register/counters';

/** Rows read per request, per row wanted, while looking for a page of filtered matches. */
const FILTER_READ_AHEAD = 2;

export interface UnitListInput {
  category: string;
  segment: string;
  region?: string | undefined;
  name?: string | undefined;
  creditCode?: string | undefined;
  status?: string | undefined;
  cursor?: string | undefined;
  limit: number;
  /** desc: from the end of the index (末页), last row first. */
  order?: 'asc' | 'desc' | undefined;
}

export async function listUnits(store: Store, p: Regulator, q: UnitListInput) {
  if (!findSegment(q.category, q.segment)) throw notFound('该物品类别没有这个环节');
  requireCategory(p, q.category);
  const region = q.region ?? jurisdictionPrefix(p);
  if (!withinJurisdiction(p, region)) throw forbidden('只能查询本辖区的单位');
  const filtered = Boolean(q.name || q.creditCode || q.status);
  const [page, counter] = await withCursor(q.cursor, () =>
    Promise.all([
      store.enterpriseListings.query
        .bySegment({ category: q.category, segment: q.segment })
        .begins({ regionCode: region })
        .where((a, op) =>
          [
            op.eq(a.removed, false),
            ...(q.name ? [op.contains(a.name, q.name)] : []),
            ...(q.creditCode ? [op.eq(a.creditCode, q.creditCode)] : []),
            ...(q.status ? [op.eq(a.registrationStatus, q.status)] : []),
          ].join(' AND '),
        )
        .go(
          // Unfiltered, a page is one Query of `limit` rows. With a filter, DynamoDB's Limit counts rows read,
          // not rows kept: read ahead (FILTER_READ_AHEAD × the page) and go on until a full page (`count`), so a
          // page of matches isn't mostly empty; its cost grows with how rare the match is, within the range.
          filtered
            ? { count: q.limit, limit: q.limit * FILTER_READ_AHEAD, cursor: q.cursor ?? null, order: q.order ?? 'asc' }
            : { limit: q.limit, cursor: q.cursor ?? null, order: q.order ?? 'asc' },
        ),
      // 总共 N 条记录: the live counter of this category × segment × region (by 登记状态 when filtered by it).
      q.name || q.creditCode
        ? Promise.resolve(null)
        : store.enterpriseCounters.get({ category: q.category, segment: q.segment, regionCode: region }).go(),
    ]),
  );
  return {
    items: page.data.map((l) => ({
      enterpriseId: l.enterpriseId,
      regionCode: l.regionCode,
      regionName: regionName(l.regionCode),
      name: l.name,
      ...(l.creditCode ? { creditCode: l.creditCode } : {}),
      registrationStatus: l.registrationStatus,
      ...(l.licenceNumber ? { licenceNumber: l.licenceNumber } : {}),
      ...(l.unitType ? { unitType: l.unitType } : {}),
      ...(l.legalRepresentative ? { legalRepresentative: l.legalRepresentative } : {}),
      ...(l.phone ? { phone: l.phone } : {}),
      staffCount: l.staffCount,
      ...(l.licenceValidTo ? { licenceValidTo: l.licenceValidTo } : {}),
    })),
    cursor: page.cursor ?? null,
    total: counter ? totalOf(counter.data, q.status) : null,
  };
}

function totalOf(c: ({ total: number } & Record<string, unknown>) | null, status: string | undefined): number {
  if (!c) return 0;
  if (!status) return c.total;
  const n = c[STATUS_FIELDS[status as keyof typeof STATUS_FIELDS]];
  return typeof n === 'number' ? n : 0;
}
