/**
 * 回避: an officer (for themselves) or an expert (by whoever manages the 专家库) declares an enterprise they
 * must not inspect, with a reason; the declaration can be withdrawn. One module for both, since the record,
 * the checks and the answers are the same:
 * - the enterprise is one the declaring regulator sees in the register (jurisdiction and categories, the
 *   register's own rule) — anything else is "not found", never "exists elsewhere";
 * - the declaration, its subject's count (the officer's tally, the expert's conflictCount) and the audit
 *   record are one transaction; a second declaration of the same pair is refused by the key (409).
 */
import { createWriteTransaction, type EntityItem } from 'electrodb';
import { MAX_CONFLICTS, type ConflictInput, type ConflictPage, type ConflictView } from '../../shared/api/officers';
import { regionName } from '../../shared/reference/regions';
import { actorOf, transactWithAudit, type AuditEntryInput, type AuditJson } from '../lib/audit';
import type { Regulator } from '../lib/auth/principal';
import { conflict, notFound } from '../lib/http/errors';
import type { ExpertRecord } from '../lib/officers/experts';
import { withCursor } from '../lib/paging';
import { canSee, categoriesOf } from '../lib/register/scope';
import { failedConditionIndex, isConditionFailure, itemsOf, type TransactItem } from '../lib/transactions';
import type { Store } from '../store';

export interface RequestContext {
  requestId: string;
  sourceIp: string;
}

/** Whose 回避: an officer (the account) or an expert of the 专家库. */
export type ConflictSubject =
  { kind: 'officer'; officerId: string; name: string } | { kind: 'expert'; expert: ExpertRecord };

type ConflictRecord = EntityItem<Store['officerConflicts']> | EntityItem<Store['expertConflicts']>;

const where = (r: string) => (r === '35' ? '福建省' : regionName(r));
const missingConflict = () => notFound('该回避申报不存在或已撤销');

export function conflictView(c: ConflictRecord): ConflictView {
  return {
    enterpriseId: c.enterpriseId,
    enterpriseName: c.enterpriseName,
    ...(c.creditCode ? { creditCode: c.creditCode } : {}),
    enterpriseRegionCode: c.enterpriseRegionCode,
    regionName: where(c.enterpriseRegionCode),
    reason: c.reason,
    declaredByName: c.declaredByName,
    declaredAt: c.declaredAt,
  };
}

/** The register entry, if the regulator sees it there and it is not removed; else 404. */
async function seenEnterprise(store: Store, p: Regulator, enterpriseId: string) {
  const { data: e } = await store.enterprises.get({ enterpriseId }).go();
  if (!e || e.removed || !canSee(p, { enterpriseId, regionCode: e.regionCode, categories: categoriesOf(e.segments) })) {
    throw notFound('企业不存在或不在您的监管范围内');
  }
  return e;
}

const subjectId = (s: ConflictSubject) => (s.kind === 'officer' ? s.officerId : s.expert.expertId);
const subjectName = (s: ConflictSubject) => (s.kind === 'officer' ? s.name : s.expert.name);

function auditEntry(
  p: Regulator,
  ctx: RequestContext,
  s: ConflictSubject,
  action: 'declare' | 'withdraw',
  details: Record<string, AuditJson>,
): AuditEntryInput {
  return {
    actor: actorOf(p),
    action: `officers.${s.kind}.conflict.${action}`,
    object: { type: s.kind, id: subjectId(s), label: subjectName(s) },
    outcome: 'success',
    sourceIp: ctx.sourceIp,
    requestId: ctx.requestId,
    details,
  };
}

