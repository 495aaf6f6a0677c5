/**
 * Filing a change to the register (新增企业, 删除企业, 企业信息纠错 by a regulator; 企业信息纠正 and 证书信息纠正
 * by the enterprise itself). Nothing on the register moves yet: the request, its review-queue tasks (one per
 * category whose 审核人员 decide), the link of its attachments and the audit record are one transaction.
 * For an existing entry the request also marks the entry as waiting (`pendingRequestId`, only if none is), so an
 * entry never has two requests decided against the same base; and the base version the requester saw must
 * still be current — a stale form is refused here, not discovered by the reviewer.
 */
import { itemsOf } from '../lib/transactions';
import { createWriteTransaction } from 'electrodb';
import { randomUUID } from 'node:crypto';
import { CHANGE_SUBMITTED_MESSAGES, type ChangeRequestInput } from '../../shared/api/register';
import { requireCategory, withinJurisdiction, worksIn } from '../lib/scope';
import { actorOf, transactWithAudit, type AuditJson, type TransactItem } from '../lib/audit';
import type { Principal, Regulator } from '../lib/auth/principal';
import { AppError, badRequest, conflict, forbidden, notFound } from '../lib/http/errors';
import type { Store } from '../store';
import {
  duplicateCode,
  isConditionFailure,
  loadEntry,
  REGISTER_FIELDS,
  type EnterpriseRecord,
} from '../lib/register/entry-writes';
import { assertCanSee, categoriesOf } from '../lib/register/scope';

export interface RequestContext {
  requestId: string;
  sourceIp: string;
}

/** Attachments named by a request are linked to it (and its enterprise) inside the request's transaction. */
export type LinkAttachments = (
  p: Principal,
  ids: readonly string[],
  link: { enterpriseId: string; regionCode: string; categories: string[]; requestId: string },
) => Promise<TransactItem[]>;

const newId = (prefix: string) => `${prefix}${randomUUID().replaceAll('-', '')}`;

export const staleMessage = '企业信息已被修改，请刷新页面后重新填写';
const pendingMessage = '该企业有一条待审核的变更申请，请等待审核完成后再提交';

/** The register fields of an entry (what a correction compares against). */
export function registerFieldsOf(e: EnterpriseRecord): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of REGISTER_FIELDS) if (e[f] !== undefined) out[f] = e[f];
  return out;
}

function sameFields(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  return REGISTER_FIELDS.every((f) => JSON.stringify(a[f] ?? null) === JSON.stringify(b[f] ?? null));
}

/** A regulator acts for the platform they are signed in to, within their categories and jurisdiction. */
function regulatorCategory(p: Regulator, category: string | undefined): string {
  const c = category ?? p.category;
  requireCategory(p, c);
  return c;
}

function assertSegmentsAllowed(p: Principal, segments: readonly { category: string }[], unchanged: Set<string>) {
  if (p.kind !== 'regulator') return;
  const foreign = segments.filter((s) => !worksIn(p, s.category) && !unchanged.has(s.category));
  if (foreign.length) throw forbidden('只能登记或修改您监管的物品类别的从业环节');
}

function assertRegionAllowed(p: Principal, regionCode: string) {
  if (p.kind === 'regulator' && !withinJurisdiction(p, regionCode)) {
    throw forbidden('行政区划不在您的管辖范围内');
  }
}

interface Draft {
  kind: ChangeRequestInput['kind'];
  enterpriseId: string;
  enterpriseName: string;
  regionCode: string;
  categories: string[];
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  baseVersion?: number;
  licenceId?: string;
  reason?: string;
  attachmentIds?: string[];
  /** The existing entry to mark as waiting (absent for 新增). */
  entry?: EnterpriseRecord;
}

