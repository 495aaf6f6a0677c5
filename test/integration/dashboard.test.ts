import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readStats, statsYear } from '../../functions/lib/stats/counters';
import { raiseWarningItems } from '../../functions/lib/warnings/write';
import type { EnterpriseRecord } from '../../functions/lib/register/entry-writes';
import { categoriesOf } from '../../functions/lib/register/scope';
import type { Dashboard, EnterpriseDashboard } from '../../shared/api/dashboard';
import { CATEGORY_CODES, type CategoryCode } from '../../shared/reference/categories';
import { SEGMENTS, defaultResponsibleDepartment } from '../../shared/reference/segments';
import { addDays, todayInChina } from '../../shared/validation/dates';
import type { ApiClient } from '../support/api-client';
import { uploadAttachment } from '../support/attachments';
import { officer, writeTask } from '../support/inspection-records';
import { signedInAs, type RegulatorPersona } from '../support/personas';
import { startTestStack, type TestStack } from '../support/stack';

const SAMPLE_JPEG = new Uint8Array([
  0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70, 73, 70, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xd9,
]);

/**
 * 首页 (issue 12 §4) on DynamoDB Local over the seeded demo: the figures equal what the register holds (segment
 * counts at the region and each child), the year's inspection / hazard counters move with a completion, an issue and
 * a confirmation, and the region stays inside the caller's jurisdiction (another city 404, a county can't drill up
 * 404, a category not granted 403). The enterprise's 首页: its open hazards, its expiring certificates, its unread.
 */
