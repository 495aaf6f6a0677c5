/**
 * Chain heads anchored outside the table. The chain's hash is unkeyed, so whoever can write the table could
 * rewrite a tail of a shard — records and head — into another consistent chain, and the in-table check
 * (functions/lib/audit/verify.ts) would find nothing wrong. So once a day the heads of all shards are written
 * to a bucket with S3 Object Lock in compliance mode (cdk/lib/constructs/audit-anchor-bucket.ts): no one, not
 * this function and not the account's root, can change or delete an anchor before its retention ends.
 * `verify` then checks every anchored head against the table: the record at the anchored seq must still
 * carry the anchored hash. Rewriting anything at or before an anchored record changes that hash (each hash
 * covers the previous one), so it is detected; only records newer than the last anchor (under a day) rest on
 * the in-table chain alone.
 *
 * Locally the bucket is s3rver's, without Object Lock (README, "Emulators' limits").
 */
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { AUDIT_RETENTION_MIN_DAYS, AUDIT_SHARDS, type AuditStore, type BrokenLink } from '../lib/audit';
import { fromItem, type StoredAuditItem } from '../lib/audit/chain';

export const ANCHOR_PREFIX = 'audit-anchors/';

export interface AnchoredHead {
  shard: number;
  seq: number;
  lastHash: string;
  lastAt: string;
}

export interface Anchor {
  anchoredAt: string;
  heads: AnchoredHead[];
}

export interface AnchorBucket {
  s3: S3Client;
  bucket: string;
}

/** Reads every shard's head (consistent) and writes them as one new, locked object. */
export async function anchorHeads(store: AuditStore, to: AnchorBucket, now = new Date()): Promise<Anchor> {
  const heads = await Promise.all(
    Array.from({ length: AUDIT_SHARDS }, (_, shard) =>
      store.audit.heads.get({ auditChain: shard }).go({ consistent: true }),
    ),
  );
  const anchor: Anchor = {
    anchoredAt: now.toISOString(),
    heads: heads.flatMap(({ data }, shard) =>
      data ? [{ shard, seq: data.seq, lastHash: data.lastHash, lastAt: data.lastAt }] : [],
    ),
  };
  await to.s3.send(
    new PutObjectCommand({
      Bucket: to.bucket,
      // Sorted by time; a new name each run (versions of one name would be locked too, but be harder to list).
      Key: `${ANCHOR_PREFIX}${anchor.anchoredAt}.json`,
      Body: JSON.stringify(anchor),
      ContentType: 'application/json',
      // Object Lock requires an integrity checksum on every PutObject.
      ChecksumAlgorithm: 'SHA256',
    }),
  );
  return anchor;
}

/** Every anchor in the bucket, oldest first. */
export async function readAnchors(from: AnchorBucket): Promise<Anchor[]> {
  const keys: string[] = [];
  let token: string | undefined;
  do {
    const page = await from.s3.send(
      new ListObjectsV2Command({ Bucket: from.bucket, Prefix: ANCHOR_PREFIX, ContinuationToken: token }),
    );
    keys.push(...(page.Contents ?? []).map((o) => o.Key!).filter(Boolean));
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  keys.sort();
  const anchors: Anchor[] = [];
  // A few at a time: one GetObject per day of history.
  for (let i = 0; i < keys.length; i += 16) {
    const batch = await Promise.all(
      keys.slice(i, i + 16).map(async (Key) => {
        const out = await from.s3.send(new GetObjectCommand({ Bucket: from.bucket, Key }));
        return JSON.parse(await out.Body!.transformToString()) as Anchor;
      }),
    );
    anchors.push(...batch);
  }
  return anchors;
}

const DAY_MS = 86_400_000;

/**
 * The first anchored head of `shard` the table no longer matches: its record gone (unless TTL may have
 * taken it) or carrying another hash. `undefined` when every anchor holds.
 */
export async function checkAnchors(
  store: AuditStore,
  shard: number,
  anchors: readonly Anchor[],
  now = new Date(),
): Promise<BrokenLink | undefined> {
  const retainedSince = now.getTime() - AUDIT_RETENTION_MIN_DAYS * DAY_MS;
  const seen = new Set<number>();
  for (const anchor of anchors) {
    const head = anchor.heads.find((h) => h.shard === shard);
    if (!head || head.seq === 0 || seen.has(head.seq)) continue;
    seen.add(head.seq);
    const { data } = await store.audit.records.query
      .byShard({ auditShard: shard })
      .between({ seq: head.seq }, { seq: head.seq })
      .go({ consistent: true, data: 'includeKeys' });
    const raw = data[0] as unknown as StoredAuditItem | undefined;
    if (!raw) {
      if (Date.parse(head.lastAt) < retainedSince) continue;
      return { seq: head.seq, problem: 'anchor', expected: head.lastHash, actual: null };
    }
    const record = fromItem(raw);
    if (record.hash !== head.lastHash) {
      return { seq: head.seq, problem: 'anchor', expected: head.lastHash, actual: record.hash };
    }
  }
  return undefined;
}
