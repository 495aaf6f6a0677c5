/**
 * The audit trail's hash chains on DynamoDB Local: concurrent appends, appends inside a caller's
 * transaction, and verification catching a changed, deleted, moved or forged record.
 */
import { randomUUID } from 'node:crypto';
import {
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { createWriteTransaction } from 'electrodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appendAudit,
  auditRecord,
  AUDIT_SHARDS,
  AUDIT_RETENTION_MIN_DAYS,
  GENESIS_HASH,
  hashOf,
  isAuditConflict,
  shardOf,
  transactWithAudit,
  verifyChain,
  withAuditRetry,
  type AuditEntryInput,
  type DocumentTransactItem,
} from '../../functions/lib/audit';
import { fromItem, type StoredAuditItem } from '../../functions/lib/audit/chain';
import { testTable, type TestTable } from '../support/dynamo';

let t: TestTable;
beforeAll(async () => {
  t = await testTable('audit-chain');
});
afterAll(async () => {
  await t?.drop();
});

const DAY_MS = 86_400_000;

/** A request id that hashes to `shard`, so a test owns its chain (shards past AUDIT_SHARDS: by option). */
function requestIdFor(shard: number): string {
  if (shard >= AUDIT_SHARDS) return randomUUID();
  for (;;) {
    const id = randomUUID();
    if (shardOf(id) === shard) return id;
  }
}

const entry = (shard: number, over: Partial<AuditEntryInput> = {}): AuditEntryInput => ({
  actor: { kind: 'regulator', accountId: 'acc-1', login: '13800000001', name: '张三', roles: ['inspector'] },
  action: 'enterprise.change.approve',
  object: { type: 'enterprise', id: 'ent-1', label: '福州某化工有限公司' },
  outcome: 'success',
  sourceIp: '192.0.2.10',
  requestId: requestIdFor(shard),
  details: { before: { name: '旧名' }, after: { name: '新名' } },
  ...over,
});

/** The raw item of record `seq` of `shard`, keys included, as DynamoDB holds it. */
async function rawRecord(shard: number, seq: number): Promise<Record<string, unknown> | undefined> {
  const key = t.store.audit.records.conversions.byAccessPattern.byShard.fromComposite.toKeys({
    auditShard: shard,
    seq,
  });
  const { Item } = await t.documents.send(new GetCommand({ TableName: t.name, Key: key, ConsistentRead: true }));
  return Item;
}

const keyOf = (shard: number, seq: number) =>
  t.store.audit.records.conversions.byAccessPattern.byShard.fromComposite.toKeys({ auditShard: shard, seq });

async function headOf(shard: number) {
  const { data } = await t.store.audit.heads.get({ auditChain: shard }).go({ consistent: true });
  return data;
}

async function seqsOf(shard: number): Promise<number[]> {
  const seqs: number[] = [];
  let cursor: string | null = null;
  do {
    const page: { data: { seq: number }[]; cursor: string | null } = await t.store.audit.records.query
      .byShard({ auditShard: shard })
      .go({ cursor, consistent: true });
    seqs.push(...page.data.map((r) => r.seq));
    cursor = page.cursor;
  } while (cursor);
  return seqs;
}

/** A caller's write whose condition fails: patch an enterprise that does not exist. */
const missingEnterpriseUpdate = () =>
  createWriteTransaction({ enterprises: t.store.enterprises }, ({ enterprises }) => [
    enterprises.patch({ enterpriseId: 'no-such-enterprise' }).set({ name: '不存在' }).commit(),
  ]).params().TransactItems!;

async function appendN(shard: number, n: number, over: Partial<AuditEntryInput> = {}) {
  const out = [];
  for (let i = 0; i < n; i++) out.push(await appendAudit(t.store, entry(shard, over), { shard }));
  return out;
}

