/**
 * Verification: walk a shard in sequence order (Queries on the table key, consistent reads), recompute every
 * record's hash, check every link and the head, and report the first broken link.
 *
 * What it catches: a changed field (`hash` — the record's own hash no longer matches), a changed hash
 * (`link` — the next record's prevHash no longer matches), a deleted record (`missing` — a gap in the
 * sequence, or the head pointing past the last record), moved index keys that would hide a record from
 * the viewer (`index`), and a forged record past the head (`head`). A rewrite of a whole tail including
 * the head is beyond any in-table chain: the daily heads anchored outside the table catch it
 * (functions/audit/anchors.ts).
 *
 * Expiry: DynamoDB TTL removes records 400 days after writing, oldest first, so the start of a shard
 * disappears over time. A gap before the first record present is accepted only when that record's
 * `prevAt` (the time of the missing predecessor, covered by its hash) is older than the 180-day retention.
 */
import {
  fromItem,
  GENESIS_HASH,
  hashOf,
  toItem,
  type AuditStore,
  type ChainedRecord,
  type StoredAuditItem,
} from './chain';
import { AUDIT_RETENTION_MIN_DAYS } from './entry';

/** `anchor`: the table no longer holds a head anchored outside it (functions/audit/anchors.ts). */
export type ChainProblem = 'hash' | 'link' | 'missing' | 'index' | 'head' | 'anchor';

export interface BrokenLink {
  /** The first record whose link is broken (for `missing`: the first absent seq). */
  seq: number;
  problem: ChainProblem;
  expected: string | null;
  actual: string | null;
}

export interface ChainVerification {
  shard: number;
  ok: boolean;
  /** Records read and checked. */
  records: number;
  /** The head's seq when verification began (0: nothing appended yet). */
  headSeq: number;
  firstSeq: number | null;
  lastSeq: number | null;
  brokenAt?: BrokenLink;
}

const KEY_FIELDS = ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'gsi3pk', 'gsi3sk'] as const;
const DAY_MS = 86_400_000;

/**
 * Verify one shard, optionally only seq `fromSeq`…`toSeq` (the link into `fromSeq` is checked against the
 * record before it). Records appended after the head was read are not looked at.
 */
export async function verifyChain(
  store: AuditStore,
  shard: number,
  fromSeq?: number,
  toSeq?: number,
  options: { now?: () => Date } = {},
): Promise<ChainVerification> {
  const now = (options.now ?? (() => new Date()))();
  const retainedSince = now.getTime() - AUDIT_RETENTION_MIN_DAYS * DAY_MS;
  const { data: head } = await store.audit.heads.get({ auditChain: shard }).go({ consistent: true });
  const headSeq = head?.seq ?? 0;
  const start = Math.max(1, fromSeq ?? 1);
  const end = toSeq ?? Number.MAX_SAFE_INTEGER;
  const result: ChainVerification = { shard, ok: true, records: 0, headSeq, firstSeq: null, lastSeq: null };
  const fail = (b: BrokenLink): ChainVerification => ({ ...result, ok: false, brokenAt: b });
  const conversions = store.audit.records.conversions;

  let prev: ChainedRecord | undefined;
  let expected = start;
  let cursor: string | null = null;
  do {
    const page: { data: Record<string, unknown>[]; cursor: string | null } = await store.audit.records.query
      .byShard({ auditShard: shard })
      .between({ seq: start - 1 }, { seq: end })
      .go({ cursor, consistent: true, data: 'includeKeys' });
    cursor = page.cursor;
    for (const raw of page.data) {
      const r = fromItem(raw as unknown as StoredAuditItem);
      if (r.seq < start) {
        // The record before the range: its hash anchors the first link of the range.
        prev = r;
        continue;
      }
      if (r.seq > headSeq) {
        // Appended since the head was read (the head has moved past it), or put there by hand (it has not).
        const { data: current } = await store.audit.heads.get({ auditChain: shard }).go({ consistent: true });
        if ((current?.seq ?? 0) >= r.seq) {
          cursor = null;
          break;
        }
        return fail({ seq: r.seq, problem: 'head', expected: `seq ≤ ${headSeq}`, actual: `seq ${r.seq}` });
      }
      if (prev && r.seq !== expected) {
        return fail({ seq: expected, problem: 'missing', expected: `seq ${expected}`, actual: `seq ${r.seq}` });
      }
      if (!prev && r.seq > 1) {
        // Nothing before it was read: its predecessor is gone, which is fine only if TTL may have taken it.
        const expired = r.prevAt !== undefined && Date.parse(r.prevAt) < retainedSince;
        if (!expired) {
          return fail({ seq: r.seq - 1, problem: 'missing', expected: `seq ${r.seq - 1}`, actual: `seq ${r.seq}` });
        }
      }
      const recomputed = hashOf(r);
      if (recomputed !== r.hash) return fail({ seq: r.seq, problem: 'hash', expected: recomputed, actual: r.hash });
      if (prev ? r.prevHash !== prev.hash : r.seq === 1 && r.prevHash !== GENESIS_HASH) {
        return fail({ seq: r.seq, problem: 'link', expected: prev?.hash ?? GENESIS_HASH, actual: r.prevHash });
      }
      if (prev && r.prevAt !== prev.at) {
        return fail({ seq: r.seq, problem: 'link', expected: prev.at, actual: r.prevAt ?? null });
      }
      const keys = conversions.fromComposite.toKeys(toItem(r)) as Record<string, unknown>;
      const moved = KEY_FIELDS.find((k) => keys[k] !== raw[k]);
      if (moved) {
        return fail({ seq: r.seq, problem: 'index', expected: String(keys[moved]), actual: String(raw[moved] ?? '') });
      }
      result.records++;
      result.firstSeq ??= r.seq;
      result.lastSeq = r.seq;
      prev = r;
      expected = r.seq + 1;
    }
  } while (cursor);

  // Up to the end of the range (at most the head): the last record must exist, and at the head be the
  // one the head names.
  const upper = Math.min(end, headSeq);
  if (head && upper >= start) {
    if (!prev || prev.seq < upper) {
      // Nothing left at all may be expiry, if even the newest record is older than the retention.
      const allExpired = !prev && upper === headSeq && Date.parse(head.lastAt) < retainedSince;
      if (!allExpired) {
        const seq = prev ? prev.seq + 1 : upper;
        return fail({ seq, problem: 'missing', expected: `seq ${seq}`, actual: prev ? `seq ${prev.seq}` : null });
      }
    } else if (upper === headSeq && prev.hash !== head.lastHash) {
      return fail({ seq: headSeq, problem: 'head', expected: head.lastHash, actual: prev.hash });
    }
  }
  return result;
}

/** Verify several shards, in parallel. */
export async function verifyChains(
  store: AuditStore,
  shards: readonly number[],
  options: { now?: () => Date } = {},
): Promise<ChainVerification[]> {
  return Promise.all(shards.map((s) => verifyChain(store, s, undefined, undefined, options)));
}
