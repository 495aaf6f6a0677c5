import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { warningIdOf } from '../../functions/lib/warnings/write';
import { addDays, shanghaiToday } from '../../shared/reference/warnings';
import { signedInAs, type Persona } from '../support/personas';
import { startTestStack, type TestStack } from '../support/stack';

const SYS_ADMIN: Persona = {
  kind: 'regulator',
  department: 'anjian',
  regionCode: '35',
  categories: ['hazchem'],
  roles: ['sys-admin'],
};
const INSPECTOR: Persona = {
  kind: 'regulator',
  department: 'anjian',
  regionCode: '35',
  categories: ['hazchem'],
  roles: ['inspector'],
};

/**
 * 预警扫描 through the local gateway and bus: 立即扫描 answers 202 at once with a running run, the scan runs on its
 * event and the run records its figures; the list shows it newest first; only the 系统管理员 may do any of it.
 */
describe('warning scan runs (预警扫描)', () => {
  let t: TestStack;

  beforeAll(async () => {
    t = await startTestStack();
    const today = shanghaiToday(new Date());
    await t.store.enterprises
      .create({
        enterpriseId: 'ent-run-1',
        name: '泉州扫描测试有限公司',
        regionCode: '350502',
        registrationStatus: 'inBusiness',
        segments: [{ category: 'hazchem', segment: 'distribution' }],
      })
      .go();
    await t.store.licences
      .create({
        licenceId: 'lic-run-1',
        enterpriseId: 'ent-run-1',
        category: 'hazchem',
        segment: 'distribution',
        regionCode: '350502',
        licenceName: '危险化学品经营许可证',
        number: '闽泉安经（2024）1',
        issuer: '泉州市应急管理局',
        validFrom: '2024-01-01',
        validTo: addDays(today, 20),
      })
      .go();
  }, 120_000);
  afterAll(() => t?.stop());

  it('立即扫描 starts a run at once; the browser polls it to the end', async () => {
    const admin = await signedInAs(t.store, t.url, SYS_ADMIN);
    const started = await admin.post('/api/warnings/scans');
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ status: 'running', trigger: 'manual', raised: 0 });
    const runId = started.body.runId as string;
    let run = started.body;
    for (let i = 0; i < 100 && run.status === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 200));
      run = (await admin.get(`/api/warnings/scans/${runId}`)).body;
    }
    expect(run).toMatchObject({ status: 'done', raised: 1, itemsDue: 1, cleared: 0 });
    expect(run.durationMs).toBeGreaterThanOrEqual(0);
    const { data: w } = await t.store.warnings.get({ warningId: warningIdOf('licence', 'ent-run-1/lic-run-1') }).go();
    expect(w).toMatchObject({ status: 'open', grade: 'orange' });

    const list = await admin.get('/api/warnings/scans');
    expect(list.status).toBe(200);
    expect(list.body.items[0]).toMatchObject({ runId, status: 'done' });
    expect((await admin.get('/api/warnings/scans?cursor=not-ours')).status).toBe(400);
    expect((await admin.get('/api/warnings/scans/wsr-0000000000000000')).status).toBe(404);
    expect((await admin.get('/api/warnings/scans/nonsense')).status).toBe(400);
  }, 60_000);

  it('only the 系统管理员 may start or read runs', async () => {
    const inspector = await signedInAs(t.store, t.url, INSPECTOR);
    expect((await inspector.post('/api/warnings/scans')).status).toBe(403);
    expect((await inspector.get('/api/warnings/scans')).status).toBe(403);
  });
});
