import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInAs, type Persona } from '../support/personas';
import { startTestStack, type TestStack } from '../support/stack';

/** The regulator's unit list (单位信息管理), scoped to their categories and jurisdiction, paged by cursor. */
describe('the unit list', () => {
  let t: TestStack;
  let seg: { category: string; segment: string };
  let city: string;
  const regulator = (regionCode: string, categories: string[]): Persona => ({
    kind: 'regulator',
    department: 'anjian',
    regionCode,
    categories,
    roles: ['inspector'],
  });

  beforeAll(async () => {
    t = await startTestStack({ seedEnterprises: 60 });
    const { data } = await t.store.enterprises.get({ enterpriseId: 'ent-000001' }).go();
    seg = data!.segments[0]!;
    city = data!.regionCode.slice(0, 4);
  }, 120_000);
  afterAll(async () => t?.stop());

  const all = async (who: Persona, query = '') => {
    const c = await signedInAs(t.store, t.url, who);
    const items: { enterpriseId: string; regionCode: string; name: string }[] = [];
    let cursor: string | null = null;
    do {
      const r = await c.get(
        `/api/register/units/${seg.category}/${seg.segment}?limit=3${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(r.body.items.length).toBeLessThanOrEqual(3);
      items.push(...r.body.items);
      cursor = r.body.cursor;
    } while (cursor);
    return items;
  };

  it('pages through the whole province for a province regulator, each unit once', async () => {
    const items = await all(regulator('35', [seg.category]));
    expect(items.map((i) => i.enterpriseId)).toContain('ent-000001');
    expect(new Set(items.map((i) => i.enterpriseId)).size).toBe(items.length);
    const { data } = await t.store.enterpriseListings.query.bySegment(seg).go({ pages: 'all' });
    expect(items.length).toBe(data.length);
  });

  it('reads the list backwards for 末页: the same rows, last first, within the jurisdiction', async () => {
    const who = regulator('35', [seg.category]);
    const forward = await all(who);
    const backward = await all(who, '&order=desc');
    expect(backward.map((i) => i.enterpriseId)).toEqual(forward.map((i) => i.enterpriseId).reverse());
    const c = await signedInAs(t.store, t.url, who);
    // The last page has what is left after the full pages: `limit` rows from the end, in the order shown reversed.
    const last = await c.get(`/api/register/units/${seg.category}/${seg.segment}?limit=2&order=desc`);
    expect(last.body.items.map((i: { enterpriseId: string }) => i.enterpriseId)).toEqual(
      forward
        .slice(-2)
        .map((i) => i.enterpriseId)
        .reverse(),
    );
    expect(last.body.total).toBe(forward.length);
    expect((await c.get(`/api/register/units/${seg.category}/${seg.segment}?order=sideways`)).status).toBe(400);
  });

  it('shows a city regulator only their own city, and refuses another city', async () => {
    const items = await all(regulator(city, [seg.category]));
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.regionCode.startsWith(city))).toBe(true);
    const other = city === '3501' ? '3502' : '3501';
    const c = await signedInAs(t.store, t.url, regulator(city, [seg.category]));
    expect((await c.get(`/api/register/units/${seg.category}/${seg.segment}?region=${other}`)).status).toBe(403);
  });

  it('filters by name within the jurisdiction', async () => {
    const { data } = await t.store.enterprises.get({ enterpriseId: 'ent-000001' }).go();
    const items = await all(regulator('35', [seg.category]), `&name=${encodeURIComponent(data!.name.slice(-6))}`);
    expect(items.map((i) => i.enterpriseId)).toContain('ent-000001');
    expect(items.every((i) => i.name.includes(data!.name.slice(-6)))).toBe(true);
  });

  it('fills every page of a filtered list (the filter reads ahead), and the counter gives the total by 登记状态', async () => {
    const c = await signedInAs(t.store, t.url, regulator('35', [seg.category]));
    const pages: { enterpriseId: string; registrationStatus: string }[][] = [];
    let cursor: string | null = null;
    let total: number | null = null;
    do {
      const r = await c.get(
        `/api/register/units/${seg.category}/${seg.segment}?status=in-business&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      expect(r.status).toBe(200);
      pages.push(r.body.items);
      total = r.body.total;
      cursor = r.body.cursor;
    } while (cursor);
    const rows = pages.flat();
    expect(rows.every((i) => i.registrationStatus === 'in-business')).toBe(true);
    // Every page but the last is full; the last may be empty only when the range ended right after a full page.
    expect(pages.slice(0, -1).every((p) => p.length === 2)).toBe(true);
    const { data } = await t.store.enterpriseListings.query.bySegment(seg).go({ pages: 'all' });
    const inBusiness = data.filter((l) => l.registrationStatus === 'in-business').length;
    expect(rows.length).toBe(inBusiness);
    expect(total).toBe(inBusiness);
  });

  it('refuses a category the regulator does not supervise, an unknown segment and a forged cursor', async () => {
    const other = seg.category === 'hazchem' ? 'fireworks' : 'hazchem';
    const c = await signedInAs(t.store, t.url, regulator('35', [other]));
    expect((await c.get(`/api/register/units/${seg.category}/${seg.segment}`)).status).toBe(403);
    const d = await signedInAs(t.store, t.url, regulator('35', [seg.category]));
    expect((await d.get(`/api/register/units/${seg.category}/no-such-segment`)).status).toBe(404);
    const forged = await d.get(`/api/register/units/${seg.category}/${seg.segment}?cursor=not-a-cursor`);
    expect(forged.status).toBe(400);
    expect(forged.body.error.message).toBe('翻页标记无效，请重新查询');
  });
});
