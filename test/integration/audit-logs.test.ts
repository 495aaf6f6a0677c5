/**
 * The 审计管理员's query of the audit trail on DynamoDB Local: every filter returns exactly the expected
 * records, newest first, page by page and across days, by Queries on the day, actor and object indexes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditLogQuery, type AuditLogItem } from '../../shared/api/audit';
import { listAuditLogs, decodeCursor, encodeCursor } from '../../functions/audit/logs';
import { appendAudit, type AuditEntryInput } from '../../functions/lib/audit';
import { AppError } from '../../functions/lib/http/errors';
import { testTable, type TestTable } from '../support/dynamo';

let t: TestTable;

/** Noon in Shanghai on 2026-03-10. */
const NOW = new Date('2026-03-10T04:00:00.000Z');

interface Seed {
  at: string;
  action: string;
  outcome: AuditEntryInput['outcome'];
  accountId?: string;
  login?: string;
  object?: AuditEntryInput['object'];
}

const ZHANG = { accountId: 'acc-zhang', login: '13800000001' };
const LI = { accountId: 'acc-li', login: '13800000002' };

/** The fixture, in no particular order; `label` of each object names the seed row for assertions. */
const SEEDS: Seed[] = [
  { at: '2026-03-10T03:00:00.000Z', action: 'auth.login', outcome: 'success', ...ZHANG },
  { at: '2026-03-10T02:00:00.000Z', action: 'auth.login', outcome: 'failure', ...LI },
  { at: '2026-03-10T01:00:00.000Z', action: 'enterprise.change.approve', outcome: 'success', ...ZHANG },
  // 2026-03-09 in Shanghai (00:30 local on the 9th is the 8th, 16:30 UTC).
  { at: '2026-03-08T16:30:00.000Z', action: 'auth.password.change', outcome: 'success', ...ZHANG },
  { at: '2026-03-09T10:00:00.000Z', action: 'authority.review', outcome: 'success', ...LI },
  { at: '2026-03-09T09:00:00.000Z', action: 'account.create', outcome: 'denied', ...LI },
  // 2026-03-08 in Shanghai.
  { at: '2026-03-08T15:59:59.999Z', action: 'auth.login', outcome: 'failure', login: '19999999999' },
  { at: '2026-03-08T05:00:00.000Z', action: 'auth.logout', outcome: 'success', ...ZHANG },
  // Outside the default 7 days.
  { at: '2026-03-01T05:00:00.000Z', action: 'auth.login', outcome: 'success', ...ZHANG },
  { at: '2026-02-01T05:00:00.000Z', action: 'account.create', outcome: 'success', ...LI },
  { at: '2026-01-20T05:00:00.000Z', action: 'auth.login', outcome: 'success', ...ZHANG },
];

const labelOf = (s: Seed) => `${s.at} ${s.action}`;

beforeAll(async () => {
  t = await testTable('audit-logs');
  await t.store.accounts
    .put({
      accountId: ZHANG.accountId,
      kind: 'regulator',
      login: ZHANG.login,
      name: '张三',
      passwordHash: 'x',
      roles: ['inspector'],
    })
    .go();
  // Several shards, so the day and actor partitions interleave records of different chains.
  for (const [i, s] of SEEDS.entries()) {
    await appendAudit(
      t.store,
      {
        at: s.at,
        actor: {
          kind: s.accountId ? 'regulator' : 'anonymous',
          accountId: s.accountId,
          login: s.login,
        },
        action: s.action,
        object: s.object ?? {
          type: s.action.startsWith('enterprise') ? 'enterprise' : 'account',
          id: s.action.startsWith('enterprise') ? 'ent-7' : s.accountId,
          label: labelOf(s),
        },
        outcome: s.outcome,
        sourceIp: '192.0.2.1',
        requestId: `req-${i}`,
      },
      { now: () => NOW },
    );
  }
});
afterAll(async () => {
  await t?.drop();
});

