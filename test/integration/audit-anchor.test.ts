/**
 * The chain heads anchored outside the table (functions/audit/anchors.ts): a tail of a shard rewritten
 * into another consistent chain — records and head — passes the in-table check but not the anchors.
 * DynamoDB Local for the table, s3rver for the bucket (without Object Lock: README, "Emulators' limits").
 */
import { S3Client } from '@aws-sdk/client-s3';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anchorHeads, readAnchors, type AnchorBucket } from '../../functions/audit/anchors';
import { checkIntegrity } from '../../functions/audit/integrity';
import { appendAudit, hashOf, shardOf, verifyChain, type AuditEntryInput } from '../../functions/lib/audit';
import { fromItem, type StoredAuditItem } from '../../functions/lib/audit/chain';
import { freePort } from '../../functions/local/ports';
import { startS3Local, type S3Local } from '../../functions/local/s3-local';
import { auditHeadModel } from '../../functions/store/entities/audit';
import { testTable, type TestTable } from '../support/dynamo';

const SHARD = 3;
const BUCKET = 'anchors-test';

function requestIdFor(shard: number): string {
  for (;;) {
    const id = randomUUID();
    if (shardOf(id) === shard) return id;
  }
}

const entry = (n: number): AuditEntryInput => ({
  actor: { kind: 'regulator', accountId: 'acc-1', login: '13800000001', name: '张三', roles: ['reviewer'] },
  action: 'register.correct.approve',
  object: { type: 'enterprise', id: 'ent-1', label: '福州某化工有限公司' },
  outcome: 'success',
  sourceIp: '192.0.2.10',
  requestId: requestIdFor(SHARD),
  details: { n },
});

describe('audit heads anchored outside the table', () => {
  let t: TestTable;
  let s3local: S3Local;
  let dir: string;
  let bucket: AnchorBucket;

  beforeAll(async () => {
    t = await testTable('audit-anchor');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hazmat-anchor-'));
    s3local = await startS3Local({
      port: await freePort(),
      directory: dir,
      bucket: 'unused-attachments',
      otherBuckets: [BUCKET],
      siteOrigin: 'http://localhost',
    });
    bucket = {
      bucket: BUCKET,
      s3: new S3Client({
        endpoint: s3local.endpoint,
        forcePathStyle: true,
        region: 'us-east-1',
        credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
      }),
    };
  });
  afterAll(async () => {
    await t?.drop();
    await s3local?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('detects a rewritten tail that the in-table chain cannot', async () => {
    // Prepare: five records, anchored; then two more after the anchor.
    for (let n = 1; n <= 5; n++) await appendAudit(t.store, entry(n), { shard: SHARD });
    const anchor = await anchorHeads(t.store, bucket);
    expect(anchor.heads.find((h) => h.shard === SHARD)).toMatchObject({ seq: 5 });
    for (let n = 6; n <= 7; n++) await appendAudit(t.store, entry(n), { shard: SHARD });
    expect((await readAnchors(bucket)).length).toBe(1);
    const clean = await checkIntegrity(t.store, bucket, { shard: SHARD } as never);
    expect(clean.ok).toBe(true);

    // Act: whoever can write the table rewrites records 4…7 — content, hashes, links — and the head, so the
    // chain in the table is consistent again (the hash is unkeyed: anyone can recompute it).
    const keyOf = (seq: number) =>
      t.store.audit.records.conversions.byAccessPattern.byShard.fromComposite.toKeys({ auditShard: SHARD, seq });
    let prevHash: string | undefined;
    for (let seq = 4; seq <= 7; seq++) {
      const { Item } = await t.documents.send(new GetCommand({ TableName: t.name, Key: keyOf(seq) }));
      const raw = Item as Record<string, unknown>;
      const record = fromItem(raw as unknown as StoredAuditItem);
      const forged = {
        ...record,
        ...(seq === 4 ? { details: JSON.stringify({ n: 4, forged: true }) } : {}),
        ...(prevHash ? { prevHash } : {}),
      };
      const hash = hashOf({ ...forged, hash: undefined } as never);
      prevHash = hash;
      await t.documents.send(
        new PutCommand({
          TableName: t.name,
          Item: { ...raw, details: forged.details, prevHash: forged.prevHash, hash },
        }),
      );
    }
    await auditHeadModel(t.documents, t.name).patch({ auditChain: SHARD }).set({ lastHash: prevHash! }).go();

    // Assess: the in-table check is fooled; the anchored head is not.
    expect((await verifyChain(t.store, SHARD)).ok).toBe(true);
    const report = await checkIntegrity(t.store, bucket, { shard: SHARD } as never);
    expect(report.ok).toBe(false);
    expect(report.shards[0]).toMatchObject({ shard: SHARD, ok: false, brokenAt: { seq: 5, problem: 'anchor' } });
  });
});
