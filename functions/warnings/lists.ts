/**
 * 大数据预警's lists and 查看. A list page is ONE Query on the open warnings' list rows (gsi1 kind × category, or
 * gsi3 kind × category × grade when a grade is asked for), `begins_with` the caller's jurisdiction or the 行政区划
 * chosen within it; 企业名称, 人员姓名, 证件编号 and 预警类型 narrow the rows inside that key range. 总共 N 条记录 is the
 * warning counters' figure for the category and region (one more Query, in parallel), when no text filter makes it
 * unknown.
 */
import type { WarningDetail, WarningListQuery, WarningPage } from '../../shared/api/warnings';
import { CLOSABLE_KINDS, FIXABLE_KINDS } from '../../shared/api/warnings';
import type { WarningKind } from '../../shared/reference/warnings';
import type { Regulator } from '../lib/auth/principal';
import { forbidden } from '../lib/http/errors';
import { withCursor } from '../lib/paging';
import { jurisdictionPrefix, requireCategory, withinJurisdiction } from '../lib/scope';
import { warningCounts } from '../lib/warnings/read';
import type { Store } from '../store';
import { certificateNow } from './certificate-now';
import { listItemOf, mayAct, visibleWarning } from './warning-view';

/** Rows read per request, per row wanted, while looking for a page of filtered matches (as the unit list does). */
const FILTER_READ_AHEAD = 2;

export async function listWarnings(
  store: Store,
  p: Regulator,
  kind: WarningKind,
  q: WarningListQuery,
): Promise<WarningPage> {
  const category = q.category ?? p.category;
  requireCategory(p, category);
  const region = q.region ?? jurisdictionPrefix(p);
  if (!withinJurisdiction(p, region)) throw forbidden('只能查询本辖区的预警信息');
  const filtered = Boolean(q.enterpriseName || q.personName || q.certificateNumber || q.flowType);
  const [page, counts] = await withCursor(q.cursor, () => {
    const byKey = q.grade
      ? store.warningListings.query.byKindCategoryGrade({ kind, category, grade: q.grade })
      : store.warningListings.query.byKindCategory({ kind, category });
    const ranged = byKey.begins({ regionCode: region });
    const query = filtered
      ? ranged.where((a, op) =>
          [
            q.enterpriseName ? op.contains(a.enterpriseName, q.enterpriseName) : '',
            q.personName ? op.contains(a.detail.personName, q.personName) : '',
            q.certificateNumber ? op.contains(a.detail.number, q.certificateNumber) : '',
            q.flowType ? op.eq(a.flowType, q.flowType) : '',
          ]
            .filter(Boolean)
            .join(' AND '),
        )
      : ranged;
    return Promise.all([
      query.go(
        // With a filter, DynamoDB's Limit counts rows read, not rows kept: read ahead and go on until a full page.
        filtered
          ? { count: q.limit, limit: q.limit * FILTER_READ_AHEAD, cursor: q.cursor ?? null }
          : { limit: q.limit, cursor: q.cursor ?? null },
      ),
      filtered ? Promise.resolve(null) : warningCounts(store, category, region),
    ]);
  });
  const byGrade = counts?.[kind];
  return {
    items: page.data.map(listItemOf),
    cursor: page.cursor ?? null,
    total: byGrade ? (q.grade ? byGrade[q.grade] : Object.values(byGrade).reduce((a, b) => a + b, 0)) : null,
  };
}

/** 查看: the warning, the certificate as it stands now (for 修改), and its history, oldest first. */
export async function getWarningDetail(
  store: Store,
  p: Regulator,
  warningId: string | undefined,
): Promise<WarningDetail> {
  const w = await visibleWarning(store, p, warningId);
  const [steps, certificate] = await Promise.all([
    store.warningSteps.query.byWarning({ warningId: w.warningId }).go({ limit: 100 }),
    FIXABLE_KINDS.includes(w.kind) ? certificateNow(store, w) : Promise.resolve(undefined),
  ]);
  const open = w.status === 'open';
  return {
    ...listItemOf(w),
    status: w.status,
    categories: w.categories,
    ...(w.clearedAt ? { clearedAt: w.clearedAt } : {}),
    ...(w.clearedBy ? { clearedBy: { accountId: w.clearedBy.accountId, name: w.clearedBy.name } } : {}),
    ...(w.clearReason ? { clearReason: w.clearReason } : {}),
    ...(certificate ? { certificate: certificate.view } : {}),
    history: steps.data.map((s) => ({
      step: s.action,
      at: s.at,
      ...(s.grade ? { grade: s.grade } : {}),
      ...(s.reason ? { reason: s.reason } : {}),
      ...(s.byAccountId && s.byName ? { by: { accountId: s.byAccountId, name: s.byName } } : {}),
    })),
    canFix: open && Boolean(certificate) && mayAct(p),
    canClose: open && CLOSABLE_KINDS.includes(w.kind) && mayAct(p),
  };
}
