/**
 * The 审核人员's side: the queue of applications for their category within their jurisdiction, and the
 * decision. Deciding is one conditional transaction (status pending → approved/rejected, every task of the
 * application, its audit record), so two reviewers can't both decide; approving then writes the account
 * (and, for a unit not on the register yet, its register entry) with deterministic ids, so approving again
 * completes an interrupted approval and creates nothing twice.
 */
import { itemsOf } from '../lib/transactions';
import { createWriteTransaction } from 'electrodb';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { regionName } from '../../shared/reference/regions';
import { isSegment } from '../../shared/reference/segments';
import { createAccounts } from '../lib/accounts/create';
import { systemActor } from '../lib/accounts/scope';
import { actorOf, transactWithAudit, type DocumentTransactItem } from '../lib/audit';
import { entryWriteItems, isConditionFailure, type EnterpriseRecord } from '../lib/register/entry-writes';
import type { Regulator } from '../lib/auth/principal';
import { withCursor } from '../lib/paging';
import { jurisdictionPrefix, regulatorSees, requireCategory } from '../lib/scope';
import { AppError, notFound } from '../lib/http/errors';
import type { Store } from '../store';
import type { Registration, RequestContext } from './apply';

const inScope = (p: Regulator, r: Registration): boolean => regulatorSees(p, r);

export function reviewItem(r: Registration) {
  return {
    requestId: r.requestId,
    status: r.status,
    unitName: r.unitName,
    ...(r.code ? { code: r.code } : {}),
    hasLicence: r.hasLicence,
    onRegister: Boolean(r.existingEnterpriseId),
    ...(r.address || r.legalRepresentative || r.phone
      ? {
          unit: {
            ...(r.address ? { address: r.address } : {}),
            ...(r.legalRepresentative ? { legalRepresentative: r.legalRepresentative } : {}),
            ...(r.phone ? { phone: r.phone } : {}),
          },
        }
      : {}),
    regionCode: r.regionCode,
    regionName: regionName(r.regionCode),
    segments: r.segments.map((s) => ({ category: s.category, segment: s.segment })),
    informant: { name: r.informantName, mobile: r.informantMobile, idCardNo: r.informantIdCardNo },
    login: r.login,
    submittedAt: r.submittedAt,
    ...(r.decidedAt ? { decidedAt: r.decidedAt } : {}),
    ...(r.decidedBy ? { decidedBy: r.decidedBy } : {}),
    ...(r.reason ? { reason: r.reason } : {}),
  };
}

/** One Query on the category's queue (region-prefixed), one BatchGet of the applications on the page. */
export async function listReviews(
  store: Store,
  p: Regulator,
  q: {
    status: 'pending' | 'approved' | 'rejected';
    category?: string | undefined;
    cursor?: string | undefined;
    limit: number;
  },
) {
  const category = q.category ?? p.category;
  requireCategory(p, category, '审核');
  const page = await withCursor(q.cursor, () =>
    store.registrationTasks.query
      .byQueue({ category, status: q.status })
      .begins({ regionCode: jurisdictionPrefix(p) })
      .go({ limit: q.limit, cursor: q.cursor ?? null, order: 'desc' }),
  );
  const ids = page.data.map((t) => ({ requestId: t.requestId }));
  const found = ids.length ? (await store.registrations.get(ids).go()).data : [];
  const byId = new Map(found.map((r) => [r.requestId, r]));
  return {
    items: page.data
      .map((t) => byId.get(t.requestId))
      .filter((r): r is Registration => Boolean(r))
      .map(reviewItem),
    cursor: page.cursor ?? null,
  };
}

async function load(store: Store, p: Regulator, requestId: string): Promise<Registration> {
  const { data } = await store.registrations.get({ requestId }).go({ consistent: true });
  // Out of scope reads as missing: a reviewer learns nothing of other jurisdictions' applicants.
  if (!data || !inScope(p, data)) throw notFound('注册申请不存在');
  return data;
}

