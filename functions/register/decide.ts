/**
 * The 审核人员's side of the register's change requests: their queue (category × status, region-prefixed),
 * one request with its before/after table, and the decision.
 *
 * Approving is ONE transaction: the request pending → approved (only if still pending, at the version the
 * reviewer saw), its queue tasks, the change applied to the register (entry, list rows, claim, counters —
 * entry-writes.ts), the audit record, and the `ChangeRequestDecided` event in the outbox (the requester's inbox
 * listens). Two reviewers can't both decide; a request whose base moved on (the entry changed since it was
 * filed) is refused with 409; approving an approved request again is a no-op that answers "approved" and
 * writes nothing — its event left with the decision itself, so there is nothing to send again.
 * Rejecting clears the entry's waiting marker in the same way, and announces itself the same way.
 */
import { itemsOf } from '../lib/transactions';
import { createWriteTransaction } from 'electrodb';
import { jurisdictionPrefix, regulatorSees, requireCategory } from '../lib/scope';
import { openEnterpriseLogin } from '../lib/accounts/enterprise-login';
import { actorOf, transactWithAudit, type AuditJson, type TransactItem } from '../lib/audit';
import type { Principal, Regulator } from '../lib/auth/principal';
import { outboxItem } from '../lib/events/outbox';
import { AppError, conflict, forbidden, notFound } from '../lib/http/errors';
import { ChangeRequestDecided } from '../../shared/events/register';
import { supervises } from '../lib/register/scope';
import type { Store } from '../store';
import { changeRequestView, type ChangeRequestRecord } from './change-view';
import { withCursor, type PageInput } from '../lib/paging';
import {
  duplicateCode,
  entryWriteItems,
  isConditionFailure,
  loadEntry,
  withFields,
  type EnterpriseRecord,
  type EntryChange,
  type RegisterFields,
} from '../lib/register/entry-writes';
import { licenceChange, type LicenceFields } from '../lib/register/licence-writes';
import type { RequestContext } from './submit';

const staleForReviewer = '企业信息在申请提交后已被修改，请拒绝此申请，由申请人重新提交';

/** Reviewers in scope, the requester, and the enterprise the request is about may read it. */
function maySee(p: Principal, r: ChangeRequestRecord): boolean {
  if (r.requestedBy === p.accountId) return true;
  if (p.kind === 'enterprise') return p.enterpriseId === r.enterpriseId;
  return (p.roles as string[]).includes('reviewer') && regulatorSees(p, r);
}

async function load(store: Store, requestId: string): Promise<ChangeRequestRecord | null> {
  return (await store.changeRequests.get({ requestId }).go({ consistent: true })).data;
}

export async function getChangeRequest(store: Store, p: Principal, requestId: string) {
  const r = await load(store, requestId);
  if (!r || !maySee(p, r)) throw notFound('变更申请不存在');
  return changeRequestView(r);
}

/** One Query on the category's queue (region-prefixed), one BatchGet of the requests on the page. */
export async function listChangeRequests(
  store: Store,
  p: Regulator,
  q: PageInput & { status: 'pending' | 'approved' | 'rejected'; category?: string | undefined },
) {
  const category = q.category ?? p.category;
  requireCategory(p, category, '审核');
  const page = await withCursor(q.cursor, () =>
    store.changeRequestTasks.query
      .byQueue({ category, status: q.status })
      .begins({ regionCode: jurisdictionPrefix(p) })
      .go({ limit: q.limit, cursor: q.cursor ?? null, order: 'desc' }),
  );
  const ids = page.data.map((t) => ({ requestId: t.requestId }));
  const found = ids.length ? (await store.changeRequests.get(ids).go()).data : [];
  const byId = new Map(found.map((r) => [r.requestId, r]));
  return {
    items: page.data
      .map((t) => byId.get(t.requestId))
      .filter((r): r is ChangeRequestRecord => Boolean(r))
      .map(changeRequestView),
    cursor: page.cursor ?? null,
  };
}

async function reviewable(store: Store, p: Regulator, requestId: string): Promise<ChangeRequestRecord> {
  const r = await load(store, requestId);
  // Out of scope reads as missing: a reviewer learns nothing of other jurisdictions' requests.
  if (!r || !regulatorSees(p, r)) throw notFound('变更申请不存在');
  if (r.requestedBy === p.accountId) throw forbidden('不能审核自己提交的申请');
  // A change to an existing entry is decided only by the reviewers of the categories it is supervised under
  // now (also for requests filed before submit.ts stopped routing them to an added segment's category).
  if (r.kind !== 'create') {
    const { data: entry } = await store.enterprises.get({ enterpriseId: r.enterpriseId }).go({ consistent: true });
    if (entry && !supervises(p, entry)) throw notFound('变更申请不存在');
  }
  return r;
}

