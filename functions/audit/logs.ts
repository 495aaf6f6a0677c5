/**
 * The 审计管理员's view of the audit trail: Queries only, never a Scan.
 *
 * - By actor (accountId, or a login resolved to its account): one partition of the actor index (gsi2),
 *   the date range as a sort-key range on the time.
 * - By object (type + id): one partition of the object index (gsi3), the same way.
 * - Otherwise: the day index (gsi1), one partition per Asia/Shanghai day, newest day first, continuing
 *   across days.
 * Action prefix, outcome and object type narrow the result with a filter on those partitions.
 *
 * The cursor is opaque to the client (base64url JSON) and checked on the way back: it names the day being
 * read and the position (time, shard, seq) of the last record returned, and carries a fingerprint of the
 * query so it can't be replayed against other filters. The position is turned back into an ElectroDB
 * cursor (an ExclusiveStartKey) by ElectroDB's own conversions, so no key from the client reaches DynamoDB.
 */
import * as z from 'zod/mini';
import {
  AUDIT_DEFAULT_SPAN_DAYS,
  AUDIT_MAX_SPAN_DAYS,
  auditDaySpan,
  type AuditLogItem,
  type AuditLogQuery,
  type AuditLogsResponse,
} from '../../shared/api/audit';
import { addDays, todayInChina } from '../../shared/validation/dates';
import { fromItem, publicRecord, sha256Hex, type StoredAuditItem } from '../lib/audit/chain';
import { actorKeyOf, objectRefOf, type AuditStore } from '../lib/audit';
import { badRequest } from '../lib/http/errors';
import { invalidCursor } from '../lib/paging';
import type { Store } from '../store';
import type { AuditRecordEntity } from '../store/entities/audit';

export type AuditLogStore = AuditStore & Pick<Store, 'accounts'>;

/** Position of a record in any of the three indexes: its time, then its table key. */
const Position = z.object({
  at: z.iso.datetime(),
  s: z.number().check(z.int(), z.gte(0), z.lte(99)),
  n: z.number().check(z.int(), z.gte(1)),
});
type Position = z.infer<typeof Position>;

const CursorBody = z.strictObject({
  v: z.literal(1),
  /** Fingerprint of the query the cursor belongs to. */
  q: z.string().check(z.regex(/^[0-9a-f]{16}$/)),
  /** The day partition being read (day mode only). */
  d: z.optional(z.iso.date()),
  /** Continue after this record; absent: from the newest record of `d`. */
  k: z.optional(Position),
});
type CursorBody = z.infer<typeof CursorBody>;

export function encodeCursor(c: CursorBody): string {
  return Buffer.from(JSON.stringify(c), 'utf8').toString('base64url');
}

export function decodeCursor(text: string): CursorBody {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    invalidCursor();
  }
  const parsed = CursorBody.safeParse(json);
  if (!parsed.success) invalidCursor();
  return parsed.data;
}

/** The query with its defaults filled in: what a cursor's fingerprint covers. */
export interface ResolvedQuery {
  from: string;
  to: string;
  action?: string;
  accountId?: string;
  login?: string;
  outcome?: AuditLogQuery['outcome'];
  objectType?: string;
  objectId?: string;
  limit: number;
}

/** Fill in the default dates (the last 7 days, Asia/Shanghai) and check the span. */
export function resolveQuery(q: AuditLogQuery, now: Date = new Date()): ResolvedQuery {
  const to = q.to ?? todayInChina(now);
  const from = q.from ?? addDays(to, -(AUDIT_DEFAULT_SPAN_DAYS - 1));
  if (from > to) {
    throw badRequest('开始日期不能晚于结束日期', [{ path: 'query.from', message: '开始日期不能晚于结束日期' }]);
  }
  if (auditDaySpan(from, to) > AUDIT_MAX_SPAN_DAYS) {
    const message = `查询时间范围不能超过 ${AUDIT_MAX_SPAN_DAYS} 天`;
    throw badRequest(message, [{ path: q.to ? 'query.to' : 'query.from', message }]);
  }
  return {
    from,
    to,
    action: q.action,
    accountId: q.accountId,
    login: q.login,
    outcome: q.outcome,
    objectType: q.objectType,
    objectId: q.objectId,
    limit: q.limit,
  };
}

const fingerprint = (q: ResolvedQuery): string =>
  sha256Hex(JSON.stringify([q.from, q.to, q.action, q.accountId, q.login, q.outcome, q.objectType, q.objectId])).slice(
    0,
    16,
  );

/** First and last millisecond of an Asia/Shanghai day range, as ISO instants. */
function instantRange(from: string, to: string): { start: string; end: string } {
  const start = new Date(Date.parse(`${from}T00:00:00.000+08:00`)).toISOString();
  const end = new Date(Date.parse(`${addDays(to, 1)}T00:00:00.000+08:00`) - 1).toISOString();
  return { start, end };
}

type Mode = { kind: 'day' } | { kind: 'actor'; actorKey: string } | { kind: 'object'; objectRef: string };

