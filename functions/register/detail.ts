/**
 * 查看: one register entry as its regulators and the enterprise itself see it — the entry (with the request
 * waiting on it, if any), its licences and 产品种类 (read together), its staff (paged, one Query of its partition) and its history of change requests
 * (paged, newest first, gsi2). Scope is checked on the entry before anything of it is returned.
 */
import { regionName } from '../../shared/reference/regions';
import type { Principal } from '../lib/auth/principal';
import { notFound } from '../lib/http/errors';
import type { Store } from '../store';
import type { EnterpriseRecord, LicenceRecord } from '../lib/register/entry-writes';
import { assertCanSee, categoriesOf } from '../lib/register/scope';
import { changeRequestView } from './change-view';
import { withCursor, type PageInput } from '../lib/paging';

export type { PageInput };

/** The entry, 404 when missing or out of the caller's scope. */
export async function visibleEnterprise(store: Store, p: Principal, enterpriseId: string): Promise<EnterpriseRecord> {
  const { data } = await store.enterprises.get({ enterpriseId }).go();
  if (!data) throw notFound('企业不存在或不在您的监管范围内');
  assertCanSee(p, { enterpriseId, regionCode: data.regionCode, categories: categoriesOf(data.segments) });
  return data;
}

export function enterpriseView(e: EnterpriseRecord) {
  // Key attributes and internal markers stay in the table; everything the form shows goes out.
  const { enterpriseId, staffCount, removed, version, createdAt, updatedAt, segments, pendingRequestId, ...fields } = e;
  void pendingRequestId; // shown as the detail's own field
  return {
    ...fields,
    enterpriseId,
    regionName: regionName(e.regionCode),
    segments: segments.map((s) => ({ category: s.category, segment: s.segment })),
    staffCount,
    removed,
    version,
    createdAt,
    updatedAt,
  };
}

export function licenceView(l: LicenceRecord) {
  return {
    licenceId: l.licenceId,
    category: l.category,
    segment: l.segment,
    licenceName: l.licenceName,
    number: l.number,
    issuer: l.issuer,
    validFrom: l.validFrom,
    validTo: l.validTo,
    ...(l.scope ? { scope: l.scope } : {}),
    version: l.version,
  };
}

export async function enterpriseDetail(store: Store, p: Principal, enterpriseId: string) {
  const [enterprise, licences, products] = await Promise.all([
    visibleEnterprise(store, p, enterpriseId),
    store.licences.query.byEnterprise({ enterpriseId }).go({ pages: 'all' }),
    store.products.query.byEnterprise({ enterpriseId }).go({ pages: 'all' }),
  ]);
  return {
    enterprise: enterpriseView(enterprise),
    licences: licences.data.sort((a, b) => a.category.localeCompare(b.category)).map(licenceView),
    products: products.data
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
      .map((x) => ({ productId: x.productId, category: x.category, name: x.name, createdAt: x.createdAt })),
    ...(enterprise.pendingRequestId ? { pendingRequestId: enterprise.pendingRequestId } : {}),
  };
}

/** 从业人员: one page of the entry's staff, with the total from the entry's live staff count. */
export async function personnelPage(store: Store, p: Principal, enterpriseId: string, q: PageInput) {
  // The scope check and the page are read together (one round trip); the page is dropped if the check fails.
  const [enterprise, page] = await Promise.all([
    visibleEnterprise(store, p, enterpriseId),
    withCursor(q.cursor, () =>
      store.personnel.query.byEnterprise({ enterpriseId }).go({ limit: q.limit, cursor: q.cursor ?? null }),
    ),
  ]);
  return {
    items: page.data.map((x) => ({
      personId: x.personId,
      enterpriseId: x.enterpriseId,
      name: x.name,
      idCardNo: x.idCardNo,
      ...(x.gender ? { gender: x.gender } : {}),
      ...(x.mobile ? { mobile: x.mobile } : {}),
      ...(x.position ? { position: x.position } : {}),
      certificates: x.certificates.map((c) => ({ ...c })),
      ...(x.earliestCertValidTo ? { earliestCertValidTo: x.earliestCertValidTo } : {}),
      version: x.version,
    })),
    cursor: page.cursor ?? null,
    total: enterprise.staffCount,
  };
}

/** 变更记录: the entry's change requests, newest first. */
export async function historyPage(store: Store, p: Principal, enterpriseId: string, q: PageInput) {
  const [, page] = await Promise.all([
    visibleEnterprise(store, p, enterpriseId),
    withCursor(q.cursor, () =>
      store.changeRequests.query
        .byEnterprise({ enterpriseId })
        .go({ order: 'desc', limit: q.limit, cursor: q.cursor ?? null }),
    ),
  ]);
  return { items: page.data.map(changeRequestView), cursor: page.cursor ?? null };
}
