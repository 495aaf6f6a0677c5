import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../functions/local/stack';
import { launchBrowser } from '../support/browser';
import { signedInAs } from '../support/personas';
import { startTestStack, type TestStack } from '../support/stack';

/**
 * The browser's side of an attachment against the local stack, in Chromium: from a page of the site, the
 * presigned POST to s3rver (another origin, so its bucket CORS must admit the site), completion, and the
 * presigned GET saved under the file's Chinese name. The same steps as web/src/lib/attachments/upload.ts; the
 * form that uses AttachmentField is tested with the page that hosts it.
 */
describe('attachments in Chromium', () => {
  let t: TestStack;
  let browser: Browser;

  beforeAll(async () => {
    if (!fs.existsSync(path.join(REPO_ROOT, 'web', 'build', 'index.html'))) {
      throw new Error('web/build is missing: npm test builds it first (npm run build:web)');
    }
    t = await startTestStack({ seedEnterprises: 2 });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it('uploads straight to the bucket across origins, completes, and downloads under the real name', async () => {
    const api = await signedInAs(t.store, t.url, { kind: 'enterprise', enterpriseId: 'ent-000001' });
    const context = await browser.newContext({ locale: 'zh-CN', acceptDownloads: true });
    await context.addCookies([...api.cookies].map(([name, value]) => ({ name, value, url: t.url })));
    const page = await context.newPage();
    await page.goto(`${t.url}/`);

    const content = '%PDF-1.4\n% 营业执照（测试）\n%%EOF\n';
    const result = await page.evaluate(async (text) => {
      const csrf = decodeURIComponent(/(?:^|;\s*)hz_csrf=([^;]+)/.exec(document.cookie)![1]!);
      const bytes = new TextEncoder().encode(text);
      const file = new File([bytes], '营业执照（副本）.pdf', { type: 'application/pdf' });
      const issued = await fetch('/api/attachments', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
        body: JSON.stringify({
          purpose: 'business-licence',
          fileName: file.name,
          contentType: file.type,
          size: file.size,
        }),
      });
      const up = (await issued.json()) as { attachmentId: string; url: string; fields: Record<string, string> };
      const form = new FormData();
      for (const [k, v] of Object.entries(up.fields)) form.append(k, v);
      form.append('file', file);
      const progress: number[] = [];
      const s3Status = await new Promise<number>((resolve) => {
        const xhr = new XMLHttpRequest();
        xhr.open('POST', up.url);
        xhr.upload.onprogress = (e) => progress.push(e.loaded);
        xhr.onload = () => resolve(xhr.status);
        // A CORS refusal lands here, with status 0.
        xhr.onerror = () => resolve(xhr.status);
        xhr.send(form);
      });
      const done = await fetch(`/api/attachments/${up.attachmentId}/complete`, {
        method: 'POST',
        headers: { 'x-csrf-token': csrf },
      });
      return {
        issued: issued.status,
        url: up.url,
        s3Status,
        completed: done.status,
        view: await done.json(),
        attachmentId: up.attachmentId,
      };
    }, content);

    expect(result.issued).toBe(201);
    expect(new URL(result.url).origin).not.toBe(new URL(t.url).origin);
    expect(result.s3Status).toBe(204);
    expect(result.completed).toBe(200);
    expect(result.view).toMatchObject({ status: 'uploaded', fileName: '营业执照（副本）.pdf' });

    const downloading = page.waitForEvent('download');
    await page.evaluate(async (id) => {
      const r = await fetch(`/api/attachments/${id}/download`);
      const { url } = (await r.json()) as { url: string };
      const a = document.createElement('a');
      a.href = url;
      document.body.append(a);
      a.click();
      a.remove();
    }, result.attachmentId);
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('营业执照（副本）.pdf');
    const saved = await download.path();
    expect(fs.readFileSync(saved, 'utf8')).toBe(content);
    await context.close();
  });
});
