/**
 * The audit routes through the local gateway, with real sessions: only the 审计管理员 reads the trail,
 * bad queries are refused in Chinese, and the integrity check notices a record changed behind its back.
 */
import { DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit, AUDIT_SHARDS } from '../../functions/lib/audit';
import { freePort } from '../../functions/local/ports';
import { LOCAL_NAMES, startLocalStack, type LocalStack } from '../../functions/local/stack';
import { createStore, type Store } from '../../functions/store';
import { ApiClient } from '../support/api-client';
import { signedInAs } from '../support/personas';

describe('the audit API through the local gateway', () => {
  let stack: LocalStack;
  let store: Store;
  let auditor: ApiClient;
  let inspector: ApiClient;
  const regulator = (roles: string[]) => ({
    kind: 'regulator' as const,
    department: 'gongan',
    regionCode: '35',
    categories: ['firearms'],
    roles,
  });

  beforeAll(async () => {
    stack = await startLocalStack({
      port: await freePort(),
      dynamoPort: await freePort(),
      s3Port: await freePort(),
      busPort: await freePort(),
    });
    store = createStore(DynamoDBDocumentClient.from(stack.dynamodb), LOCAL_NAMES.table);
    auditor = await signedInAs(store, stack.url, regulator(['audit-admin']));
    inspector = await signedInAs(store, stack.url, regulator(['inspector', 'sys-admin']));
    for (let i = 0; i < 5; i++) {
      await appendAudit(store, {
        actor: { kind: 'regulator', accountId: 'acc-api', login: '13800000009' },
        action: i % 2 ? 'auth.login' : 'account.update',
        object: { type: 'account', id: 'acc-api', label: `记录${i}` },
        outcome: i === 4 ? 'failure' : 'success',
        sourceIp: '192.0.2.9',
        requestId: `api-req-${i}`,
      });
    }
  }, 120_000);
  afterAll(async () => stack?.stop());

  it('answers the 审计管理员 with the records, newest first, page by page', async () => {
    const first = await auditor.get('/api/audit/logs?accountId=acc-api&limit=3');
    expect(first.status).toBe(200);
    expect(first.body.items.map((i: { object: { label: string } }) => i.object.label)).toEqual([
      '记录4',
      '记录3',
      '记录2',
    ]);
    expect(first.body.cursor).toEqual(expect.any(String));
    const second = await auditor.get(`/api/audit/logs?accountId=acc-api&limit=3&cursor=${first.body.cursor}`);
    expect(second.body.items.map((i: { object: { label: string } }) => i.object.label)).toEqual(['记录1', '记录0']);
    expect(second.body.cursor).toBeNull();
    const failures = await auditor.get('/api/audit/logs?outcome=failure');
    expect(failures.body.items).toHaveLength(1);
    expect(failures.body.items[0]).toMatchObject({ action: 'account.update', outcome: 'failure' });
    expect((await auditor.get('/api/audit/logs?outcome=failure&action=auth')).body.items).toEqual([]);
  });

  it('refuses everyone else: 403 for other regulators, 401 without a session', async () => {
    expect((await inspector.get('/api/audit/logs')).status).toBe(403);
    expect((await inspector.get('/api/audit/verify')).status).toBe(403);
    const anonymous = await new ApiClient(stack.url).get('/api/audit/logs');
    expect(anonymous.status).toBe(401);
  });

  it('refuses a bad query with 400 and says why in Chinese', async () => {
    const span = await auditor.get('/api/audit/logs?from=2026-01-01&to=2026-03-01');
    expect(span.status).toBe(400);
    expect(span.body.error.details).toEqual([{ path: 'query.to', message: '查询时间范围不能超过 31 天' }]);
    const limit = await auditor.get('/api/audit/logs?limit=500');
    expect(limit.body.error.details).toEqual([{ path: 'query.limit', message: '「每页条数」不能大于 100' }]);
    const cursor = await auditor.get('/api/audit/logs?cursor=eyJ2IjoxfQ');
    expect(cursor.status).toBe(400);
    expect(cursor.body.error.message).toMatch(/翻页标记无效/);
  });

  it('verifies every chain, and points at the record changed behind its back', async () => {
    const ok = await auditor.get('/api/audit/verify');
    expect(ok.status).toBe(200);
    expect(ok.body.ok).toBe(true);
    expect(ok.body.shards).toHaveLength(AUDIT_SHARDS);
    const written = ok.body.shards.filter((s: { records: number }) => s.records > 0);
    expect(written.reduce((n: number, s: { records: number }) => n + s.records, 0)).toBe(5);

    const victim = written[0] as { shard: number; lastSeq: number };
    const key = store.audit.records.conversions.byAccessPattern.byShard.fromComposite.toKeys({
      auditShard: victim.shard,
      seq: victim.lastSeq,
    });
    await store.client.send(
      new UpdateCommand({
        TableName: LOCAL_NAMES.table,
        Key: key,
        UpdateExpression: 'SET sourceIp = :ip',
        ExpressionAttributeValues: { ':ip': '203.0.113.66' },
      }),
    );
    const broken = await auditor.get(`/api/audit/verify?shard=${victim.shard}`);
    expect(broken.body).toMatchObject({
      ok: false,
      shards: [{ shard: victim.shard, ok: false, brokenAt: { seq: victim.lastSeq, problem: 'hash' } }],
    });
  });
});
