import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { newExplosivesSeller } from '../support/register';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishEvents } from '../../functions/lib/events/publish';
import { LOCAL_NAMES } from '../../functions/local/stack';
import { mulberry32 } from '../../functions/seed/rng';
import { ChangeRequestDecided } from '../../shared/events/register';
import type { ApiClient } from '../support/api-client';
import { announce } from '../support/outbox';
import { signedInAs, type Persona } from '../support/personas';
import { startTestStack, type TestStack } from '../support/stack';

/**
 * The in-app inbox, fed by ChangeRequestDecided events written to the outbox as the register context writes
 * them (the local relay puts them on the local bus), and read through the local gateway.
 */
describe('the notification inbox', () => {
  let t: TestStack;
  let events: EventBridgeClient;

  const ENTERPRISE: Persona = { kind: 'enterprise', enterpriseId: 'ent-000001' };
  const REGULATOR: Persona = {
    kind: 'regulator',
    department: 'anjian',
    regionCode: '3505',
    categories: ['hazchem'],
    roles: ['inspector'],
  };

  /** A signed-in persona and its account id (the inbox it owns). */
  async function account(p: Persona): Promise<{ api: ApiClient; accountId: string }> {
    const api = await signedInAs(t.store, t.url, p);
    const r = await api.get('/api/auth/session');
    expect(r.status).toBe(200);
    return { api, accountId: r.body.account.accountId as string };
  }

  let n = 0;
  const decided = (requestedBy: string, over: Partial<ChangeRequestDecided> = {}): ChangeRequestDecided => ({
    requestId: `chg-test-${++n}`,
    kind: 'correct',
    status: 'approved',
    enterpriseId: 'ent-000001',
    enterpriseName: '泉州市测试化工有限公司',
    requestedBy,
    decidedByName: '李审核',
    decidedAt: new Date(Date.UTC(2026, 0, 1, 8, 0, n)).toISOString(),
    ...over,
  });

  async function publish(...details: ChangeRequestDecided[]) {
    await announce(t.store, ChangeRequestDecided, ...details);
    await t.stack.settle();
  }

  beforeAll(async () => {
    t = await startTestStack();
    events = new EventBridgeClient({
      endpoint: t.stack.bus.endpoint,
      region: LOCAL_NAMES.region,
      credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
    });
  }, 120_000);
  afterAll(async () => {
    events?.destroy();
    await t?.stop();
  });

  it('tells the requester of a real decision: 新增企业 filed, rejected with a reason, then approved', async () => {
    const rng = mulberry32(7);
    const officer = (roles: string[]): Persona => ({
      kind: 'regulator',
      department: 'gongan',
      regionCode: '3505',
      categories: ['explosives'],
      roles,
    });
    const clerk = await account(officer(['inspector']));
    const reviewer = await signedInAs(t.store, t.url, officer(['reviewer']));
    const reviewerName = (await reviewer.get('/api/auth/session')).body.account.name as string;
    const file = async (name: string) => {
      const r = await clerk.api.post('/api/register/change-requests', newExplosivesSeller(rng, name));
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      return r.body.requestId as string;
    };

    const refused = await file('泉州市消息测试民爆器材有限公司');
    const no = await reviewer.post(`/api/register/change-requests/${refused}/reject`, { reason: '营业执照附件不清晰' });
    expect(no.status, JSON.stringify(no.body)).toBe(200);
    const accepted = await file('泉州市消息测试爆破工程有限公司');
    const yes = await reviewer.post(`/api/register/change-requests/${accepted}/approve`, {});
    expect(yes.status, JSON.stringify(yes.body)).toBe(200);
    await t.stack.settle();

    const { body } = await clerk.api.get('/api/notifications');
    expect(body.unread).toBe(2);
    expect(
      body.items.map((i: { title: string; body: string; subjectId: string }) => [i.subjectId, i.title, i.body]),
    ).toEqual([
      [
        accepted,
        '新增企业审核通过',
        `您提交的「泉州市消息测试爆破工程有限公司」新增企业已由${reviewerName}审核通过，企业已录入平台。`,
      ],
      [
        refused,
        '新增企业审核未通过',
        `您提交的「泉州市消息测试民爆器材有限公司」新增企业已由${reviewerName}审核未通过，原因：营业执照附件不清晰。`,
      ],
    ]);
    expect(t.stack.bus.deadLetters).toEqual([]);
  });

  it('writes one message for the requester, and a redelivered event changes nothing', async () => {
    const { api, accountId } = await account(ENTERPRISE);
    const detail = decided(accountId);
    await publish(detail);

    const first = await api.get('/api/notifications');
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.unread).toBe(1);
    expect(first.body.items).toHaveLength(1);
    expect(first.body.items[0]).toMatchObject({
      kind: 'changeRequestDecided',
      title: '企业信息纠错审核通过',
      body: '您提交的「泉州市测试化工有限公司」企业信息纠错已由李审核审核通过，信息已更新。',
      subjectType: 'changeRequest',
      subjectId: detail.requestId,
      read: false,
      createdAt: detail.decidedAt,
    });

    // The same decision delivered again (EventBridge may), even twice at once.
    await publish(detail, detail);
    const again = await api.get('/api/notifications');
    expect(again.body.unread).toBe(1);
    expect(again.body.items).toEqual(first.body.items);
    expect(t.stack.bus.deadLetters).toEqual([]);
  });

  it('marks a message read once: the count drops to 0 and a second mark changes nothing', async () => {
    const { api, accountId } = await account(REGULATOR);
    await publish(decided(accountId, { kind: 'create', status: 'rejected', decisionReason: '营业执照附件不清晰。' }));
    const { body } = await api.get('/api/notifications');
    expect(body.unread).toBe(1);
    const [msg] = body.items;
    expect(msg.title).toBe('新增企业审核未通过');
    expect(msg.body).toBe('您提交的「泉州市测试化工有限公司」新增企业已由李审核审核未通过，原因：营业执照附件不清晰。');

    const marked = await api.post(`/api/notifications/${msg.notificationId}/read`);
    expect(marked.status, JSON.stringify(marked.body)).toBe(200);
    expect(marked.body).toEqual({ notificationId: msg.notificationId, read: true, changed: true });
    const after = await api.get('/api/notifications');
    expect(after.body.unread).toBe(0);
    expect(after.body.items[0].read).toBe(true);

    const twice = await api.post(`/api/notifications/${msg.notificationId}/read`);
    expect(twice.status).toBe(200);
    expect(twice.body.changed).toBe(false);
    expect((await api.get('/api/notifications')).body.unread).toBe(0);

    // Both the delivery and the marking are on the audit trail.
    const id = msg.notificationId.slice(msg.notificationId.indexOf('.') + 1);
    const { data: audit } = await t.store.audit.records.query.byObject({ objectRef: `notification:${id}` }).go();
    expect(audit.map((a) => a.action).sort()).toEqual(['notification.deliver', 'notification.read']);
  });

  it("keeps one account's messages from every other account", async () => {
    const owner = await account(ENTERPRISE);
    const other = await account({ kind: 'enterprise', enterpriseId: 'ent-000002' });
    await publish(decided(owner.accountId, { kind: 'remove' }));
    const [msg] = (await owner.api.get('/api/notifications')).body.items;
    expect(msg.title).toBe('删除企业审核通过');

    expect((await other.api.get('/api/notifications')).body).toEqual({ items: [], cursor: null, unread: 0 });
    const mark = await other.api.post(`/api/notifications/${msg.notificationId}/read`);
    expect(mark.status).toBe(404);
    expect(mark.body.error.message).toBe('消息不存在');
    expect((await other.api.post('/api/notifications/read-all')).body).toEqual({ count: 0 });

    const still = await owner.api.get('/api/notifications');
    expect(still.body.unread).toBe(1);
    expect(still.body.items[0].read).toBe(false);
  });

  it('answers 400 for a malformed handle and 404 for one that names no message', async () => {
    const { api } = await account(ENTERPRISE);
    const bad = await api.post('/api/notifications/not-a-handle/read');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/消息编号不正确/);
    expect((await api.post('/api/notifications/zzzzzzzzzzz.chg-x-approved/read')).status).toBe(404);
    expect((await api.post('/api/notifications/lz0.chg-x-approved/read')).status).toBe(404);
    expect((await api.get('/api/notifications?cursor=bm90LWEtY3Vyc29y')).status).toBe(400);
    expect((await api.get('/api/notifications?limit=51')).status).toBe(400);
  });

  it('refuses an event that breaks its contract: dead-lettered after the retries, nothing written', async () => {
    const { api, accountId } = await account(ENTERPRISE);
    const before = t.stack.bus.deliveries.length;
    // Put on the bus directly, as a producer outside the contracts would: the outbox would not have taken them.
    const envelope = (data: unknown, version = 1) => ({
      version,
      eventId: `evt-bad-${++n}`,
      occurredAt: new Date().toISOString(),
      data,
    });
    await publishEvents(events, LOCAL_NAMES.bus, [
      {
        context: 'register',
        detailType: 'ChangeRequestDecided',
        detail: envelope({ ...decided(accountId), status: 'maybe' }),
      },
      { context: 'register', detailType: 'ChangeRequestDecided', detail: envelope(decided(accountId), 2) },
      { context: 'register', detailType: 'ChangeRequestDecided', detail: decided(accountId) },
    ]);
    await t.stack.bus.drain();
    // The warnings context consumes ChangeRequestDecided too, and refuses them alike; the inbox is what this is about.
    const all = t.stack.bus.deliveries.slice(before);
    expect(all.every((d) => !d.ok && /does not match|refused/.test(d.error ?? ''))).toBe(true);
    const delivered = all.filter((d) => d.context === 'notifications');
    expect(delivered.map((d) => [d.context, d.ok, d.attempts])).toEqual([
      ['notifications', false, 3],
      ['notifications', false, 3],
      ['notifications', false, 3],
    ]);
    const deadLettered = t.stack.bus.deadLetters.map((d) => d.event.id);
    for (const d of delivered) expect(deadLettered).toContain(d.event.id);
    expect((await api.get('/api/notifications')).body).toEqual({ items: [], cursor: null, unread: 0 });
  });

  it('pages over 25 messages newest first, each once, also unread only; 全部标记已读 marks them all', async () => {
    const { api, accountId } = await account(ENTERPRISE);
    const details = Array.from({ length: 25 }, () => decided(accountId));
    // Out of order, as events may arrive: the inbox sorts by the decision's time.
    await publish(...details.slice(10, 20));
    await publish(...details.slice(0, 10));
    await publish(...details.slice(20));

    const all = async (query: string) => {
      const seen: { notificationId: string; subjectId: string; createdAt: string }[] = [];
      let cursor: string | null = null;
      let unread = -1;
      do {
        const r = await api.get(
          `/api/notifications?limit=10${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        );
        expect(r.status, JSON.stringify(r.body)).toBe(200);
        expect(r.body.items.length).toBeLessThanOrEqual(10);
        seen.push(...r.body.items);
        cursor = r.body.cursor;
        unread = r.body.unread;
      } while (cursor);
      return { seen, unread };
    };

    const { seen, unread } = await all('');
    expect(unread).toBe(25);
    expect(seen.map((s) => s.subjectId)).toEqual(details.map((d) => d.requestId).reverse());
    expect(new Set(seen.map((s) => s.notificationId)).size).toBe(25);

    // Every third one read: unread-only lists exactly the others.
    const readOnes = seen.filter((_, i) => i % 3 === 0);
    for (const s of readOnes) expect((await api.post(`/api/notifications/${s.notificationId}/read`)).status).toBe(200);
    const unreadOnly = await all('&unreadOnly=true');
    expect(unreadOnly.unread).toBe(25 - readOnes.length);
    expect(unreadOnly.seen.map((s) => s.notificationId)).toEqual(
      seen.filter((_, i) => i % 3 !== 0).map((s) => s.notificationId),
    );

    const readAll = await api.post('/api/notifications/read-all');
    expect(readAll.status, JSON.stringify(readAll.body)).toBe(200);
    expect(readAll.body).toEqual({ count: 25 - readOnes.length });
    const after = await all('');
    expect(after.unread).toBe(0);
    expect(after.seen.every((s) => (s as unknown as { read: boolean }).read)).toBe(true);
    expect((await api.post('/api/notifications/read-all')).body).toEqual({ count: 0 });
  });

  it('marks at most 100 per 全部标记已读, across transactions of at most 100 items', async () => {
    const { api, accountId } = await account(ENTERPRISE);
    const details = Array.from({ length: 103 }, () => decided(accountId));
    for (let i = 0; i < details.length; i += 10) await publish(...details.slice(i, i + 10));
    expect((await api.get('/api/notifications?limit=1')).body.unread).toBe(103);

    expect((await api.post('/api/notifications/read-all')).body).toEqual({ count: 100 });
    const left = await api.get('/api/notifications?unreadOnly=true&limit=50');
    expect(left.body.unread).toBe(3);
    // The newest were marked first: what is left unread are the three oldest.
    expect(left.body.items.map((i: { subjectId: string }) => i.subjectId)).toEqual(
      details
        .slice(0, 3)
        .map((d) => d.requestId)
        .reverse(),
    );
    expect((await api.post('/api/notifications/read-all')).body).toEqual({ count: 3 });
    expect((await api.get('/api/notifications?limit=1')).body.unread).toBe(0);
  });
});
