/**
 * 企业自纠自查隐患: an enterprise's own hazard register, kept by the enterprise (新增, 编辑, 整改完成 with evidence)
 * and read by the regulators who see the enterprise (企业自查自纠管理). The lines live in the enterprise's
 * partition, so the enterprise's id — from its session, or checked against the register for a regulator — is
 * the whole scope: another enterprise's line is simply not in the partition (404).
 */
import { randomBytes } from 'node:crypto';
import { createWriteTransaction, type EntityItem } from 'electrodb';
import type {
  SelfInspectionInput,
  SelfInspectionQuery,
  SelfInspectionRectifyInput,
  SelfInspectionUpdateInput,
  SelfInspectionView,
} from '../../shared/api/self-inspections';
import { actorOf, transactWithAudit } from '../lib/audit';
import { linkAttachmentItems } from '../lib/attachments/link';
import type { EnterpriseAccount, Principal } from '../lib/auth/principal';
import { conflict, notFound } from '../lib/http/errors';
import { withCursor } from '../lib/paging';
import { assertCanSee, categoriesOf } from '../lib/register/scope';
import { isConditionFailure, itemsOf } from '../lib/transactions';
import type { Store } from '../store';

type Entry = EntityItem<Store['selfInspections']>;

export interface RequestContext {
  requestId: string;
  sourceIp: string;
}

const NOT_FOUND = '隐患记录不存在';
const STALE = '该隐患已被修改或已整改，请刷新后重试';
/** Rows read per request, per row wanted, while filters drop some (an enterprise's register is small). */
const FILTER_READ_AHEAD = 3;

/** Time-ordered: the partition's sort key lists them oldest first, and a page read backwards newest first. */
export const newEntryId = (now = Date.now()) =>
  `sin-${now.toString(36).padStart(9, '0')}-${randomBytes(5).toString('hex')}`;

function view(e: Entry): SelfInspectionView {
  return {
    entryId: e.entryId,
    enterpriseId: e.enterpriseId,
    location: e.location,
    classification: e.classification,
    description: e.description,
    cause: e.cause,
    deadline: e.deadline,
    difficulty: e.difficulty,
    status: e.status,
    ...(e.rectification ? { rectification: e.rectification } : {}),
    ...(e.rectifiedAt ? { rectifiedAt: e.rectifiedAt } : {}),
    ...(e.rectifiedByName ? { rectifiedByName: e.rectifiedByName } : {}),
    attachmentIds: e.attachmentIds ?? [],
    createdByName: e.createdByName,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
    version: e.version,
  };
}

/** The enterprise the register belongs to; a regulator must see it (else 404, as for anything out of scope). */
async function enterpriseFor(store: Store, p: Principal, enterpriseId: string) {
  const { data } = await store.enterprises.get({ enterpriseId }).go({ consistent: true });
  if (!data) throw notFound('企业不存在或不在您的监管范围内');
  assertCanSee(p, { enterpriseId, regionCode: data.regionCode, categories: categoriesOf(data.segments) });
  return data;
}

/** The caller's own enterprise, for a change: one removed from the register keeps its records but takes no more. */
async function ownForChange(store: Store, p: EnterpriseAccount) {
  const e = await enterpriseFor(store, p, p.enterpriseId);
  if (e.removed) throw conflict('该企业已从登记册中删除，不能再修改其信息');
  return e;
}

export async function listEntries(store: Store, p: Principal, enterpriseId: string, q: SelfInspectionQuery) {
  const e = await enterpriseFor(store, p, enterpriseId);
  const filters = Boolean(q.deadlineTo || q.difficulty || q.classification || q.status);
  const wanted: Partial<Record<'difficulty' | 'classification' | 'status', string>> = q;
  const page = await withCursor(q.cursor, () =>
    store.selfInspections.query
      .byEnterprise({ enterpriseId })
      .where((a, op) =>
        [
          ...(q.deadlineTo ? [op.lte(a.deadline, q.deadlineTo)] : []),
          ...(wanted.difficulty ? [op.eq(a.difficulty, wanted.difficulty)] : []),
          ...(wanted.classification ? [op.eq(a.classification, wanted.classification)] : []),
          ...(wanted.status ? [op.eq(a.status, wanted.status)] : []),
        ].join(' AND '),
      )
      .go(
        filters
          ? { count: q.limit, limit: q.limit * FILTER_READ_AHEAD, cursor: q.cursor ?? null, order: 'desc' }
          : { limit: q.limit, cursor: q.cursor ?? null, order: 'desc' },
      ),
  );
  return { items: page.data.map(view), cursor: page.cursor ?? null, enterpriseName: e.name };
}

export async function getEntry(store: Store, p: Principal, enterpriseId: string, entryId: string) {
  await enterpriseFor(store, p, enterpriseId);
  const { data } = await store.selfInspections.get({ enterpriseId, entryId }).go({ consistent: true });
  if (!data) throw notFound(NOT_FOUND);
  return view(data);
}