describe('appending', () => {
  it('starts a shard at seq 1 with the genesis hash, and links every record to the one before', async () => {
    const [a, b, c] = await appendN(0, 3);
    expect([a!.seq, b!.seq, c!.seq]).toEqual([1, 2, 3]);
    expect(a!.shard).toBe(0);
    expect(a!.prevHash).toBe(GENESIS_HASH);
    expect(b!.prevHash).toBe(a!.hash);
    expect(c!.prevHash).toBe(b!.hash);
    expect(c!.prevAt).toBe(b!.at);
    expect(await headOf(0)).toMatchObject({ seq: 3, lastHash: c!.hash, lastAt: c!.at });
    expect(await verifyChain(t.store, 0)).toMatchObject({ ok: true, records: 3, headSeq: 3, firstSeq: 1, lastSeq: 3 });
  });

  it('stores what it hashed: the stored item rehashes to its own hash', async () => {
    const rec = await appendAudit(
      t.store,
      entry(0, { reason: '  ', details: { n: 1, nested: { b: 2, a: [1, 'x'] } } }),
    );
    const raw = await rawRecord(0, rec.seq);
    const stored = fromItem(raw as unknown as StoredAuditItem);
    expect(hashOf(stored)).toBe(rec.hash);
    expect(raw).toMatchObject({ details: '{"n":1,"nested":{"a":[1,"x"],"b":2}}', outcome: 'success' });
    expect(raw).not.toHaveProperty('reason');
  });

  it('keeps 50 concurrent appends into 2 shards contiguous: seqs 1..n per shard, no duplicates, chain verifies', async () => {
    const shards = [3, 11];
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        appendAudit(t.store, entry(shards[i % 2]!, { action: 'auth.login', details: { i } })),
      ),
    );
    for (const shard of shards) {
      const mine = results.filter((r) => r.shard === shard);
      expect(mine).toHaveLength(25);
      expect(mine.map((r) => r.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
      expect(await seqsOf(shard)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
      expect(new Set(mine.map((r) => r.hash)).size).toBe(25);
      expect(await headOf(shard)).toMatchObject({ seq: 25 });
      expect(await verifyChain(t.store, shard)).toMatchObject({ ok: true, records: 25, lastSeq: 25 });
    }
    // Every input made it in exactly once.
    expect(results.map((r) => (r.details as { i: number }).i).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 50 }, (_, i) => i),
    );
  }, 60_000);

  it('writes several entries of one request as consecutive records in one transaction', async () => {
    const requestId = requestIdFor(4);
    const records = await transactWithAudit(
      t.store,
      [
        { ...entry(4), requestId, action: 'account.create', object: { type: 'account', id: 'a-9' } },
        { ...entry(4), requestId, action: 'account.roles.change', object: { type: 'account', id: 'a-9' } },
      ],
      [],
    );
    expect(records.map((r) => [r.shard, r.seq])).toEqual([
      [4, 1],
      [4, 2],
    ]);
    expect(records[1]!.prevHash).toBe(records[0]!.hash);
    expect(await verifyChain(t.store, 4)).toMatchObject({ ok: true, records: 2 });
  });

  it('gives every record an expiresAt at least 180 days ahead (400 days after writing)', async () => {
    const writtenAt = new Date();
    const rec = await appendAudit(t.store, entry(5), { now: () => writtenAt });
    const raw = await rawRecord(5, rec.seq);
    const nowSeconds = Math.floor(writtenAt.getTime() / 1000);
    expect(raw!.expiresAt).toBe(rec.expiresAt);
    expect(rec.expiresAt).toBe(nowSeconds + 400 * 86_400);
    expect(rec.expiresAt - nowSeconds).toBeGreaterThanOrEqual(AUDIT_RETENTION_MIN_DAYS * 86_400);
  });

  it('never stores secrets from details', async () => {
    const rec = await appendAudit(
      t.store,
      entry(5, {
        details: { before: { passwordHash: 'abc', mobile: '138' }, after: { password: 'x', totpSecret: 'y' } },
      }),
    );
    const raw = await rawRecord(5, rec.seq);
    expect(raw!.details).not.toMatch(/abc|"x"|"y"/);
    expect(rec.details).toEqual({
      before: { passwordHash: '[已隐去]', mobile: '138' },
      after: { password: '[已隐去]', totpSecret: '[已隐去]' },
    });
  });
});

