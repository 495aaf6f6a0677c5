import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, PortInUseError } from '../../functions/local/ports';
import { startLocalStack, type LocalStack, type LocalStackOptions } from '../../functions/local/stack';

/**
 * The local embedded default end to end: DynamoDB Local on disk, s3rver, the gateway, the handlers and
 * the scheduler, as `npm start` runs them — and a restart on the same data folder.
 */
describe('the local stack', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hazmat-stack-'));
  const siteDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hazmat-site-'));
  let opts: LocalStackOptions;
  let stack: LocalStack;

  beforeAll(async () => {
    fs.writeFileSync(path.join(siteDir, 'index.html'), '<h1>门户</h1>');
    fs.writeFileSync(path.join(siteDir, '200.html'), '<h1>SPA</h1>');
    fs.mkdirSync(path.join(siteDir, 'platform'));
    fs.writeFileSync(path.join(siteDir, 'platform', 'login.html'), '<h1>登录</h1>');
    opts = {
      dataDir,
      siteDir,
      port: await freePort(),
      dynamoPort: await freePort(),
      s3Port: await freePort(),
      busPort: await freePort(),
    };
    stack = await startLocalStack(opts);
  });
  afterAll(async () => {
    await stack?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(siteDir, { recursive: true, force: true });
  });

  it('answers GET /api/health with 200 and a reachable store', async () => {
    const res = await fetch(`${stack.url}/api/health`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(await res.json()).toMatchObject({ status: 'ok', version: 'local', store: { reachable: true } });
  });

  it('serves the OpenAPI document generated from the manifest', async () => {
    const doc = (await (await fetch(`${stack.url}/api/openapi.json`)).json()) as {
      openapi: string;
      paths: Record<string, unknown>;
      components: { schemas: Record<string, unknown> };
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/health', '/api/openapi.json']));
    expect(doc.components.schemas).toHaveProperty('HealthResponse');
    expect(doc.components.schemas).toHaveProperty('Error');
  });

  it('answers unknown API paths with a JSON 404 and wrong methods with 405', async () => {
    const missing = await fetch(`${stack.url}/api/no-such-thing`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { message: string } }).error.message).toBe('接口不存在');
    const wrongMethod = await fetch(`${stack.url}/api/health`, { method: 'DELETE' });
    expect(wrongMethod.status).toBe(405);
  });

  it('serves files, prerendered pages and the SPA fallback, but never outside the site folder', async () => {
    expect(await (await fetch(`${stack.url}/`)).text()).toContain('门户');
    expect(await (await fetch(`${stack.url}/platform/login`)).text()).toContain('登录');
    expect(await (await fetch(`${stack.url}/enterprise/app/anything`)).text()).toContain('SPA');
    expect((await fetch(`${stack.url}/missing.js`)).status).toBe(404);
    const escape = await fetch(`${stack.url}/..%2f..%2fetc%2fpasswd`);
    expect(escape.status).toBe(404);
    expect(await escape.text()).not.toContain('root:');
  });

  it('runs the daily schedule through the same handler, visible in the health answer', async () => {
    await stack.scheduler.runNow('daily', new Date('2026-11-27T17:00:00Z'));
    const health = (await (await fetch(`${stack.url}/api/health`)).json()) as { scheduler: { lastDailyRunAt: string } };
    expect(health.scheduler.lastDailyRunAt).toBe('2026-11-27T17:00:00Z');
    const next = stack.scheduler.next();
    expect(next).toEqual(
      expect.arrayContaining([
        { context: 'platform', name: 'daily', at: expect.any(Date) },
        // The audit heads are anchored outside the table at 00:30 Shanghai (functions/audit/anchors.ts).
        { context: 'audit', name: 'anchorAuditHeads', at: expect.any(Date) },
        // 一公开 at 02:00 Shanghai (functions/inspections/publication.ts).
        { context: 'inspections', name: 'publishInspectionResults', at: expect.any(Date) },
        // 大数据预警's scan at 01:00 (functions/warnings/scan.ts), the shipments' reconciliation at 01:30.
        { context: 'warnings', name: 'scan', at: expect.any(Date) },
        { context: 'waybills', name: 'reconcileShipments', at: expect.any(Date) },
      ]),
    );
    expect(next).toHaveLength(5);
    // The platform's next tick is at 01:00 Shanghai = 17:00 UTC.
    expect(next.find((n) => n.name === 'daily')!.at.getUTCHours()).toBe(17);
  });

  it('says clearly which port is taken when a second stack starts on the same ports', async () => {
    await expect(startLocalStack({ ...opts, dynamoPort: await freePort() })).rejects.toThrow(PortInUseError);
    await expect(startLocalStack({ ...opts, port: await freePort(), dynamoPort: await freePort() })).rejects.toThrow(
      /端口 \d+ 已被占用（s3rver）/,
    );
  });

  it('keeps its data across a restart and does not recreate the table', async () => {
    expect(stack.tableCreated).toBe(true);
    await stack.stop();
    stack = await startLocalStack(opts);
    expect(stack.tableCreated).toBe(false);
    const health = (await (await fetch(`${stack.url}/api/health`)).json()) as { scheduler: { lastDailyRunAt: string } };
    expect(health.scheduler.lastDailyRunAt).toBe('2026-11-27T17:00:00Z');
  });
});