async function draftOf(store: Store, p: Principal, input: ChangeRequestInput): Promise<Draft> {
  if (input.kind === 'create') {
    if (p.kind !== 'regulator') throw forbidden('企业账号不能新增企业');
    const category = regulatorCategory(p, input.category);
    const e = input.enterprise;
    assertRegionAllowed(p, e.regionCode);
    assertSegmentsAllowed(p, e.segments, new Set());
    if (!e.segments.some((s) => s.category === category)) {
      throw badRequest('从业环节须包含本平台物品类别的环节', [
        { path: 'enterprise.segments', message: '请选择本平台物品类别的从业环节' },
      ]);
    }
    if (e.creditCode) {
      const claim = await store.creditCodeClaims.get({ creditCode: e.creditCode }).go({ consistent: true });
      if (claim.data) throw duplicateCode(e.creditCode);
    }
    return {
      kind: 'create',
      enterpriseId: newId('ent-c-'),
      enterpriseName: e.name,
      regionCode: e.regionCode,
      categories: [category],
      before: null,
      after: { ...e, ...(input.attachmentIds?.length ? { attachmentIds: input.attachmentIds } : {}) },
      ...(input.attachmentIds?.length ? { attachmentIds: input.attachmentIds } : {}),
    };
  }

  const found = await loadEntry(store, input.enterpriseId);
  if (!found) throw notFound('企业不存在或不在您的监管范围内');
  const entry = found.enterprise;
  const entryCategories = categoriesOf(entry.segments);
  assertCanSee(p, { enterpriseId: entry.enterpriseId, regionCode: entry.regionCode, categories: entryCategories });
  if (entry.removed) throw conflict('该企业已删除');
  if (entry.pendingRequestId) throw conflict(pendingMessage);

  if (input.kind === 'correct-licence') {
    const licence = found.licences.find((l) => l.licenceId === input.licenceId);
    if (!licence) throw notFound('证书不存在');
    if (licence.version !== input.baseVersion) throw conflict('证书信息已被修改，请刷新页面后重新填写');
    if (input.licence.category !== licence.category || input.licence.segment !== licence.segment) {
      throw badRequest('证书的物品类别和从业环节不能修改', [
        { path: 'licence.segment', message: '证书的物品类别和从业环节不能修改' },
      ]);
    }
    if (p.kind === 'regulator') regulatorCategory(p, licence.category);
    const { licenceName, number, issuer, validFrom, validTo, scope } = licence;
    const before = { licenceName, number, issuer, validFrom, validTo, ...(scope ? { scope } : {}) };
    const { category: _c, segment: _s, ...after } = input.licence;
    if (JSON.stringify(before) === JSON.stringify({ ...after })) throw badRequest('没有修改任何证书信息');
    return {
      kind: 'correct-licence',
      enterpriseId: entry.enterpriseId,
      enterpriseName: entry.name,
      regionCode: entry.regionCode,
      categories: [licence.category],
      before,
      after,
      baseVersion: licence.version,
      licenceId: licence.licenceId,
      entry,
    };
  }

  if (input.baseVersion !== entry.version) throw conflict(staleMessage);
  const reviewers =
    p.kind === 'regulator'
      ? [regulatorCategory(p, input.category)]
      : // The enterprise's own correction goes to every category it works in.
        entryCategories;
  if (p.kind === 'regulator' && !entryCategories.includes(reviewers[0]!)) {
    throw forbidden('该企业不属于本平台的物品类别');
  }

  if (input.kind === 'remove') {
    return {
      kind: 'remove',
      enterpriseId: entry.enterpriseId,
      enterpriseName: entry.name,
      regionCode: entry.regionCode,
      categories: reviewers,
      before: registerFieldsOf(entry),
      after: null,
      baseVersion: entry.version,
      reason: input.reason,
      entry,
    };
  }

  const before = registerFieldsOf(entry);
  // 营业执照附件: the form sends the whole list it wants (absent = leave as is). Files already on the entry
  // stay linked; only the new ones are linked to this request.
  const current = entry.attachmentIds ?? [];
  const wanted = input.attachmentIds ?? current;
  const fresh = wanted.filter((a) => !current.includes(a));
  const after: Record<string, unknown> = { ...input.enterprise, ...(wanted.length ? { attachmentIds: wanted } : {}) };
  assertRegionAllowed(p, input.enterprise.regionCode);
  // A regulator may leave another category's segments as they are, but not add or drop them.
  const foreignBefore = entry.segments.filter((s) => p.kind === 'regulator' && !worksIn(p, s.category));
  const foreignAfter = input.enterprise.segments.filter((s) => p.kind === 'regulator' && !worksIn(p, s.category));
  if (
    JSON.stringify(foreignBefore.map((s) => `${s.category}|${s.segment}`).sort()) !==
    JSON.stringify(foreignAfter.map((s) => `${s.category}|${s.segment}`).sort())
  ) {
    throw forbidden('只能登记或修改您监管的物品类别的从业环节');
  }
  if (sameFields(before, after)) throw badRequest('没有修改任何企业信息');
  if (input.enterprise.creditCode && input.enterprise.creditCode !== entry.creditCode) {
    const claim = await store.creditCodeClaims
      .get({ creditCode: input.enterprise.creditCode })
      .go({ consistent: true });
    if (claim.data && claim.data.enterpriseId !== entry.enterpriseId) throw duplicateCode(input.enterprise.creditCode);
  }
  return {
    kind: 'correct',
    enterpriseId: entry.enterpriseId,
    enterpriseName: entry.name,
    regionCode: entry.regionCode,
    // Decided by the reviewers of the categories the entry is supervised under now. A segment of another
    // category added by the enterprise gives that category's reviewer nothing to decide: they cannot see the
    // entry, and would otherwise approve changes to all of it. Once approved, the entry is on their list.
    categories: reviewers,
    before,
    after,
    baseVersion: entry.version,
    ...(fresh.length ? { attachmentIds: fresh } : {}),
    entry,
  };
}