describe('dashboard (首页)', () => {
  let t: TestStack;
  let ent: EnterpriseRecord;
  let category: CategoryCode;
  let city: string;
  let county: string;
  let province: ApiClient;
  const regulator = (over: Partial<RegulatorPersona> = {}): RegulatorPersona => ({
    kind: 'regulator',
    department: defaultResponsibleDepartment(ent.segments, category),
    regionCode: '35',
    categories: [category],
    roles: ['inspector'],
    ...over,
  });
  const dashboard = async (api: ApiClient, region?: string, cat: string = category): Promise<Dashboard> => {
    const r = await api.get(`/api/dashboard?category=${cat}${region ? `&region=${region}` : ''}`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body as Dashboard;
  };

  beforeAll(async () => {
    t = await startTestStack({ seedEnterprises: 12 });
    ent = (await t.store.enterprises.get({ enterpriseId: 'ent-000001' }).go()).data!;
    category = categoriesOf(ent.segments)[0] as CategoryCode;
    county = ent.regionCode;
    city = county.slice(0, 4);
    province = await signedInAs(t.store, t.url, regulator());
  }, 240_000);
  afterAll(async () => t?.stop());

  it('counts the enterprises of each segment as the register holds them, at the region and each child', async () => {
    // The register as the test reads it (a Scan is fine here, never on a request path).
    const all = (await t.store.enterprises.scan.go({ pages: 'all' })).data.filter((e) => !e.removed);
    const expected = (segment: string, prefix: string) =>
      all.filter(
        (e) =>
          e.regionCode.startsWith(prefix) && e.segments.some((s) => s.category === category && s.segment === segment),
      ).length;

    const d = await dashboard(province);
    expect(d.region).toMatchObject({ code: '35', level: 'province', fullName: '福建省' });
    expect(d.trail).toEqual([{ code: '35', name: '福建省' }]);
    expect(d.children.map((c) => c.code)).toContain(city);
    expect(d.segments.map((s) => s.code)).toEqual(SEGMENTS[category].map((s) => s.code));
    for (const s of d.segments) expect(s.count, s.name).toBe(expected(s.code, '35'));
    expect(d.segments.reduce((n, s) => n + s.count, 0)).toBeGreaterThan(0);
    const cityRow = d.childSegments.find((c) => c.code === city)!;
    for (const s of SEGMENTS[category]) expect(cityRow.counts[s.code]).toBe(expected(s.code, city));

    // Drill down: the city, then the county; the trail leads back up to the caller's own jurisdiction.
    const c = await dashboard(province, city);
    expect(c.region.level).toBe('city');
    expect(c.trail.map((x) => x.code)).toEqual(['35', city]);
    expect(c.children.map((x) => x.code)).toContain(county);
    const k = await dashboard(province, county);
    expect(k.children).toEqual([]);
    for (const s of k.segments) expect(s.count).toBe(expected(s.code, county));
  });

  it("counts the demo data's own inspections and hazards (the seed writes through the counting transactions)", async () => {
    // The seed's completions and hazards are dated up to some weeks back: this year's or, early in January, last's.
    const year = Number(statsYear(new Date()));
    let issued = 0;
    let completed = 0;
    for (const y of [year, year - 1]) {
      for (const c of CATEGORY_CODES) {
        const f = (await readStats(t.store, c, String(y), '35')).get('35');
        issued += f?.hazardsIssued ?? 0;
        completed += f?.inspectionsCompleted ?? 0;
      }
    }
    expect(issued).toBeGreaterThan(0);
    expect(completed).toBeGreaterThan(0);
  });

  it("moves the year's counters with a completed inspection, an issued hazard and its confirmation", async () => {
    const before = await dashboard(province, county);
    const cityBefore = (await dashboard(province, city)).thisYear;

    // 完成 an inspection of an enterprise in the county.
    const inspector = await officer(t.store, t.url, { regionCode: city, categories: [category] });
    const taskId = await writeTask(t.store, {
      team: [inspector],
      category,
      regionCode: city,
      enterpriseRegionCode: county,
    });
    for (let seq = 1; seq <= 5; seq++) {
      const r = await inspector.client.request('PUT', `/api/inspections/tasks/${taskId}/answers/${seq}`, {
        result: 'satisfied',
      });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
    }
    const done = await inspector.client.post(`/api/inspections/tasks/${taskId}/complete`, {});
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    // A second 完成 writes nothing, so counts nothing.
    expect((await inspector.client.post(`/api/inspections/tasks/${taskId}/complete`, {})).status).toBe(200);

    // 下发 → 整改 → 确认 a hazard of ent-000001.
    const sender = await signedInAs(t.store, t.url, regulator({ regionCode: city }));
    const issued = await sender.post('/api/hazards', {
      name: '仓库消防通道堵塞',
      enterpriseId: ent.enterpriseId,
      deadline: addDays(todayInChina(), 10),
      problem: '仓库东侧消防通道堆放货物。',
    });
    expect(issued.status, JSON.stringify(issued.body)).toBe(201);
    const mid = await dashboard(province, county);
    expect(mid.thisYear).toEqual({
      inspectionsCompleted: before.thisYear.inspectionsCompleted + 1,
      hazardsIssued: before.thisYear.hazardsIssued + 1,
      hazardsConfirmed: before.thisYear.hazardsConfirmed,
    });

    const enterprise = await signedInAs(t.store, t.url, { kind: 'enterprise', enterpriseId: ent.enterpriseId });
    const own = await enterprise.get('/api/dashboard/enterprise');
    expect(own.status, JSON.stringify(own.body)).toBe(200);
    expect((own.body as EnterpriseDashboard).hazards.items.map((h) => h.hazardId)).toContain(issued.body.hazardId);

    const photo = await uploadAttachment(enterprise, {
      bytes: SAMPLE_JPEG,
      fileName: '整改照片.jpg',
      contentType: 'image/jpeg',
      purpose: 'rectification',
    });
    const rectified = await enterprise.post(`/api/hazards/${issued.body.hazardId}/rectification`, {
      description: '已清理通道。',
      attachmentIds: [photo],
      version: issued.body.version,
    });
    expect(rectified.status, JSON.stringify(rectified.body)).toBe(200);
    // Waiting for the regulator's 确认: not on the enterprise's to-do any more.
    const waiting = (await enterprise.get('/api/dashboard/enterprise')).body as EnterpriseDashboard;
    expect(waiting.hazards.items.map((h) => h.hazardId)).not.toContain(issued.body.hazardId);
    const confirmed = await sender.post(`/api/hazards/${issued.body.hazardId}/confirm`, {
      version: rectified.body.version,
    });
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);

    const after = await dashboard(province, county);
    expect(after.thisYear).toEqual({
      inspectionsCompleted: before.thisYear.inspectionsCompleted + 1,
      hazardsIssued: before.thisYear.hazardsIssued + 1,
      hazardsConfirmed: before.thisYear.hazardsConfirmed + 1,
    });
    // Every level above moved with it: the city's own figure, and the county's row in the city's chart.
    const cityView = await dashboard(province, city);
    expect(cityView.thisYear.hazardsConfirmed).toBe(cityBefore.hazardsConfirmed + 1);
    expect(cityView.childYear.find((c) => c.code === county)!.figures).toEqual(after.thisYear);
  });

  it('counts open warnings per kind and grade at the region and every level above, not beside', async () => {
    const otherCity = city === '3501' ? '3502' : '3501';
    const [countyBefore, cityBefore, provinceBefore, otherBefore] = await Promise.all([
      dashboard(province, county),
      dashboard(province, city),
      dashboard(province, '35'),
      dashboard(province, otherCity),
    ]);
    const raise = (sourceKey: string, grade: 'red' | 'orange') =>
      t.store.client.send(
        new TransactWriteCommand({
          TransactItems: raiseWarningItems(
            t.store,
            {
              kind: 'licence',
              sourceKey,
              grade,
              regionCode: county,
              categories: [category],
              enterpriseId: ent.enterpriseId,
              enterpriseName: ent.name,
              dueDate: '2026-01-01',
              detail: { certificateType: '测试许可证', number: sourceKey },
            },
            new Date().toISOString(),
          ) as never,
        }),
      );
    await raise(`${ent.enterpriseId}/dash-1`, 'red');
    await raise(`${ent.enterpriseId}/dash-2`, 'red');
    await raise(`${ent.enterpriseId}/dash-3`, 'orange');
    for (const [r, before] of [
      [county, countyBefore],
      [city, cityBefore],
      ['35', provinceBefore],
    ] as const) {
      const d = await dashboard(province, r);
      expect(d.warnings.byKind.licence.red, r).toBe(before.warnings.byKind.licence.red + 2);
      expect(d.warnings.byKind.licence.orange, r).toBe(before.warnings.byKind.licence.orange + 1);
      expect(d.warnings.total, r).toBe(before.warnings.total + 3);
    }
    expect((await dashboard(province, otherCity)).warnings).toEqual(otherBefore.warnings);
  });

  it('keeps the region inside the caller jurisdiction: another city and drilling up are 404', async () => {
    const cityRegulator = await signedInAs(t.store, t.url, regulator({ regionCode: city }));
    expect((await dashboard(cityRegulator)).region.code).toBe(city);
    expect((await dashboard(cityRegulator, county)).trail.map((x) => x.code)).toEqual([city, county]);
    const otherCity = city === '3501' ? '3502' : '3501';
    const elsewhere = await cityRegulator.get(`/api/dashboard?category=${category}&region=${otherCity}`);
    expect(elsewhere.status).toBe(404);
    expect(JSON.stringify(elsewhere.body)).toContain('不在您的辖区内');
    expect((await cityRegulator.get(`/api/dashboard?category=${category}&region=35`)).status).toBe(404);

    const countyRegulator = await signedInAs(t.store, t.url, regulator({ regionCode: county }));
    const own = await dashboard(countyRegulator);
    expect(own.trail).toEqual([{ code: county, name: own.region.name }]);
    expect((await countyRegulator.get(`/api/dashboard?category=${category}&region=${city}`)).status).toBe(404);

    // A category the account lacks, and codes that are not a region.
    const other = category === 'hazchem' ? 'fireworks' : 'hazchem';
    expect((await cityRegulator.get(`/api/dashboard?category=${other}`)).status).toBe(403);
    expect((await cityRegulator.get(`/api/dashboard?category=${category}&region=3599`)).status).toBe(404);
    expect((await cityRegulator.get(`/api/dashboard?category=${category}&region=35%25`)).status).toBe(400);
    expect((await cityRegulator.get('/api/dashboard?category=nope')).status).toBe(400);
  });

  it("lists the enterprise's expired and expiring certificates, soonest first, and its unread messages", async () => {
    const enterprise = await signedInAs(t.store, t.url, { kind: 'enterprise', enterpriseId: ent.enterpriseId });
    const d = (await enterprise.get('/api/dashboard/enterprise')).body as EnterpriseDashboard;
    expect(d.today).toBe(todayInChina());
    const licences = (await t.store.licences.query.byEnterprise({ enterpriseId: ent.enterpriseId }).go()).data;
    const soon = licences.filter((l) => l.validTo <= addDays(d.today, 90)).map((l) => l.number);
    expect(
      d.expiring.items
        .filter((i) => i.kind === 'licence')
        .map((i) => i.number)
        .sort(),
    ).toEqual(soon.sort());
    const days = d.expiring.items.map((i) => i.daysLeft);
    expect(days).toEqual([...days].sort((a, b) => a - b));
    expect(days.every((n) => n <= 90)).toBe(true);
    for (const h of d.hazards.items) expect(h.overdue).toBe(h.deadline < d.today);
    expect(d.unreadMessages).toBeGreaterThanOrEqual(0);
  });
});
