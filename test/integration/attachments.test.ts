import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCX_CONTENT_TYPE } from '../../shared/api/attachments';
import { linkAttachmentItems, LINK_PROBLEM_MESSAGE } from '../../functions/lib/attachments/link';
import type { Principal } from '../../functions/lib/auth/principal';
import { categoriesOf } from '../../functions/lib/register/scope';
import type { ApiClient } from '../support/api-client';
import { signedInAs, type Persona } from '../support/personas';
import { postToS3, uploadAttachment } from '../support/attachments';
import { startTestStack, type TestStack } from '../support/stack';

/**
 * Attachments end to end against s3rver: a presigned POST from the test (a real multipart form, as the
 * browser sends it), completion checked against the stored object, the presigned GET, and who may see and
 * download a file before and after it is linked to an enterprise. (The POST policy's conditions are proved in
 * test/unit/attachment-policy.test.ts: s3rver does not enforce them.)
 */
describe('attachments', () => {
  let t: TestStack;
  let enterprise: { enterpriseId: string; regionCode: string; categories: string[] };
  let owner: ApiClient;
  let otherEnterprise: ApiClient;
  let inScope: Persona;
  let otherCity: Persona;
  let otherCategory: Persona;

  const regulator = (regionCode: string, categories: string[]): Persona => ({
    kind: 'regulator',
    department: 'anjian',
    regionCode,
    categories,
    roles: ['inspector'],
  });

  const PDF = new TextEncoder().encode('%PDF-1.4\n% 营业执照扫描件（测试）\n%%EOF\n');
  const FILE_NAME = '营业执照（副本）.pdf';

  beforeAll(async () => {
    t = await startTestStack({ seedEnterprises: 4 });
    const { data } = await t.store.enterprises.get({ enterpriseId: 'ent-000001' }).go();
    enterprise = {
      enterpriseId: data!.enterpriseId,
      regionCode: data!.regionCode,
      categories: categoriesOf(data!.segments),
    };
    const city = enterprise.regionCode.slice(0, 4);
    const category = enterprise.categories[0]!;
    inScope = regulator(city, [category]);
    otherCity = regulator(city === '3501' ? '3502' : '3501', [category]);
    otherCategory = regulator(city, [category === 'hazchem' ? 'fireworks' : 'hazchem']);
    owner = await signedInAs(t.store, t.url, { kind: 'enterprise', enterpriseId: 'ent-000001' });
    otherEnterprise = await signedInAs(t.store, t.url, { kind: 'enterprise', enterpriseId: 'ent-000002' });
  }, 120_000);
  afterAll(async () => t?.stop());

  async function request(c: ApiClient, body: Record<string, unknown>) {
    const r = await c.post('/api/attachments', body);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body as { attachmentId: string; url: string; fields: Record<string, string>; expiresAt: string };
  }

  const uploaded = (c: ApiClient, bytes = PDF, fileName = FILE_NAME, contentType = 'application/pdf') =>
    uploadAttachment(c, { bytes, fileName, contentType });

  const uploaderOf = async (attachmentId: string): Promise<Principal> => {
    const { data } = await t.store.attachments.get({ attachmentId }).go();
    return {
      kind: 'enterprise',
      accountId: data!.uploadedBy,
      enterpriseId: data!.ownerEnterpriseId!,
      sessionId: 'test',
      login: 'test',
      name: '测试',
      stage: 'active',
    };
  };

  async function link(attachmentIds: string[], as: Principal, requestId = `chg-${attachmentIds[0]!.slice(4, 16)}`) {
    const items = await linkAttachmentItems(t.store, as, attachmentIds, { ...enterprise, requestId });
    await t.store.client.send(new TransactWriteCommand({ TransactItems: items as never }));
  }

  const bytesOf = async (url: string) => new Uint8Array(await (await fetch(url)).arrayBuffer());

  it('uploads through the presigned POST, completes, and downloads the same bytes under the real name', async () => {
    const up = await request(owner, {
      purpose: 'business-licence',
      fileName: FILE_NAME,
      contentType: 'application/pdf',
      size: PDF.length,
    });
    expect(up.attachmentId).toMatch(/^att-[0-9a-f]{32}$/);
    expect(up.fields.key).toMatch(
      new RegExp(`^attachments/enterprise/ent-000001/business-licence/${up.attachmentId}/`),
    );
    expect(Date.parse(up.expiresAt) - Date.now()).toBeGreaterThan(9 * 60_000);

    const pending = await owner.get(`/api/attachments/${up.attachmentId}`);
    expect(pending.status).toBe(200);
    expect(pending.body).toMatchObject({ fileName: FILE_NAME, status: 'pending', contentType: 'application/pdf' });
    expect((await owner.get(`/api/attachments/${up.attachmentId}/download`)).status).toBe(409);

    // Completing before the file is in S3: refused, nothing marked.
    const early = await owner.post(`/api/attachments/${up.attachmentId}/complete`);
    expect(early.status).toBe(400);
    expect(early.body.error.message).toBe('文件尚未上传成功，请重新上传');
    expect((await owner.get(`/api/attachments/${up.attachmentId}`)).body.status).toBe('pending');

    expect((await postToS3(up, PDF, 'application/pdf')).status).toBe(204);
    const done = await owner.post(`/api/attachments/${up.attachmentId}/complete`);
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toMatchObject({ status: 'uploaded', size: PDF.length, fileName: FILE_NAME });
    // Idempotent: the same answer again.
    const again = await owner.post(`/api/attachments/${up.attachmentId}/complete`);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(done.body);
    const { data: item } = await t.store.attachments.get({ attachmentId: up.attachmentId }).go();
    expect(item!.expiresAt).toBeUndefined();

    const dl = await owner.get(`/api/attachments/${up.attachmentId}/download`);
    expect(dl.status).toBe(200);
    const res = await fetch(dl.body.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename*=UTF-8''${encodeURIComponent(FILE_NAME)}`,
    );
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(PDF);

    // One audit record for issuing, one for completing (none for the refused early completion).
    const { data: audit } = await t.store.audit.records.query
      .byObject({ objectRef: `attachment:${up.attachmentId}` })
      .go();
    expect(audit.map((r) => r.action).sort()).toEqual(['attachment.complete', 'attachment.issue']);
  });

  it('refuses a stored object whose type is not the declared one', async () => {
    const up = await request(owner, { purpose: 'licence', fileName: '许可证.png', contentType: 'image/png', size: 10 });
    // S3 would refuse this POST (the policy pins Content-Type); s3rver stores it, so completion must catch it.
    expect((await postToS3(up, PDF, 'text/html', { 'Content-Type': 'text/html' })).status).toBe(204);
    const r = await owner.post(`/api/attachments/${up.attachmentId}/complete`);
    expect(r.status).toBe(400);
    expect(r.body.error.message).toBe('文件类型与所选文件不一致，请重新上传');
    expect((await owner.get(`/api/attachments/${up.attachmentId}`)).body.status).toBe('pending');
  });

  it('refuses a disallowed type or size with 400 and a Chinese message', async () => {
    const exe = await owner.post('/api/attachments', {
      purpose: 'licence',
      fileName: 'a.exe',
      contentType: 'application/x-msdownload',
      size: 10,
    });
    expect(exe.status).toBe(400);
    expect(exe.body.error.message).toContain('只能上传 PDF、JPG、PNG、XLSX、DOCX 文件');
    const big = await owner.post('/api/attachments', {
      purpose: 'licence',
      fileName: 'a.pdf',
      contentType: 'application/pdf',
      size: 20 * 1024 * 1024 + 1,
    });
    expect(big.status).toBe(400);
    expect(big.body.error.message).toContain('文件不能超过 20 MB');
  });

  it('shows an unlinked attachment to its uploader only: 404 for everyone else, in scope or not', async () => {
    const id = await uploaded(owner);
    for (const persona of [inScope, otherCity, otherCategory]) {
      const c = await signedInAs(t.store, t.url, persona);
      expect((await c.get(`/api/attachments/${id}`)).status).toBe(404);
      const d = await c.get(`/api/attachments/${id}/download`);
      expect(d.status).toBe(404);
      expect(d.body.error.message).toBe('附件不存在');
      expect((await c.post(`/api/attachments/${id}/complete`)).status).toBe(404);
    }
    expect((await otherEnterprise.get(`/api/attachments/${id}`)).status).toBe(404);
    expect((await otherEnterprise.get(`/api/attachments/${id}/download`)).status).toBe(404);
    // Another enterprise's account of the same enterprise is not the uploader either: linking decides.
    const colleague = await signedInAs(t.store, t.url, { kind: 'enterprise', enterpriseId: 'ent-000001' });
    expect((await colleague.get(`/api/attachments/${id}`)).status).toBe(404);
  });

  it('once linked to the enterprise, lets an in-scope regulator download it, and nobody outside the scope', async () => {
    const id = await uploaded(owner);
    await link([id], await uploaderOf(id));
    const { data } = await t.store.attachments.get({ attachmentId: id }).go();
    expect(data).toMatchObject({ ...enterprise, requestId: `chg-${id.slice(4, 16)}` });

    const regulatorClient = await signedInAs(t.store, t.url, inScope);
    const view = await regulatorClient.get(`/api/attachments/${id}`);
    expect(view.status).toBe(200);
    expect(view.body.fileName).toBe(FILE_NAME);
    const dl = await regulatorClient.get(`/api/attachments/${id}/download`);
    expect(dl.status).toBe(200);
    expect(await bytesOf(dl.body.url)).toEqual(PDF);
    // Completing is the uploader's: a reader who is not gets 403.
    expect((await regulatorClient.post(`/api/attachments/${id}/complete`)).status).toBe(403);

    const colleague = await signedInAs(t.store, t.url, { kind: 'enterprise', enterpriseId: 'ent-000001' });
    expect((await colleague.get(`/api/attachments/${id}/download`)).status).toBe(200);
    for (const persona of [otherCity, otherCategory]) {
      const c = await signedInAs(t.store, t.url, persona);
      expect((await c.get(`/api/attachments/${id}/download`)).status).toBe(404);
    }
    expect((await otherEnterprise.get(`/api/attachments/${id}/download`)).status).toBe(404);
  });

  it('links only finished uploads of the caller, each once', async () => {
    const mine = await uploaded(owner);
    const me = await uploaderOf(mine);
    const pending = await request(owner, {
      purpose: 'business-licence',
      fileName: '未上传.pdf',
      contentType: 'application/pdf',
      size: 10,
    });
    const theirs = await uploaded(otherEnterprise);
    const refused = async (ids: string[], as = me) => {
      const err = await linkAttachmentItems(t.store, as, ids, { ...enterprise, requestId: 'chg-refused' }).catch(
        (e: unknown) => e,
      );
      expect(err).toMatchObject({ status: 400, message: LINK_PROBLEM_MESSAGE });
    };
    await refused([mine, pending.attachmentId]);
    await refused([theirs]);
    await refused(['att-00000000000000000000000000000000']);

    await link([mine], me, 'chg-first');
    await refused([mine]);
    // The item's condition holds even when the check is skipped: a second link in a racing transaction fails.
    const stale = await linkAttachmentItems(t.store, await uploaderOf(theirs), [theirs], {
      ...enterprise,
      requestId: 'chg-a',
    });
    await link([theirs], await uploaderOf(theirs), 'chg-b');
    await expect(
      t.store.client.send(new TransactWriteCommand({ TransactItems: stale as never })),
    ).rejects.toMatchObject({ name: 'TransactionCanceledException' });
    const { data } = await t.store.attachments.get({ attachmentId: theirs }).go();
    expect(data!.requestId).toBe('chg-b');
  });

  it('lets a regulator upload too, under their own folder, readable by them alone until linked', async () => {
    const me = await signedInAs(t.store, t.url, inScope);
    const bytes = new TextEncoder().encode('PK fake docx');
    const up = await request(me, {
      purpose: 'certificate',
      fileName: '检查记录.docx',
      contentType: DOCX_CONTENT_TYPE,
      size: bytes.length,
    });
    expect(up.fields.key).toMatch(/^attachments\/regulator\/persona-\d+\/certificate\/att-/);
    expect((await postToS3(up, bytes, DOCX_CONTENT_TYPE)).status).toBe(204);
    expect((await me.post(`/api/attachments/${up.attachmentId}/complete`)).status).toBe(200);
    expect(await bytesOf((await me.get(`/api/attachments/${up.attachmentId}/download`)).body.url)).toEqual(bytes);
    const colleague = await signedInAs(t.store, t.url, inScope);
    expect((await colleague.get(`/api/attachments/${up.attachmentId}`)).status).toBe(404);
  });
});