/** The declaration and the move of its subject's count, as transaction items (the declaration first). */
function writeItems(
  store: Store,
  s: ConflictSubject,
  op: 'declare' | 'withdraw',
  record: ConflictRecord,
): TransactItem[] {
  if (s.kind === 'officer') {
    const officerId = s.officerId;
    return itemsOf(
      createWriteTransaction(
        { conflicts: store.officerConflicts, tallies: store.officerConflictTallies },
        ({ conflicts, tallies }) =>
          op === 'declare'
            ? [
                conflicts.create({ ...record, officerId }).commit(),
                tallies
                  .update({ officerId })
                  .add({ count: 1, enterpriseIds: [record.enterpriseId] })
                  .where((a, o) => `${o.notExists(a.count)} OR ${o.lt(a.count, MAX_CONFLICTS)}`)
                  .commit(),
              ]
            : [
                conflicts
                  .delete({ officerId, enterpriseId: record.enterpriseId })
                  .where((a, o) => o.exists(a.enterpriseId))
                  .commit(),
                tallies
                  .update({ officerId })
                  .subtract({ count: 1 })
                  .delete({ enterpriseIds: [record.enterpriseId] })
                  .where((a, o) => o.gt(a.count, 0))
                  .commit(),
              ],
      ),
    );
  }
  const expertId = s.expert.expertId;
  return itemsOf(
    createWriteTransaction({ conflicts: store.expertConflicts, experts: store.experts }, ({ conflicts, experts }) =>
      op === 'declare'
        ? [
            conflicts.create({ ...record, expertId }).commit(),
            experts
              .patch({ expertId })
              .add({ conflictCount: 1 })
              .where((a, o) => o.lt(a.conflictCount, MAX_CONFLICTS))
              .commit(),
          ]
        : [
            conflicts
              .delete({ expertId, enterpriseId: record.enterpriseId })
              .where((a, o) => o.exists(a.enterpriseId))
              .commit(),
            experts
              .patch({ expertId })
              .subtract({ conflictCount: 1 })
              .where((a, o) => o.gt(a.conflictCount, 0))
              .commit(),
          ],
    ),
  );
}

/** 新增回避. */
export async function declareConflict(
  store: Store,
  p: Regulator,
  s: ConflictSubject,
  input: ConflictInput,
  ctx: RequestContext,
  at: Date,
): Promise<ConflictView> {
  const e = await seenEnterprise(store, p, input.enterpriseId);
  const record = {
    enterpriseId: e.enterpriseId,
    enterpriseName: e.name,
    ...(e.creditCode ? { creditCode: e.creditCode } : {}),
    enterpriseRegionCode: e.regionCode,
    reason: input.reason,
    declaredById: p.accountId,
    declaredByName: p.name,
    declaredAt: at.toISOString(),
  } as ConflictRecord;
  try {
    await transactWithAudit(
      store,
      auditEntry(p, ctx, s, 'declare', {
        enterpriseId: e.enterpriseId,
        enterpriseName: e.name,
        reason: input.reason,
      }),
      writeItems(store, s, 'declare', record),
    );
  } catch (err) {
    if (!isConditionFailure(err)) throw err;
    if (failedConditionIndex(err) === 0) throw conflict('已申报过对该企业的回避');
    throw conflict(`回避企业最多 ${MAX_CONFLICTS} 家，请先撤销不再需要的回避`);
  }
  return conflictView(record);
}

/** 撤销: the declaration goes; the audit record keeps what it was. */
export async function withdrawConflict(
  store: Store,
  p: Regulator,
  s: ConflictSubject,
  enterpriseId: string,
  ctx: RequestContext,
): Promise<{ enterpriseId: string; withdrawn: true }> {
  const { data: cur } =
    s.kind === 'officer'
      ? await store.officerConflicts.get({ officerId: s.officerId, enterpriseId }).go({ consistent: true })
      : await store.expertConflicts.get({ expertId: s.expert.expertId, enterpriseId }).go({ consistent: true });
  if (!cur) throw missingConflict();
  try {
    await transactWithAudit(
      store,
      auditEntry(p, ctx, s, 'withdraw', {
        enterpriseId,
        enterpriseName: cur.enterpriseName,
        reason: cur.reason,
        declaredAt: cur.declaredAt,
      }),
      writeItems(store, s, 'withdraw', cur),
    );
  } catch (err) {
    if (!isConditionFailure(err)) throw err;
    throw missingConflict();
  }
  return { enterpriseId, withdrawn: true };
}

/** The subject's 回避, a page at a time (one Query on its partition). */
export async function listConflicts(
  store: Store,
  s: ConflictSubject,
  q: { cursor?: string | undefined; limit: number },
): Promise<ConflictPage> {
  const options = { limit: q.limit, cursor: q.cursor ?? null };
  const page = await withCursor(q.cursor, async () =>
    s.kind === 'officer'
      ? store.officerConflicts.query.byOfficer({ officerId: s.officerId }).go(options)
      : store.expertConflicts.query.byExpert({ expertId: s.expert.expertId }).go(options),
  );
  return { items: page.data.map(conflictView), cursor: page.cursor ?? null };
}