async function decide(
  store: Store,
  p: Regulator,
  r: Registration,
  status: 'approved' | 'rejected',
  ctx: RequestContext,
  reason?: string,
  now = Date.now(),
): Promise<boolean> {
  const decidedAt = new Date(now).toISOString();
  const own = itemsOf(
    createWriteTransaction(
      { registrations: store.registrations, tasks: store.registrationTasks },
      ({ registrations, tasks }) => [
        registrations
          .patch({ requestId: r.requestId })
          .set({ status, decidedAt, decidedBy: p.accountId, ...(reason ? { reason } : {}) })
          .add({ version: 1 })
          .where((a, op) => `${op.eq(a.status, 'pending')} AND ${op.eq(a.version, r.version)}`)
          .commit(),
        // The queue key holds the status, so each task is rewritten (a put overwrites it) into its new queue.
        ...r.categories.map((category) =>
          tasks
            .put({ requestId: r.requestId, category, status, regionCode: r.regionCode, submittedAt: r.submittedAt })
            .commit(),
        ),
      ],
    ),
  );
  try {
    await transactWithAudit(
      store,
      {
        actor: actorOf(p),
        action: status === 'approved' ? 'registration.approve' : 'registration.reject',
        object: { type: 'registration', id: r.requestId, label: r.unitName },
        outcome: 'success',
        ...(reason ? { reason } : {}),
        sourceIp: ctx.sourceIp,
        requestId: ctx.requestId,
        details: { login: r.login, before: { status: 'pending' }, after: { status } },
      },
      own,
    );
    return true;
  } catch (err) {
    if ((err as { name?: string }).name === 'TransactionCanceledException') return false;
    throw err;
  }
}

/** Write the account (and a new unit's register entry). Deterministic ids: a repeat overwrites nothing new. */
async function provision(store: Store, r: Registration, ctx: RequestContext, now = Date.now()): Promise<void> {
  const suffix = r.requestId.slice('reg-'.length);
  const enterpriseId = r.existingEnterpriseId ?? `ent-r-${suffix}`;
  if (!r.existingEnterpriseId) {
    const segments = r.segments.filter((s) => isSegment(s.category as never, s.segment));
    const at = new Date(now).toISOString();
    const entry: EnterpriseRecord = {
      enterpriseId,
      name: r.unitName,
      regionCode: r.regionCode,
      registrationStatus: 'in-business',
      ...(r.code && r.code.length === 18 ? { creditCode: r.code } : r.code ? { registrationNo: r.code } : {}),
      ...(r.legalRepresentative ? { legalRepresentative: r.legalRepresentative } : {}),
      ...(r.phone ? { phone: r.phone } : {}),
      ...(r.address ? { address: r.address } : {}),
      segments,
      staffCount: 0,
      removed: false,
      version: 1,
      createdAt: at,
      updatedAt: at,
    };
    // Through the register's one writer: entry, list rows, code claim and counters together.
    try {
      await store.client.send(
        new TransactWriteCommand({
          TransactItems: entryWriteItems(store, { kind: 'create', after: entry }) as DocumentTransactItem[],
        }),
      );
    } catch (err) {
      // Written by an earlier, interrupted approval (the ids are deterministic): nothing more to do.
      if (!isConditionFailure(err)) throw err;
    }
  }
  await createAccounts(
    store,
    [
      {
        kind: 'enterprise',
        accountId: `ent-acct-${suffix}`,
        login: r.login,
        name: r.informantName,
        enterpriseId,
        informantName: r.informantName,
        informantIdCardNo: r.informantIdCardNo,
        informantMobile: r.informantMobile,
        passwordHash: r.passwordHash,
      },
    ],
    systemActor('registration-review'),
    now,
    { audit: ctx },
  );
  await store.registrations.patch({ requestId: r.requestId }).set({ provisioned: true }).go();
}

export async function approve(store: Store, p: Regulator, requestId: string, ctx: RequestContext) {
  let r = await load(store, p, requestId);
  if (r.status === 'pending' && !(await decide(store, p, r, 'approved', ctx))) r = await load(store, p, requestId);
  else if (r.status === 'pending') r = { ...r, status: 'approved' };
  if (r.status === 'rejected') throw new AppError(409, 'CONFLICT', '该申请已被拒绝，不能再同意');
  if (r.status === 'pending') throw new AppError(409, 'CONFLICT', '该申请正在被他人审核，请刷新后重试');
  if (!r.provisioned) await provision(store, r, ctx);
  return { requestId, status: 'approved' as const, login: r.login };
}

export async function reject(store: Store, p: Regulator, requestId: string, reason: string, ctx: RequestContext) {
  let r = await load(store, p, requestId);
  if (r.status === 'pending' && !(await decide(store, p, r, 'rejected', ctx, reason)))
    r = await load(store, p, requestId);
  else if (r.status === 'pending') return { requestId, status: 'rejected' as const, login: r.login };
  if (r.status === 'approved') throw new AppError(409, 'CONFLICT', '该申请已被同意，不能再拒绝');
  if (r.status === 'rejected') return { requestId, status: 'rejected' as const, login: r.login };
  throw new AppError(409, 'CONFLICT', '该申请正在被他人审核，请刷新后重试');
}