/** Which index serves the query: an actor filter first, then an object id, else the days. */
async function modeOf(store: AuditLogStore, q: ResolvedQuery): Promise<Mode> {
  if (q.accountId) return { kind: 'actor', actorKey: actorKeyOf({ accountId: q.accountId, kind: '' }) };
  if (q.login) {
    // Records of a known account are filed under the account; a login nobody holds, under the login.
    const { data } = await store.accounts.query.byLogin({ login: q.login }).go({ limit: 1 });
    const accountId = data[0]?.accountId;
    return { kind: 'actor', actorKey: actorKeyOf({ accountId, login: q.login, kind: '' }) };
  }
  if (q.objectType && q.objectId)
    return { kind: 'object', objectRef: objectRefOf({ type: q.objectType, id: q.objectId }) };
  return { kind: 'day' };
}

/** A filter on audit records (ElectroDB's `where` callback for this entity). */
type RecordFilter = Parameters<ReturnType<AuditRecordEntity['query']['byDay']>['where']>[0];

/** The filter expression for what the partition key does not already select. */
function filterOf(q: ResolvedQuery, mode: Mode): RecordFilter | undefined {
  const { action, outcome } = q;
  const objectType = mode.kind === 'object' ? undefined : q.objectType;
  const objectId = mode.kind === 'object' ? undefined : q.objectId;
  if (!action && !outcome && !objectType && !objectId) return undefined;
  return (a, op) =>
    [
      // A prefix matches whole segments: `auth` matches `auth` and `auth.login`, not `authority.x`.
      action ? `(${op.eq(a.action, action)} OR ${op.begins(a.action, `${action}.`)})` : '',
      outcome ? op.eq(a.outcome, outcome) : '',
      objectType ? op.eq(a.objectType, objectType) : '',
      objectId ? op.eq(a.objectId, objectId) : '',
    ]
      .filter(Boolean)
      .join(' AND ');
}

const positionOf = (item: { at: string; auditShard: number; seq: number }): Position => ({
  at: item.at,
  s: item.auditShard,
  n: item.seq,
});

const toLogItem = (raw: StoredAuditItem): AuditLogItem => {
  const { expiresAt: _expiresAt, prevAt: _prevAt, ...rest } = publicRecord(fromItem(raw));
  return rest as AuditLogItem;
};

interface PageOfPartition {
  items: StoredAuditItem[];
  /** More records may follow in this partition. */
  more: boolean;
}

/**
 * List audit records, newest first. `query` is the parsed route query (dates optional); throws 400 on a
 * span over 31 days or a cursor that is not one of ours.
 */
export async function listAuditLogs(
  store: AuditLogStore,
  query: AuditLogQuery,
  now: Date = new Date(),
): Promise<AuditLogsResponse> {
  const q = resolveQuery(query, now);
  const fp = fingerprint(q);
  const cursor = query.cursor ? decodeCursor(query.cursor) : undefined;
  if (cursor && cursor.q !== fp) invalidCursor();
  const mode = await modeOf(store, q);
  if (cursor && (mode.kind === 'day') !== (cursor.d !== undefined)) invalidCursor();
  if (cursor?.d && (cursor.d < q.from || cursor.d > q.to)) invalidCursor();

  const filter = filterOf(q, mode);
  const { records } = store.audit;
  const conversions = records.conversions.byAccessPattern;
  const { start, end } = instantRange(q.from, q.to);

  /** Up to `count` records of one partition, after `after`, newest first. */
  const readPartition = async (count: number, after: Position | undefined, day?: string): Promise<PageOfPartition> => {
    const base = { at: after?.at ?? '', auditShard: after?.s ?? 0, seq: after?.n ?? 0 };
    let request;
    let electroCursor: string | null = null;
    if (mode.kind === 'actor') {
      request = records.query.byActor({ actorKey: mode.actorKey }).between({ at: start }, { at: end });
      if (after) electroCursor = conversions.byActor.fromComposite.toCursor({ ...base, actorKey: mode.actorKey });
    } else if (mode.kind === 'object') {
      request = records.query.byObject({ objectRef: mode.objectRef }).between({ at: start }, { at: end });
      if (after) electroCursor = conversions.byObject.fromComposite.toCursor({ ...base, objectRef: mode.objectRef });
    } else {
      request = records.query.byDay({ auditDay: day! });
      if (after) electroCursor = conversions.byDay.fromComposite.toCursor({ ...base, auditDay: day! });
    }
    const filtered = filter ? request.where(filter) : request;
    const page = await filtered.go({ order: 'desc', count, cursor: electroCursor });
    const items = page.data as unknown as StoredAuditItem[];
    return { items: items.slice(0, count), more: page.cursor !== null };
  };

  const items: StoredAuditItem[] = [];
  let next: CursorBody | null = null;
  if (mode.kind === 'day') {
    let day = cursor?.d ?? q.to;
    let after = cursor?.k;
    while (day >= q.from) {
      const page = await readPartition(q.limit - items.length, after, day);
      items.push(...page.items);
      if (items.length >= q.limit) {
        const last = items[items.length - 1]!;
        if (page.more) next = { v: 1, q: fp, d: day, k: positionOf(last) };
        else if (day > q.from) next = { v: 1, q: fp, d: addDays(day, -1) };
        break;
      }
      day = addDays(day, -1);
      after = undefined;
    }
  } else {
    const page = await readPartition(q.limit, cursor?.k);
    items.push(...page.items);
    if (items.length >= q.limit && page.more) next = { v: 1, q: fp, k: positionOf(items[items.length - 1]!) };
  }
  return { items: items.map(toLogItem), cursor: next ? encodeCursor(next) : null };
}