describe('inside a caller transaction', () => {
  it('commits the change and its record together', async () => {
    const records = await transactWithAudit(
      t.store,
      entry(6, { action: 'platform.schedule.touch' }),
      () =>
        createWriteTransaction({ runs: t.store.scheduleRuns }, ({ runs }) => [
          runs.upsert({ name: 'audit-test', lastRunAt: '2026-01-01T00:00:00.000Z', runs: 1 }).commit(),
        ]).params().TransactItems!,
    );
    expect(records[0]!.seq).toBe(1);
    const { data } = await t.store.scheduleRuns.get({ name: 'audit-test' }).go();
    expect(data?.runs).toBe(1);
    expect(await headOf(6)).toMatchObject({ seq: 1 });
  });

  it('writes no record and leaves the head where it was when the caller transaction is cancelled', async () => {
    const before = await headOf(6);
    const audit = await auditRecord(t.store, entry(6, { action: 'enterprise.update' }));
    expect(audit.records[0]!.seq).toBe(before!.seq + 1);
    // The caller's own condition fails (the enterprise does not exist): the whole transaction is cancelled.
    const mine = missingEnterpriseUpdate() as DocumentTransactItem[];
    const err = await t.documents.send(new TransactWriteCommand({ TransactItems: [...mine, ...audit.items] })).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect((err as Error).name).toBe('TransactionCanceledException');
    expect(isAuditConflict(err)).toBe(false);
    expect(await headOf(6)).toEqual(before);
    expect(await rawRecord(6, before!.seq + 1)).toBeUndefined();
  });

  it('rethrows the caller condition failure at once instead of retrying it', async () => {
    const before = await headOf(6);
    let calls = 0;
    const err = await transactWithAudit(t.store, entry(6), () => {
      calls++;
      return missingEnterpriseUpdate();
    }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect((err as Error).name).toBe('TransactionCanceledException');
    expect(calls).toBe(1);
    expect(await headOf(6)).toEqual(before);
  });

  it('recognises a moved head as an audit conflict, and retries the whole transaction', async () => {
    // Someone else appends between our read of the head and our commit.
    const stale = await auditRecord(t.store, entry(7));
    await appendAudit(t.store, entry(7));
    const err = await t.documents.send(new TransactWriteCommand({ TransactItems: stale.items })).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isAuditConflict(err)).toBe(true);

    // The same race inside transactWithAudit: the first attempt loses, the second commits after the winner.
    let calls = 0;
    const records = await transactWithAudit(t.store, entry(7, { action: 'account.update' }), async () => {
      calls++;
      if (calls === 1) {
        // Runs before the audit head is read, so slip the competing append in after that read instead.
        setTimeout(() => void appendAudit(t.store, entry(7, { action: 'auth.login' })), 0);
        await new Promise((r) => setTimeout(r, 150));
      }
      return [];
    });
    expect(records[0]!.action).toBe('account.update');
    expect(await verifyChain(t.store, 7)).toMatchObject({ ok: true });
    expect((await headOf(7))!.seq).toBe(records[0]!.seq);
  });

  it('lets a caller that sends its own transaction retry with withAuditRetry', async () => {
    let attempts = 0;
    const competitor = requestIdFor(8);
    await withAuditRetry(async () => {
      attempts++;
      const audit = await auditRecord(t.store, entry(8));
      if (attempts === 1) await appendAudit(t.store, { ...entry(8), requestId: competitor });
      await t.documents.send(new TransactWriteCommand({ TransactItems: audit.items }));
    });
    expect(attempts).toBe(2);
    expect(await seqsOf(8)).toEqual([1, 2]);
    expect(await verifyChain(t.store, 8)).toMatchObject({ ok: true, records: 2 });
  });
});

