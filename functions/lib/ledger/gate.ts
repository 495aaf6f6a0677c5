/**
 * The transfer gate: goods may go out to an enterprise on the register only if, on the day of the outbound, the
 * receiver works in the (category, segment) they go to and holds that segment's licence, valid that day. The
 * one place this is decided: the ledger's 出库 asks it before writing, and F's crew gate (drivers, escorts) sits
 * beside it. The reason is for the shipper, in Chinese; it names the receiver's licence, never its other data.
 */
import { findSegment } from '../../../shared/reference/segments';
import { category as categoryOf, isCategoryCode, type CategoryCode } from '../../../shared/reference/categories';
import type { Store } from '../../store';

/** The Chinese reason an outbound to `receiverEnterpriseId` on `date` is refused, or undefined if it may go. */
export async function transferRefusal(
  store: Store,
  receiverEnterpriseId: string,
  category: CategoryCode,
  segment: string,
  date: string,
): Promise<string | undefined> {
  const [{ data: receiver }, { data: licences }] = await Promise.all([
    store.enterprises.get({ enterpriseId: receiverEnterpriseId }).go(),
    store.licences.query.byEnterprise({ enterpriseId: receiverEnterpriseId }).go({ pages: 'all' }),
  ]);
  if (!receiver || receiver.removed) return '流向企业未在平台登记或已注销，不能出库';
  const seg = findSegment(category, segment);
  const what = `${isCategoryCode(category) ? categoryOf(category).name : category}${seg?.name ?? segment}`;
  if (!seg || !receiver.segments.some((s) => s.category === category && s.segment === segment)) {
    return `流向企业“${receiver.name}”未登记从事${what}，不能向其出库`;
  }
  const held = licences.filter((l) => l.category === category && l.segment === segment);
  if (held.length === 0) return `流向企业“${receiver.name}”没有${seg.licenceName}，不能向其出库`;
  if (held.some((l) => l.validFrom <= date && date <= l.validTo)) return undefined;
  const latest = held.reduce((a, b) => (b.validTo > a.validTo ? b : a));
  if (latest.validTo < date) {
    return `流向企业“${receiver.name}”的${seg.licenceName}（编号 ${latest.number}）已于 ${latest.validTo} 过期，不能向其出库`;
  }
  return `流向企业“${receiver.name}”的${seg.licenceName}（编号 ${latest.number}）自 ${latest.validFrom} 起生效，${date} 尚未生效，不能向其出库`;
}