/** The route's parsing (defaults included), then the query. */
const list = (q: Record<string, string>) => listAuditLogs(t.store, AuditLogQuery.parse(q), NOW);

/** Every page of a query, following cursors; checks each page's size. */
async function all(q: Record<string, string>, limit: number): Promise<{ labels: string[]; pages: number }> {
  const labels: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page = await list({ ...q, limit: String(limit), ...(cursor ? { cursor } : {}) });
    expect(page.items.length).toBeLessThanOrEqual(limit);
    labels.push(...page.items.map((i: AuditLogItem) => i.object.label!));
    cursor = page.cursor;
    if (cursor) expect(page.items).toHaveLength(limit);
    pages++;
    expect(pages).toBeLessThan(50);
  } while (cursor);
  return { labels, pages };
}

/** The expected labels: seeds passing `keep`, newest first. */
const expected = (keep: (s: Seed) => boolean) =>
  SEEDS.filter(keep)
    .sort((a, b) => (a.at < b.at ? 1 : -1))
    .map(labelOf);

const inDays = (from: string, to: string) => (s: Seed) => {
  const day = new Date(Date.parse(s.at) + 8 * 3_600_000).toISOString().slice(0, 10);
  return day >= from && day <= to;
};

describe('listing by day', () => {
  it('defaults to the last 7 days, newest first, and pages across days with the cursor', async () => {
    const want = expected(inDays('2026-03-04', '2026-03-10'));
    expect(want).toHaveLength(8);
    for (const limit of [1, 2, 3, 8, 20]) {
      const { labels } = await all({}, limit);
      expect(labels).toEqual(want);
    }
  });

  it('returns whole records with their chain position', async () => {
    const page = await list({ limit: '1' });
    expect(page.items[0]).toMatchObject({
      at: '2026-03-10T03:00:00.000Z',
      action: 'auth.login',
      outcome: 'success',
      actor: { kind: 'regulator', accountId: 'acc-zhang', login: '13800000001' },
      object: { type: 'account', id: 'acc-zhang' },
      sourceIp: '192.0.2.1',
      requestId: 'req-0',
      seq: expect.any(Number),
      shard: expect.any(Number),
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(page.items[0]).not.toHaveProperty('expiresAt');
  });

  it('puts a record on its Shanghai day: 00:30 on the 9th is not on the 8th', async () => {
    const { labels: ninth } = await all({ from: '2026-03-09', to: '2026-03-09' }, 2);
    expect(ninth).toEqual(expected(inDays('2026-03-09', '2026-03-09')));
    expect(ninth).toContain('2026-03-08T16:30:00.000Z auth.password.change');
    const { labels: eighth } = await all({ from: '2026-03-08', to: '2026-03-08' }, 2);
    expect(eighth).toEqual(['2026-03-08T15:59:59.999Z auth.login', '2026-03-08T05:00:00.000Z auth.logout']);
  });

  it('reads an older range of up to 31 days', async () => {
    const { labels } = await all({ from: '2026-02-01', to: '2026-03-03' }, 1);
    expect(labels).toEqual(['2026-03-01T05:00:00.000Z auth.login', '2026-02-01T05:00:00.000Z account.create']);
  });

  it('filters by action prefix on whole segments: auth is not authority', async () => {
    const { labels } = await all({ action: 'auth' }, 2);
    expect(labels).toEqual(
      expected((s) => inDays('2026-03-04', '2026-03-10')(s) && (s.action === 'auth' || s.action.startsWith('auth.'))),
    );
    expect(labels).not.toContain('2026-03-09T10:00:00.000Z authority.review');
    const { labels: login } = await all({ action: 'auth.login' }, 5);
    expect(login).toEqual(expected((s) => inDays('2026-03-04', '2026-03-10')(s) && s.action === 'auth.login'));
  });

  it('filters by outcome', async () => {
    const { labels } = await all({ outcome: 'failure' }, 1);
    expect(labels).toEqual(['2026-03-10T02:00:00.000Z auth.login', '2026-03-08T15:59:59.999Z auth.login']);
    const { labels: denied } = await all({ outcome: 'denied', from: '2026-03-01' }, 3);
    expect(denied).toEqual(['2026-03-09T09:00:00.000Z account.create']);
  });

  it('filters by object type on the day index', async () => {
    const { labels } = await all({ objectType: 'enterprise' }, 1);
    expect(labels).toEqual(['2026-03-10T01:00:00.000Z enterprise.change.approve']);
  });
});

describe('listing by actor and object', () => {
  it('reads one account from the actor index, within the dates, across pages', async () => {
    const want = expected((s) => s.accountId === ZHANG.accountId && inDays('2026-03-01', '2026-03-10')(s));
    expect(want).toHaveLength(5);
    for (const limit of [1, 2, 5]) {
      expect((await all({ accountId: ZHANG.accountId, from: '2026-03-01' }, limit)).labels).toEqual(want);
    }
  });

  it('resolves a login to its account', async () => {
    const { labels } = await all({ login: ZHANG.login }, 2);
    expect(labels).toEqual(expected((s) => s.accountId === ZHANG.accountId && inDays('2026-03-04', '2026-03-10')(s)));
  });

  it('finds attempts on a login nobody holds under that login', async () => {
    const { labels } = await all({ login: '19999999999' }, 2);
    expect(labels).toEqual(['2026-03-08T15:59:59.999Z auth.login']);
  });

  it('combines the actor with action and outcome filters', async () => {
    const { labels } = await all({ accountId: LI.accountId, action: 'auth', outcome: 'failure' }, 1);
    expect(labels).toEqual(['2026-03-10T02:00:00.000Z auth.login']);
  });

  it('keeps the day bounds exact on the actor index (Shanghai midnight)', async () => {
    const { labels } = await all({ accountId: ZHANG.accountId, from: '2026-03-09', to: '2026-03-09' }, 1);
    expect(labels).toEqual(['2026-03-08T16:30:00.000Z auth.password.change']);
  });

  it('reads one object from the object index', async () => {
    const { labels } = await all(
      { objectType: 'account', objectId: LI.accountId, from: '2026-02-01', to: '2026-03-03' },
      1,
    );
    expect(labels).toEqual(['2026-02-01T05:00:00.000Z account.create']);
    const { labels: ent } = await all({ objectType: 'enterprise', objectId: 'ent-7' }, 1);
    expect(ent).toEqual(['2026-03-10T01:00:00.000Z enterprise.change.approve']);
  });
});

describe('refusing what it should not answer', () => {
  const rejects400 = async (q: Record<string, string>, message: RegExp) => {
    const err = await list(q).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).status).toBe(400);
    expect((err as AppError).message).toMatch(message);
  };

  it('refuses a cursor that is not one of ours', async () => {
    await rejects400({ cursor: 'bm90LWpzb24' }, /翻页标记无效/);
    await rejects400({ cursor: encodeCursor({ v: 1, q: '0123456789abcdef', d: '2026-03-09' }) }, /翻页标记无效/);
    const forged = Buffer.from(JSON.stringify({ v: 1, q: 'x', d: '2026-03-09', k: { pk: 'evil' } })).toString(
      'base64url',
    );
    await rejects400({ cursor: forged }, /翻页标记无效/);
  });

  it('refuses a cursor from another query', async () => {
    const page = await list({ limit: '1' });
    expect(page.cursor).not.toBeNull();
    expect(decodeCursor(page.cursor!)).toMatchObject({ v: 1, d: '2026-03-10' });
    await rejects400({ limit: '1', outcome: 'success', cursor: page.cursor! }, /翻页标记无效/);
    // The same query with another page size may go on with it.
    expect((await list({ limit: '3', cursor: page.cursor! })).items).toHaveLength(3);
  });

  it('refuses a range over 31 days that the defaults would make', async () => {
    await rejects400({ from: '2026-01-01' }, /不能超过 31 天/);
  });
});