describe('verification', () => {
  it('reports the record whose field was changed (outcome of record 3 of 5)', async () => {
    await appendN(9, 5);
    await t.documents.send(
      new UpdateCommand({
        TableName: t.name,
        Key: keyOf(9, 3),
        UpdateExpression: 'SET outcome = :o',
        ExpressionAttributeValues: { ':o': 'failure' },
      }),
    );
    const v = await verifyChain(t.store, 9);
    expect(v.ok).toBe(false);
    expect(v.brokenAt).toMatchObject({ seq: 3, problem: 'hash' });
    expect(v.brokenAt!.actual).toBe((await rawRecord(9, 3))!.hash);
    expect(v.records).toBe(2);
  });

  it('reports the next record when a changed record was rehashed to hide the change', async () => {
    await appendN(10, 4);
    const raw = (await rawRecord(10, 2))!;
    const forged = { ...fromItem(raw as unknown as StoredAuditItem), outcome: 'denied' as const };
    await t.documents.send(
      new UpdateCommand({
        TableName: t.name,
        Key: keyOf(10, 2),
        UpdateExpression: 'SET outcome = :o, #h = :h',
        ExpressionAttributeNames: { '#h': 'hash' },
        ExpressionAttributeValues: { ':o': 'denied', ':h': hashOf(forged) },
      }),
    );
    expect((await verifyChain(t.store, 10)).brokenAt).toMatchObject({ seq: 3, problem: 'link' });
  });

  it('reports a gap where a record was deleted', async () => {
    await appendN(12, 5);
    await t.documents.send(new DeleteCommand({ TableName: t.name, Key: keyOf(12, 3) }));
    const v = await verifyChain(t.store, 12);
    expect(v).toMatchObject({ ok: false, brokenAt: { seq: 3, problem: 'missing' } });
  });

  it('reports the deletion of the last record against the head', async () => {
    await appendN(13, 3);
    await t.documents.send(new DeleteCommand({ TableName: t.name, Key: keyOf(13, 3) }));
    expect((await verifyChain(t.store, 13)).brokenAt).toMatchObject({ seq: 3, problem: 'missing' });
  });

  it('reports the deletion of the first records when they were younger than the retention', async () => {
    await appendN(14, 3);
    await t.documents.send(new DeleteCommand({ TableName: t.name, Key: keyOf(14, 1) }));
    expect((await verifyChain(t.store, 14)).brokenAt).toMatchObject({ seq: 1, problem: 'missing' });
  });

  it('accepts the start of a shard gone by expiry when the lost records were older than the retention', async () => {
    const old = new Date(Date.now() - 300 * DAY_MS);
    await appendN(15, 2, { at: old.toISOString() });
    await appendN(15, 2);
    // TTL took records 1 and 2.
    await t.documents.send(new DeleteCommand({ TableName: t.name, Key: keyOf(15, 1) }));
    await t.documents.send(new DeleteCommand({ TableName: t.name, Key: keyOf(15, 2) }));
    expect(await verifyChain(t.store, 15)).toMatchObject({ ok: true, records: 2, firstSeq: 3, lastSeq: 4 });
  });

  it('reports a record moved out of its day partition (hidden from the viewer)', async () => {
    await appendN(16, 2);
    await t.documents.send(
      new UpdateCommand({
        TableName: t.name,
        Key: keyOf(16, 2),
        UpdateExpression: 'SET gsi1pk = :d',
        ExpressionAttributeValues: { ':d': '$hazmat#auditday_1999-01-01' },
      }),
    );
    expect((await verifyChain(t.store, 16)).brokenAt).toMatchObject({ seq: 2, problem: 'index' });
  });

  it('reports a forged record put past the head', async () => {
    await appendN(17, 1);
    const raw = (await rawRecord(17, 1))!;
    await t.documents.send(new PutCommand({ TableName: t.name, Item: { ...raw, ...keyOf(17, 2), seq: 2 } }));
    expect((await verifyChain(t.store, 17)).brokenAt).toMatchObject({ seq: 2, problem: 'head' });
    // …and the next honest append refuses to overwrite it rather than fork the chain.
    await expect(appendAudit(t.store, entry(17), { shard: 17, maxAttempts: 1 })).rejects.toMatchObject({
      name: 'TransactionCanceledException',
    });
  });

  it('verifies a range, checking the link into its first record', async () => {
    await appendN(18, 6);
    expect(await verifyChain(t.store, 18, 3, 5)).toMatchObject({ ok: true, records: 3, firstSeq: 3, lastSeq: 5 });
    await t.documents.send(new DeleteCommand({ TableName: t.name, Key: keyOf(18, 2) }));
    expect((await verifyChain(t.store, 18, 3, 5)).brokenAt).toMatchObject({ seq: 2, problem: 'missing' });
  });

  it('ignores records appended while it reads, but not one put past the head by hand', async () => {
    await appendN(21, 3);
    const snapshot = await headOf(21);
    await appendN(21, 2);
    // A verifier that read the head before the last two appends.
    let reads = 0;
    const heads = {
      get: (key: { auditChain: number }) =>
        reads++ === 0 ? { go: async () => ({ data: snapshot }) } : t.store.audit.heads.get(key),
    };
    const late = { client: t.store.client, audit: { ...t.store.audit, heads } } as unknown as typeof t.store;
    expect(await verifyChain(late, 21)).toMatchObject({ ok: true, records: 3, headSeq: 3, lastSeq: 3 });
    expect(reads).toBe(2);
  });

  it('says an untouched, empty shard is fine', async () => {
    expect(await verifyChain(t.store, 19)).toEqual({
      shard: 19,
      ok: true,
      records: 0,
      headSeq: 0,
      firstSeq: null,
      lastSeq: null,
    });
  });

  it('never changes a record: the store offers no way to update, overwrite or delete one', async () => {
    expect(Object.keys(t.store.audit.records).sort()).toEqual(['conversions', 'get', 'query']);
    expect(Object.isFrozen(t.store.audit.records)).toBe(true);
    // Items of shard 0 are all still as written.
    const { Items } = await t.documents.send(
      new QueryCommand({
        TableName: t.name,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keyOf(0, 1).pk },
        ConsistentRead: true,
      }),
    );
    expect(Items!.length).toBeGreaterThan(0);
    expect(await verifyChain(t.store, 0)).toMatchObject({ ok: true });
  });
});