const auditOf = (
  p: EnterpriseAccount,
  ctx: RequestContext,
  action: string,
  e: Pick<Entry, 'entryId' | 'location'>,
  details: Record<string, unknown>,
) => ({
  actor: actorOf(p),
  action: `self-inspection.${action}`,
  object: { type: 'selfInspection', id: e.entryId, label: e.location },
  outcome: 'success' as const,
  sourceIp: ctx.sourceIp,
  requestId: ctx.requestId,
  details: { enterpriseId: p.enterpriseId, ...details },
});

/** 新增. */
export async function addEntry(store: Store, p: EnterpriseAccount, input: SelfInspectionInput, ctx: RequestContext) {
  await ownForChange(store, p);
  const now = new Date().toISOString();
  const entry: Entry = {
    enterpriseId: p.enterpriseId,
    entryId: newEntryId(),
    ...input,
    attachmentIds: [],
    createdByName: p.name,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  const items = itemsOf(createWriteTransaction({ s: store.selfInspections }, ({ s }) => [s.create(entry).commit()]));
  await transactWithAudit(store, auditOf(p, ctx, 'create', entry, { after: input }), items);
  return view(entry);
}

async function current(store: Store, p: EnterpriseAccount, entryId: string): Promise<Entry> {
  const { data } = await store.selfInspections.get({ enterpriseId: p.enterpriseId, entryId }).go({ consistent: true });
  if (!data) throw notFound(NOT_FOUND);
  return data;
}

/** 编辑, at the version the form was opened with; a line already 已整改 is closed. */
export async function updateEntry(
  store: Store,
  p: EnterpriseAccount,
  entryId: string,
  input: SelfInspectionUpdateInput,
  ctx: RequestContext,
) {
  await ownForChange(store, p);
  const before = await current(store, p, entryId);
  if (before.status === 'done') throw conflict('该隐患已整改完成，不能再编辑');
  if (before.version !== input.version) throw conflict(STALE);
  const { version, ...fields } = input;
  const updatedAt = new Date().toISOString();
  const items = itemsOf(
    createWriteTransaction({ s: store.selfInspections }, ({ s }) => [
      s
        .patch({ enterpriseId: p.enterpriseId, entryId })
        .set({ ...fields, updatedAt })
        .add({ version: 1 })
        .where((a, op) => `${op.eq(a.version, version)} AND ${op.ne(a.status, 'done')}`)
        .commit(),
    ]),
  );
  try {
    await transactWithAudit(
      store,
      auditOf(p, ctx, 'update', before, {
        before: pick(before),
        after: fields,
      }),
      items,
    );
  } catch (err) {
    if (isConditionFailure(err)) throw conflict(STALE);
    throw err;
  }
  return view({ ...before, ...fields, updatedAt, version: before.version + 1 });
}

const pick = (e: Entry) => ({
  location: e.location,
  classification: e.classification,
  description: e.description,
  cause: e.cause,
  deadline: e.deadline,
  difficulty: e.difficulty,
  status: e.status,
});

/** 整改完成: 已整改 with what was done and the evidence, linked to the enterprise (so its regulators may open it). */
export async function completeEntry(
  store: Store,
  p: EnterpriseAccount,
  entryId: string,
  input: SelfInspectionRectifyInput,
  ctx: RequestContext,
) {
  const e = await ownForChange(store, p);
  const before = await current(store, p, entryId);
  if (before.status === 'done') throw conflict('该隐患已整改完成');
  if (before.version !== input.version) throw conflict(STALE);
  const attachmentItems = await linkAttachmentItems(store, p, input.attachmentIds, {
    enterpriseId: e.enterpriseId,
    regionCode: e.regionCode,
    categories: categoriesOf(e.segments),
    requestId: entryId,
  });
  const at = new Date().toISOString();
  const after = {
    status: 'done',
    rectification: input.rectification,
    rectifiedAt: at,
    rectifiedByName: p.name,
    attachmentIds: input.attachmentIds,
    updatedAt: at,
  };
  const items = [
    ...itemsOf(
      createWriteTransaction({ s: store.selfInspections }, ({ s }) => [
        s
          .patch({ enterpriseId: p.enterpriseId, entryId })
          .set(after)
          .add({ version: 1 })
          .where((a, op) => `${op.eq(a.version, input.version)} AND ${op.ne(a.status, 'done')}`)
          .commit(),
      ]),
    ),
    ...attachmentItems,
  ];
  try {
    await transactWithAudit(
      store,
      auditOf(p, ctx, 'complete', before, {
        before: { status: before.status },
        after: { status: 'done', attachmentIds: input.attachmentIds },
      }),
      items,
    );
  } catch (err) {
    if (isConditionFailure(err)) throw conflict(STALE);
    throw err;
  }
  return view({ ...before, ...after, version: before.version + 1 });
}