/** The items that move the request (and its queue tasks) from pending to `status`. */
function decisionItems(
  store: Store,
  p: Regulator,
  r: ChangeRequestRecord,
  status: 'approved' | 'rejected',
  decidedAt: string,
  reason?: string,
): TransactItem[] {
  return itemsOf(
    createWriteTransaction(
      { requests: store.changeRequests, tasks: store.changeRequestTasks },
      ({ requests, tasks }) => [
        requests
          .patch({ requestId: r.requestId })
          .set({
            status,
            decidedAt,
            decidedBy: p.accountId,
            decidedByName: p.name,
            ...(reason ? { decisionReason: reason } : {}),
          })
          .add({ version: 1 })
          .where((a, op) => `${op.eq(a.status, 'pending')} AND ${op.eq(a.version, r.version)}`)
          .commit(),
        // The queue key holds the status: each task is rewritten into its new queue.
        ...r.categories.map((category) =>
          tasks
            .put({ requestId: r.requestId, category, status, regionCode: r.regionCode, submittedAt: r.submittedAt })
            .commit(),
        ),
      ],
    ),
  );
}

/** The register change an approval applies, built from the entry as it stands now. */
async function registerChange(
  store: Store,
  r: ChangeRequestRecord,
  now: string,
): Promise<{ change: EntryChange; licenceItems: TransactItem[] }> {
  if (r.kind === 'create') {
    const after = r.after as RegisterFields;
    const record: EnterpriseRecord = {
      ...(after as EnterpriseRecord),
      enterpriseId: r.enterpriseId,
      staffCount: 0,
      removed: false,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    // The unit's login opens with its entry (its one-time password in the 开通通知 a regulator downloads).
    const login = await openEnterpriseLogin(store, record, `change:${r.requestId}`, Date.parse(now));
    return { change: { kind: 'create', after: record, licences: [], login }, licenceItems: [] };
  }
  const found = await loadEntry(store, r.enterpriseId);
  if (!found || found.enterprise.removed) throw conflict('该企业已删除，不能再修改，请拒绝此申请');
  const entry = found.enterprise;
  if (entry.pendingRequestId !== r.requestId) throw conflict('该企业有其他待审核的申请，请刷新后重试');
  if (r.kind === 'remove') {
    if (entry.version !== r.baseVersion) throw conflict(staleForReviewer);
    return { change: { kind: 'remove', before: entry, decides: r.requestId }, licenceItems: [] };
  }
  if (r.kind === 'correct') {
    if (entry.version !== r.baseVersion) throw conflict(staleForReviewer);
    const after = withFields(entry, r.after as RegisterFields, now);
    // Licences carry the region (the expiry warnings route by it): a move takes them along, in the same write.
    const moved = after.regionCode !== entry.regionCode ? found.licences : [];
    const licenceItems = moved.length
      ? itemsOf(
          createWriteTransaction({ licences: store.licences }, ({ licences }) =>
            moved.map((l) =>
              licences
                .patch({ enterpriseId: l.enterpriseId, licenceId: l.licenceId })
                .set({ regionCode: after.regionCode })
                .where((a, op) => op.eq(a.version, l.version))
                .commit(),
            ),
          ),
        )
      : [];
    return {
      change: { kind: 'update', before: entry, after, licences: found.licences, decides: r.requestId },
      licenceItems,
    };
  }
  // 证书信息纠正: the licence, and the entry's list rows (they show its number and expiry).
  const licence = found.licences.find((l) => l.licenceId === r.licenceId);
  if (!licence) throw conflict('证书已不存在，请拒绝此申请');
  if (licence.version !== r.baseVersion) throw conflict('证书信息在申请提交后已被修改，请拒绝此申请');
  const fields = r.after as LicenceFields;
  const { licenceItems, change } = licenceChange(store, entry, found.licences, licence, fields, now);
  return { change: { ...change, decides: r.requestId }, licenceItems };
}

/** What the decision announces: `r` as it stands once decided. */
export function decidedEvent(
  r: ChangeRequestRecord & { status: 'approved' | 'rejected'; decidedAt: string },
): ChangeRequestDecided {
  return {
    requestId: r.requestId,
    kind: r.kind,
    status: r.status,
    enterpriseId: r.enterpriseId,
    enterpriseName: r.enterpriseName,
    requestedBy: r.requestedBy,
    decidedByName: r.decidedByName ?? '',
    ...(r.decisionReason ? { decisionReason: r.decisionReason } : {}),
    decidedAt: r.decidedAt,
  };
}

const ATTEMPTS = 4;

/** The loser of two reviewers deciding at once is told who decided, and how. */
function decidedByOther(r: ChangeRequestRecord): string {
  return `该申请已由${r.decidedByName ?? '其他审核人员'}${r.status === 'approved' ? '同意' : '拒绝'}，请刷新后查看`;
}

export async function approveChange(
  store: Store,
  p: Regulator,
  requestId: string,
  expectedVersion: number | undefined,
  ctx: RequestContext,
  now = Date.now(),
) {
  for (let attempt = 1; ; attempt++) {
    const r = await reviewable(store, p, requestId);
    // Already approved by this reviewer (a double click, a retried request): nothing to write or announce.
    if (r.status === 'approved' && r.decidedBy === p.accountId) {
      return { requestId, status: 'approved' as const, enterpriseId: r.enterpriseId };
    }
    if (r.status !== 'pending') throw conflict(decidedByOther(r));
    if (expectedVersion !== undefined && expectedVersion !== r.version) throw conflict('该申请已被修改，请刷新后重试');
    const decidedAt = new Date(now).toISOString();
    const { change, licenceItems } = await registerChange(store, r, decidedAt);
    const items = [
      ...decisionItems(store, p, r, 'approved', decidedAt),
      ...licenceItems,
      ...entryWriteItems(store, change),
    ];
    // 100 items at most: these, the outbox event and the audit head and record.
    if (items.length > 96) throw new AppError(400, 'BAD_REQUEST', '该申请涉及的从业环节过多，请拆分后重新提交');
    const decided = { ...r, status: 'approved' as const, decidedAt, decidedBy: p.accountId, decidedByName: p.name };
    items.push(outboxItem(store, ChangeRequestDecided, decidedEvent(decided), new Date(now)));
    try {
      await transactWithAudit(
        store,
        {
          actor: actorOf(p),
          action: `register.${r.kind}.approve`,
          object: { type: 'enterprise', id: r.enterpriseId, label: r.enterpriseName },
          outcome: 'success',
          sourceIp: ctx.sourceIp,
          requestId: ctx.requestId,
          details: {
            changeRequest: r.requestId,
            before: (r.before ?? null) as AuditJson,
            after: (r.after ?? null) as AuditJson,
          },
        },
        items,
      );
    } catch (err) {
      if (!isConditionFailure(err)) throw err;
      // Someone else moved first: the request (decided), the entry (changed), or the code (taken).
      if (r.kind === 'create' && typeof (r.after as RegisterFields).creditCode === 'string') {
        const code = (r.after as RegisterFields).creditCode!;
        const claim = await store.creditCodeClaims.get({ creditCode: code }).go({ consistent: true });
        if (claim.data && claim.data.enterpriseId !== r.enterpriseId) throw duplicateCode(code);
      }
      if (attempt >= ATTEMPTS) throw conflict('该申请正在被他人审核或企业信息正在变动，请刷新后重试');
      continue;
    }
    return { requestId, status: 'approved' as const, enterpriseId: r.enterpriseId };
  }
}

export async function rejectChange(
  store: Store,
  p: Regulator,
  requestId: string,
  reason: string,
  ctx: RequestContext,
  now = Date.now(),
) {
  for (let attempt = 1; ; attempt++) {
    const r = await reviewable(store, p, requestId);
    // Already rejected by this reviewer: nothing to write or announce.
    if (r.status === 'rejected' && r.decidedBy === p.accountId) {
      return { requestId, status: 'rejected' as const, enterpriseId: r.enterpriseId };
    }
    if (r.status !== 'pending') throw conflict(decidedByOther(r));
    const decidedAt = new Date(now).toISOString();
    const release =
      r.kind === 'create'
        ? []
        : itemsOf(
            createWriteTransaction({ enterprises: store.enterprises }, ({ enterprises }) => [
              enterprises
                .patch({ enterpriseId: r.enterpriseId })
                .remove(['pendingRequestId'])
                .where((a, op) => op.eq(a.pendingRequestId, r.requestId))
                .commit(),
            ]),
          );
    const decided = {
      ...r,
      status: 'rejected' as const,
      decidedAt,
      decidedBy: p.accountId,
      decidedByName: p.name,
      decisionReason: reason,
    };
    try {
      await transactWithAudit(
        store,
        {
          actor: actorOf(p),
          action: `register.${r.kind}.reject`,
          object: { type: 'enterprise', id: r.enterpriseId, label: r.enterpriseName },
          outcome: 'success',
          reason,
          sourceIp: ctx.sourceIp,
          requestId: ctx.requestId,
          details: { changeRequest: r.requestId },
        },
        [
          ...decisionItems(store, p, r, 'rejected', decidedAt, reason),
          ...release,
          outboxItem(store, ChangeRequestDecided, decidedEvent(decided), new Date(now)),
        ],
      );
    } catch (err) {
      if (!isConditionFailure(err)) throw err;
      if (attempt >= ATTEMPTS) throw conflict('该申请正在被他人审核，请刷新后重试');
      continue;
    }
    return { requestId, status: 'rejected' as const, enterpriseId: r.enterpriseId };
  }
}
