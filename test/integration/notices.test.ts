import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccounts } from '../../functions/lib/accounts/create';
import { systemActor } from '../../functions/lib/accounts/scope';
import { createSession } from '../../functions/lib/auth/sessions';
import { noticeRecipients, onNoticeSent } from '../../functions/notifications/on-notice-sent';
import { NoticeSent } from '../../shared/events/notices';
import { ApiClient, fromAddress } from '../support/api-client';
import { uploadAttachment } from '../support/attachments';
import { announce } from '../support/outbox';
import { signedInAs, type Persona } from '../support/personas';
import { startTestStack, type TestStack } from '../support/stack';

/**
 * 归口通报 through the local gateway: 登记通报问题 by 安监, received by 公安 and 交通; 已读 per department on opening
 * (the first opening kept), 处理情况, the sender's view of each receiver; scope (another department, another
 * region, an enterprise, an admin); and NoticeSent's fan-out to the receivers' accounts, once however often it
 * is delivered.
 */
describe('归口通报', () => {
  let t: TestStack;
  let city = '';
  let county = '';
  let cats: string[] = [];
  let otherCategory = '';
  let seq = 0;

  /** A real regulator account (so the fan-out can find it) and a signed-in client for it. */
  async function officer(o: {
    department: string;
    regionCode: string;
    categories?: string[];
    roles?: string[];
    name: string;
  }): Promise<{ api: ApiClient; accountId: string }> {
    seq++;
    const mobile = `1360000${String(seq).padStart(4, '0')}`;
    const accountId = `reg-${mobile}`;
    const categories = o.categories ?? cats;
    const roles = o.roles ?? ['inspector'];
    await createAccounts(
      t.store,
      [
        {
          kind: 'regulator',
          accountId,
          mobile,
          name: o.name,
          department: o.department,
          regionCode: o.regionCode,
          categories,
          roles,
        },
      ],
      systemActor('test'),
      Date.now(),
      { initialPassword: 'seed-rule' },
    );
    const tokens = await createSession(
      t.store,
      {
        accountId,
        kind: 'regulator',
        login: mobile,
        name: o.name,
        department: o.department,
        regionCode: o.regionCode,
        categories,
        roles,
        category: categories[0]!,
      },
      'active',
      {},
    );
    const api = new ApiClient(t.url, {}, fromAddress(100 + seq));
    api.cookies.set('hz_at', `${tokens.sessionId}.${tokens.access}`);
    api.cookies.set('hz_rt', `${tokens.sessionId}.${tokens.refresh}`);
    api.cookies.set('hz_csrf', tokens.csrf);
    return { api, accountId };
  }

  let sender: Awaited<ReturnType<typeof officer>>;
  let linyeCity: Awaited<ReturnType<typeof officer>>;
  let linyeCity2: Awaited<ReturnType<typeof officer>>;
  let linyeProvince: Awaited<ReturnType<typeof officer>>;
  let gongshangCounty: Awaited<ReturnType<typeof officer>>;
  let linyeFar: Awaited<ReturnType<typeof officer>>;
  let gongshangOtherCategory: Awaited<ReturnType<typeof officer>>;
  let linyeAdmin: Awaited<ReturnType<typeof officer>>;
  let tiyuCity: Awaited<ReturnType<typeof officer>>;
  let senderFar: Awaited<ReturnType<typeof officer>>;
  let noticeId = '';

  beforeAll(async () => {
    t = await startTestStack({ seedEnterprises: 4 });
    const { data: a } = await t.store.enterprises.get({ enterpriseId: 'ent-000001' }).go();
    county = a!.regionCode;
    city = county.slice(0, 4);
    // ent-000001 (the demo's 闽通枪弹): 公安 sends, 林业 and 工商 receive, 体育 doesn't — all of 枪支弹药.
    expect(a!.segments.map((s) => s.category)).toContain('firearms');
    cats = ['firearms'];
    otherCategory = 'hazchem';
    const far = city === '3501' ? '3502' : '3501';
    sender = await officer({ department: 'gongan', regionCode: city, name: '公安王警官' });
    linyeCity = await officer({ department: 'linye', regionCode: city, name: '林业李科长' });
    linyeCity2 = await officer({ department: 'linye', regionCode: city, name: '林业赵科员' });
    linyeProvince = await officer({ department: 'linye', regionCode: '35', name: '林业厅陈处长' });
    gongshangCounty = await officer({ department: 'gongshang', regionCode: county, name: '工商林科长' });
    linyeFar = await officer({ department: 'linye', regionCode: far, name: '林业外市' });
    gongshangOtherCategory = await officer({
      department: 'gongshang',
      regionCode: city,
      categories: [otherCategory],
      name: '工商他类',
    });
    linyeAdmin = await officer({ department: 'linye', regionCode: city, roles: ['dept-admin'], name: '林业管理员' });
    tiyuCity = await officer({ department: 'tiyu', regionCode: city, name: '体育周' });
    senderFar = await officer({ department: 'gongan', regionCode: far, name: '公安外市' });
  }, 180_000);
  afterAll(async () => t?.stop());

  const input = (over: Record<string, unknown> = {}) => ({
    receivers: ['linye', 'gongshang'],
    enterpriseId: 'ent-000001',
    description: '储存场所未按规定设置安全警示标志，消防器材过期未更换。',
    result: '已责令企业限期整改，请相关单位协同督促。',
    ...over,
  });

  it('登记通报问题: refuses bad input with a clear message and nothing written', async () => {
    const own = await sender.api.post('/api/notices', input({ receivers: ['gongan', 'linye'] }));
    expect(own.status).toBe(400);
    expect(own.body.error.message).toContain('不能是本单位');
    const none = await sender.api.post('/api/notices', input({ receivers: [] }));
    expect(none.status).toBe(400);
    expect(none.body.error.message).toContain('请选择接收通报单位');
    const twice = await sender.api.post('/api/notices', input({ receivers: ['linye', 'linye'] }));
    expect(twice.status).toBe(400);
    const empty = await sender.api.post('/api/notices', input({ description: '   ' }));
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toContain('问题描述');
    const unknown = await sender.api.post('/api/notices', input({ receivers: ['nobody'] }));
    expect(unknown.status).toBe(400);
    // An enterprise the sender does not supervise (another city) or that isn't there: not found.
    expect((await senderFar.api.post('/api/notices', input())).status).toBe(404);
    expect((await sender.api.post('/api/notices', input({ enterpriseId: 'ent-999999' }))).status).toBe(404);
    // Someone else's upload can't be attached.
    const theirs = await uploadAttachment(tiyuCity.api, { purpose: 'notice' });
    const stolen = await sender.api.post('/api/notices', input({ attachmentIds: [theirs] }));
    expect(stolen.status).toBe(400);
    expect((await sender.api.get('/api/notices/sent')).body.items).toEqual([]);
  });

  it('sends a notice to two departments; 发出的通报 shows both 未读', async () => {
    const file = await uploadAttachment(sender.api, { purpose: 'notice', fileName: '现场照片.pdf' });
    const r = await sender.api.post('/api/notices', input({ attachmentIds: [file] }));
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    noticeId = r.body.noticeId;
    expect(noticeId).toMatch(/^ntc-/);
    const sent = await sender.api.get('/api/notices/sent');
    expect(sent.status).toBe(200);
    expect(sent.body.items).toHaveLength(1);
    const row = sent.body.items[0];
    expect(row).toMatchObject({ noticeId, department: 'gongan', enterpriseId: 'ent-000001', sentByName: '公安王警官' });
    expect(row.receipts).toEqual([
      { department: 'linye', departmentName: '福建省林业厅' },
      { department: 'gongshang', departmentName: '福建省工商局' },
    ]);
    const detail = await sender.api.get(`/api/notices/${noticeId}`);
    expect(detail.body).toMatchObject({ viewer: 'sender', attachmentIds: [file], version: 1 });
    // The attachment: its receivers may open it (it is linked to the enterprise they see).
    expect((await linyeCity.api.get(`/api/attachments/${file}`)).status).toBe(200);
  });

  it('收到的通报: in the list of each receiver at every level covering the enterprise, nowhere else', async () => {
    for (const c of [linyeCity, linyeProvince, gongshangCounty]) {
      const r = await c.api.get('/api/notices/received');
      expect(r.status).toBe(200);
      expect(r.body.items.map((i: { noticeId: string }) => i.noticeId)).toEqual([noticeId]);
    }
    for (const c of [linyeFar, gongshangOtherCategory, tiyuCity]) {
      expect((await c.api.get('/api/notices/received')).body.items).toEqual([]);
    }
    expect((await senderFar.api.get('/api/notices/sent')).body.items).toEqual([]);
    expect((await linyeCity.api.get('/api/notices/sent')).body.items).toEqual([]);
  });

  it('opening marks it read for that department once (who and when); the sender sees exact states', async () => {
    const before = await linyeCity.api.get(`/api/notices/${noticeId}`);
    expect(before.body.viewer).toBe('receiver');
    expect(before.body.receipts[0].readAt).toBeUndefined();
    const opened = await linyeCity.api.post(`/api/notices/${noticeId}/read`);
    expect(opened.status).toBe(200);
    const readAt = opened.body.receipts[0].readAt as string;
    expect(opened.body.receipts[0]).toMatchObject({ department: 'linye', readByName: '林业李科长' });
    // Another of the department opening it later changes nothing: the first opening is what counts.
    const again = await linyeCity2.api.post(`/api/notices/${noticeId}/read`);
    expect(again.body.receipts[0]).toMatchObject({ readAt, readByName: '林业李科长' });
    // The sender opening its own notice marks nothing.
    await sender.api.post(`/api/notices/${noticeId}/read`);

    const sent = (await sender.api.get('/api/notices/sent')).body.items[0];
    expect(sent.receipts).toEqual([
      { department: 'linye', departmentName: '福建省林业厅', readAt, readByName: '林业李科长' },
      { department: 'gongshang', departmentName: '福建省工商局' },
    ]);
    // 只看未读: read for 公安, still unread for 交通.
    expect((await linyeProvince.api.get('/api/notices/received?unread=true')).body.items).toEqual([]);
    expect((await gongshangCounty.api.get('/api/notices/received?unread=true')).body.items).toHaveLength(1);
    const detail = await sender.api.get(`/api/notices/${noticeId}`);
    expect(detail.body.version).toBe(2);
  });

  it('a receiver replies 处理情况 (and has read it); the sender reads the reply; nobody else may', async () => {
    const r = await gongshangCounty.api.post(`/api/notices/${noticeId}/reply`, {
      reply: '已联合督查，企业已完成整改。',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const j = r.body.receipts.find((x: { department: string }) => x.department === 'gongshang');
    expect(j).toMatchObject({
      reply: '已联合督查，企业已完成整改。',
      repliedByName: '工商林科长',
      readByName: '工商林科长',
    });
    const seen = await sender.api.get(`/api/notices/${noticeId}`);
    expect(seen.body.receipts[1].reply).toBe('已联合督查，企业已完成整改。');
    // The lists say whether and when, not what.
    const row = (await sender.api.get('/api/notices/sent')).body.items[0];
    expect(row.receipts[1].repliedAt).toBe(j.repliedAt);
    expect(row.receipts[1].reply).toBeUndefined();

    expect((await sender.api.post(`/api/notices/${noticeId}/reply`, { reply: '自己回复' })).status).toBe(403);
    expect((await gongshangCounty.api.post(`/api/notices/${noticeId}/reply`, { reply: ' ' })).status).toBe(400);
    const audit = await t.store.audit.records.query.byObject({ objectRef: `notice:${noticeId}` }).go();
    expect(audit.data.map((a) => a.action).sort()).toEqual(['notice.read', 'notice.reply', 'notice.send']);
  });

  it('scope: another department, another region, another category → 404; enterprise, admin → 403', async () => {
    for (const c of [tiyuCity, linyeFar, gongshangOtherCategory, senderFar]) {
      expect((await c.api.get(`/api/notices/${noticeId}`)).status).toBe(404);
      expect((await c.api.post(`/api/notices/${noticeId}/read`)).status).toBe(404);
      expect((await c.api.post(`/api/notices/${noticeId}/reply`, { reply: '越权' })).status).toBe(404);
    }
    const enterprise = await signedInAs(t.store, t.url, { kind: 'enterprise', enterpriseId: 'ent-000001' } as Persona);
    expect((await enterprise.get('/api/notices/received')).status).toBe(403);
    expect((await enterprise.get(`/api/notices/${noticeId}`)).status).toBe(403);
    expect((await linyeAdmin.api.get('/api/notices/received')).status).toBe(403);
    expect((await linyeAdmin.api.get(`/api/notices/${noticeId}`)).status).toBe(403);
  });

  it('NoticeSent: one message to each receiving account that covers the enterprise, however often delivered', async () => {
    await t.stack.settle();
    const inbox = async (c: { api: ApiClient }) => {
      const r = await c.api.get('/api/notifications');
      expect(r.status).toBe(200);
      return r.body as { items: { subjectId?: string; title: string; body: string }[]; unread: number };
    };
    for (const c of [linyeCity, linyeCity2, linyeProvince, gongshangCounty]) {
      const box = await inbox(c);
      expect(box.items.filter((m) => m.subjectId === noticeId)).toHaveLength(1);
      expect(box.items[0]).toMatchObject({ title: '收到福建省公安厅的通报' });
      expect(box.unread).toBe(1);
    }
    for (const c of [linyeFar, gongshangOtherCategory, linyeAdmin, tiyuCity, sender, senderFar]) {
      expect((await inbox(c)).items).toEqual([]);
    }

    // Delivered again: through the outbox and the bus (a relay's second put), and straight to the consumer twice.
    const { data: n } = await t.store.notices.get({ noticeId }).go();
    const data: NoticeSent = {
      noticeId,
      department: 'gongan',
      receivers: ['linye', 'gongshang'],
      enterpriseId: 'ent-000001',
      enterpriseName: n!.enterpriseName,
      regionCode: n!.regionCode,
      categories: n!.categories,
      summary: '储存场所未按规定设置安全警示标志，消防器材过期未更换。',
      sentBy: { accountId: sender.accountId, name: '公安王警官' },
      sentAt: n!.sentAt,
    };
    await announce(t.store, NoticeSent, data);
    await t.stack.settle();
    const silent = { info: () => {} };
    const event = { detail: { version: 1, eventId: 'redelivery', occurredAt: n!.sentAt, data } };
    // The demo's own province-level inspectors of 林业 and 工商 (firearms) are receivers too.
    const recipients = await noticeRecipients(t.store, data);
    const mine = [linyeCity, linyeCity2, linyeProvince, gongshangCounty].map((c) => c.accountId);
    expect(recipients).toEqual(expect.arrayContaining(mine));
    for (const c of [linyeFar, gongshangOtherCategory, linyeAdmin, tiyuCity, sender, senderFar]) {
      expect(recipients).not.toContain(c.accountId);
    }
    const outcomes = await Promise.all([onNoticeSent(t.store, event, silent), onNoticeSent(t.store, event, silent)]);
    expect(outcomes).toEqual([
      { written: 0, duplicate: recipients.length },
      { written: 0, duplicate: recipients.length },
    ]);
    for (const c of [linyeCity, linyeCity2, linyeProvince, gongshangCounty]) {
      const box = await inbox(c);
      expect(box.items.filter((m) => m.subjectId === noticeId)).toHaveLength(1);
      expect(box.unread).toBe(1);
    }
  });

  it('two receiving departments opening it at once: both recorded, neither overwrites the other', async () => {
    const sentAt = Date.now();
    const r = await sender.api.post('/api/notices', input({ description: '同时打开的测试通报。' }));
    expect(r.status).toBe(201);
    const id = r.body.noticeId as string;
    const [a, b] = await Promise.all([
      linyeCity.api.post(`/api/notices/${id}/read`),
      gongshangCounty.api.post(`/api/notices/${id}/read`),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const detail = (await sender.api.get(`/api/notices/${id}`)).body;
    expect(detail.receipts.map((x: { readByName?: string }) => x.readByName)).toEqual(['林业李科长', '工商林科长']);
    expect(detail.version).toBe(3);
    // From the commit to the receiver's inbox through the outbox, the stream relay and the bus (local stack).
    let delivered = 0;
    for (let i = 0; i < 100 && !delivered; i++) {
      const box = await linyeCity2.api.get('/api/notifications');
      if (box.body.items.some((m: { subjectId?: string }) => m.subjectId === id)) delivered = Date.now() - sentAt;
      else await new Promise((ok) => setTimeout(ok, 50));
    }
    expect(delivered).toBeGreaterThan(0);
    console.info(`NoticeSent: commit to inbox in ${delivered} ms`);
  });
});