export async function submitChange(
  store: Store,
  p: Principal,
  input: ChangeRequestInput,
  ctx: RequestContext,
  linkAttachments: LinkAttachments,
  now = Date.now(),
) {
  const d = await draftOf(store, p, input);
  const requestId = newId('chg-');
  const submittedAt = new Date(now).toISOString();
  const linked = d.attachmentIds?.length
    ? await linkAttachments(p, d.attachmentIds, {
        enterpriseId: d.enterpriseId,
        regionCode: d.regionCode,
        categories: d.categories,
        requestId,
      })
    : [];
  const own = itemsOf(
    createWriteTransaction(
      { requests: store.changeRequests, tasks: store.changeRequestTasks, enterprises: store.enterprises },
      ({ requests, tasks, enterprises }) => [
        requests
          .create({
            requestId,
            kind: d.kind,
            status: 'pending',
            enterpriseId: d.enterpriseId,
            enterpriseName: d.enterpriseName,
            regionCode: d.regionCode,
            categories: d.categories,
            ...(d.before ? { before: d.before } : {}),
            ...(d.after ? { after: d.after } : {}),
            ...(d.baseVersion !== undefined ? { baseVersion: d.baseVersion } : {}),
            ...(d.licenceId ? { licenceId: d.licenceId } : {}),
            ...(d.reason ? { reason: d.reason } : {}),
            ...(d.attachmentIds ? { attachmentIds: d.attachmentIds } : {}),
            requestedBy: p.accountId,
            requesterKind: p.kind,
            requesterName: p.name,
            submittedAt,
          })
          .commit(),
        ...d.categories.map((category) =>
          tasks.put({ requestId, category, status: 'pending', regionCode: d.regionCode, submittedAt }).commit(),
        ),
        // The entry waits for this request: only if nothing else is waiting and it is still as the requester saw it.
        ...(d.entry
          ? [
              enterprises
                .patch({ enterpriseId: d.enterpriseId })
                .set({ pendingRequestId: requestId })
                .where(
                  (a, op) =>
                    `${op.notExists(a.pendingRequestId)} AND ${op.eq(a.version, d.entry!.version)} AND ${op.eq(a.removed, false)}`,
                )
                .commit(),
            ]
          : []),
      ],
    ),
  );
  try {
    await transactWithAudit(
      store,
      {
        actor: actorOf(p),
        action: `register.${d.kind}.submit`,
        object: { type: 'enterprise', id: d.enterpriseId, label: d.enterpriseName },
        outcome: 'success',
        ...(d.reason ? { reason: d.reason } : {}),
        sourceIp: ctx.sourceIp,
        requestId: ctx.requestId,
        details: { changeRequest: requestId, before: d.before as AuditJson, after: d.after as AuditJson },
      },
      [...own, ...linked],
    );
  } catch (err) {
    if (isConditionFailure(err)) {
      const cur = d.entry
        ? (await store.enterprises.get({ enterpriseId: d.enterpriseId }).go({ consistent: true })).data
        : null;
      if (cur?.pendingRequestId) throw conflict(pendingMessage);
      if (cur && cur.version !== d.entry?.version) throw conflict(staleMessage);
      throw new AppError(409, 'CONFLICT', '附件已被其他申请使用或未上传完成，请重新上传');
    }
    throw err;
  }
  return {
    requestId,
    enterpriseId: d.enterpriseId,
    status: 'pending' as const,
    message: CHANGE_SUBMITTED_MESSAGES[d.kind],
  };
}
