import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Regulator } from '../../functions/lib/auth/principal';
import { readChecklistVersion, usableChecklist } from '../../functions/lib/checklists/read';
import { DEMO_CHECKLIST_IDS, writeDemoChecklists } from '../../functions/seed/checklists';
import { DEMO_SEED, demoRegulators } from '../../functions/seed/generate';
import type { ApiClient } from '../support/api-client';
import { signedInAs, type RegulatorPersona } from '../support/personas';
import { startTestStack, type TestStack } from '../support/stack';

/**
 * 检查清单管理 end to end through the local gateway: the template, the all-or-nothing import (the list's name is
 * the file's), the list with its filters, versioned editing (a task's copy stays readable), soft deletion, and
 * who sees what (own department; lists made above apply below; another department or region → 404).
 */

const inspector = (department: string, regionCode: string, categories = ['hazchem']): RegulatorPersona => ({
  kind: 'regulator',
  department,
  regionCode,
  categories,
  roles: ['inspector'],
});

type Row = Partial<Record<string, string>>;

async function workbook(
  rows: (Row | null)[],
  headers: string[] = ['检查环节*', '检查内容及标准*', '检查依据', '检查方式'],
): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('检查清单');
  ws.addRow(headers);
  const keys = headers.map((h) => h.replace(/\*$/, ''));
  for (const r of rows) ws.addRow(r ? keys.map((k) => r[k] ?? '') : []);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

const item = (n: number, stage = '储存'): Row => ({
  检查环节: stage,
  检查内容及标准: `第${n}项：危险化学品应当储存在专用仓库内，并由专人负责管理`,
  检查依据: '《危险化学品安全管理条例》第二十四条',
  检查方式: '现场检查',
});

describe('checklists', () => {
  let t: TestStack;
  let qz: ApiClient; // 泉州 安监 检查人员
  let province: ApiClient; // 省直 安监
  let jinjiang: ApiClient; // 晋江 (in 泉州) 安监
  let xiamen: ApiClient; // 厦门 安监: another region
  let police: ApiClient; // 泉州 公安: another department
  let qzPrincipal: Regulator;
  let policePrincipal: Regulator;

  const principalOf = async (c: ApiClient): Promise<Regulator> => {
    const s = (await c.get('/api/auth/session')).body.account;
    return { ...s, kind: 'regulator', roles: s.roles, category: 'hazchem' } as Regulator;
  };

  const importList = (c: ApiClient, filename: string, contentBase64: string, kind = 'independent') =>
    c.post('/api/checklists/import', { category: 'hazchem', kind, filename, contentBase64 });

  const list = (c: ApiClient, q = '') => c.get(`/api/checklists?category=hazchem&kind=independent${q}`);

  beforeAll(async () => {
    t = await startTestStack();
    qz = await signedInAs(t.store, t.url, inspector('anjian', '3505'));
    province = await signedInAs(t.store, t.url, inspector('anjian', '35'));
    jinjiang = await signedInAs(t.store, t.url, inspector('anjian', '350582'));
    xiamen = await signedInAs(t.store, t.url, inspector('anjian', '3502'));
    police = await signedInAs(t.store, t.url, inspector('gongan', '3505'));
    qzPrincipal = await principalOf(qz);
    policePrincipal = await principalOf(police);
  }, 120_000);
  afterAll(async () => t?.stop());

  it('hands out the template with the required columns marked', async () => {
    const res = await qz.get('/api/checklists/import-template');
    expect(res.status).toBe(200);
    expect(res.body.filename).toBe('检查清单模板.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(res.body.contentBase64, 'base64') as never);
    const header = wb.getWorksheet('检查清单')!.getRow(1).values as unknown[];
    expect(header.slice(1)).toEqual(['检查环节*', '检查内容及标准*', '检查依据', '检查方式']);
    // The template as it comes (with its example row only) has nothing to import.
    const again = await importList(qz, '空清单.xlsx', res.body.contentBase64);
    expect(again.status).toBe(400);
    expect(again.body.error.message).toContain('没有检查项目');
  });

  it('imports a file as a list named after it, skipping empty rows, and shows it with the seed columns', async () => {
    const content = await workbook([item(1), null, item(2, '经营'), { 检查环节: '', 检查内容及标准: '' }, item(3)]);
    const res = await importList(qz, '危险化学品储存企业检查清单.xlsx', content);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: '危险化学品储存企业检查清单',
      kind: 'independent',
      version: 1,
      itemCount: 3,
      stages: ['储存', '经营'],
      level: 'city',
      regionName: '泉州市',
      department: 'anjian',
      departmentName: '泉州市 安监',
      canEdit: true,
    });
    const detail = await qz.get(`/api/checklists/${res.body.checklistId}`);
    expect(detail.status).toBe(200);
    expect(detail.body.items.map((i: { seq: number }) => i.seq)).toEqual([1, 2, 3]);
    expect(detail.body.items[1]).toMatchObject({ stage: '经营', basis: '《危险化学品安全管理条例》第二十四条' });
  });

  it('refuses a file without a required column, naming it, and imports nothing', async () => {
    const before = (await list(qz, '&limit=100')).body.items.length;
    const res = await importList(qz, '缺列.xlsx', await workbook([item(1)], ['检查环节', '检查依据']));
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('清单文件缺少必填列：检查内容及标准（请使用导出的清单模板）');
    expect((await list(qz, '&limit=100')).body.items.length).toBe(before);
  });

  it('lists every wrong row with its row number and imports nothing', async () => {
    const before = (await list(qz, '&limit=100')).body.items.length;
    const rows = [
      item(1),
      { 检查环节: '储存', 检查内容及标准: '' },
      item(3),
      { 检查环节: '', 检查内容及标准: '有内容' },
    ];
    const res = await importList(qz, '有错.xlsx', await workbook(rows));
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([
      { path: 'rows[3].检查内容及标准', message: '第 3 行：请填写检查内容及标准' },
      { path: 'rows[5].检查环节', message: '第 5 行：请填写检查环节' },
    ]);
    expect((await list(qz, '&limit=100')).body.items.length).toBe(before);
  });

  it('refuses what is not an .xlsx spreadsheet with a 400', async () => {
    const xls = await importList(qz, '清单.xls', await workbook([item(1)]));
    expect(xls.status).toBe(400);
    expect(xls.body.error.details[0]).toMatchObject({ path: 'body.filename' });
    const text = await importList(
      qz,
      '清单.xlsx',
      Buffer.from('检查环节,检查内容及标准\n储存,专人管理').toString('base64'),
    );
    expect(text.status).toBe(400);
    expect(text.body.error.message).toBe('文件不是有效的 .xlsx 文件');
  });

  it('imports 2,000 rows, and refuses 2,001', { timeout: 120_000 }, async () => {
    const rows = Array.from({ length: 2000 }, (_, n) => item(n + 1, `环节${n % 7}`));
    const file = await workbook(rows);
    const started = Date.now();
    const res = await importList(qz, '两千项.xlsx', file);
    const imported = Date.now() - started;
    expect(res.status).toBe(201);
    expect(res.body.itemCount).toBe(2000);
    const detail = await qz.get(`/api/checklists/${res.body.checklistId}`);
    expect(detail.body.items).toHaveLength(2000);
    expect(detail.body.items[1999]).toMatchObject({ seq: 2000, content: expect.stringContaining('第2000项') });
    console.info(
      `2,000 rows (${Math.round(file.length / 1024)} KiB base64): import ${imported} ms, read ${Date.now() - started - imported} ms`,
    );
    const over = await importList(qz, '两千零一项.xlsx', await workbook([...rows, item(2001)]));
    expect(over.status).toBe(400);
    expect(over.body.error.message).toContain('最多 2000 个检查项目');
  });

  it('edits as a new version: the old one stays readable, a stale edit is a 409', async () => {
    const made = await importList(qz, '版本测试.xlsx', await workbook([item(1), item(2)]));
    const id = made.body.checklistId as string;
    const items = [
      { stage: '储存', content: '改过的第一项', basis: '《危险化学品安全管理条例》第二十条' },
      { stage: '使用', content: '新增的一项' },
    ];
    const saved = await qz.request('PUT', `/api/checklists/${id}/items`, { version: 1, items });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ version: 2, itemCount: 2, stages: ['储存', '使用'] });
    expect(saved.body.items[0]).toMatchObject({ seq: 1, content: '改过的第一项' });

    const v1 = await readChecklistVersion(t.store, id, 1);
    expect(v1!.items.map((i) => i.content)).toEqual([item(1).检查内容及标准, item(2).检查内容及标准]);
    expect(v1!.ref).toMatchObject({ version: 1, itemCount: 2, name: '版本测试', kind: 'independent' });
    expect((await readChecklistVersion(t.store, id, 2))!.items[1]!.content).toBe('新增的一项');
    expect(await readChecklistVersion(t.store, id, 3)).toBeUndefined();

    const stale = await qz.request('PUT', `/api/checklists/${id}/items`, { version: 1, items });
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toContain('第 2 版');

    const bad = await qz.request('PUT', `/api/checklists/${id}/items`, { version: 2, items: [{ stage: '储存' }] });
    expect(bad.status).toBe(400);
  });

  it('two editors saving the same version at once: one wins, the other gets a 409, nothing mixes', async () => {
    const made = await importList(qz, '并发.xlsx', await workbook([item(1)]));
    const id = made.body.checklistId as string;
    const edit = (who: string) =>
      qz.request('PUT', `/api/checklists/${id}/items`, {
        version: 1,
        items: Array.from({ length: 30 }, (_, n) => ({ stage: who, content: `${who}-${n}` })),
      });
    const answers = await Promise.all([edit('甲'), edit('乙')]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const v2 = await readChecklistVersion(t.store, id, 2);
    expect(new Set(v2!.items.map((i) => i.stage)).size).toBe(1);
    expect(v2!.items).toHaveLength(30);
  });

  it('deletes softly: off the list and the picker, but a task keeps its version', async () => {
    const made = await importList(qz, '将删除.xlsx', await workbook([item(1)]));
    const id = made.body.checklistId as string;
    expect(await usableChecklist(t.store, qzPrincipal, id, 'independent')).toBeDefined();
    const stale = await qz.post(`/api/checklists/${id}/delete`, { version: 9 });
    expect(stale.status).toBe(409);
    const gone = await qz.post(`/api/checklists/${id}/delete`, { version: 1 });
    expect(gone.status).toBe(200);
    expect((await qz.get(`/api/checklists/${id}`)).status).toBe(404);
    expect((await qz.post(`/api/checklists/${id}/delete`, { version: 1 })).status).toBe(404);
    const names = (await list(qz, '&limit=100')).body.items.map((c: { name: string }) => c.name);
    expect(names).not.toContain('将删除');
    expect(await usableChecklist(t.store, qzPrincipal, id, 'independent')).toBeUndefined();
    expect((await readChecklistVersion(t.store, id, 1))!.items).toHaveLength(1);
    // Each change has its audit record, written in the change's own transaction.
    const { data: audit } = await t.store.audit.records.query.byObject({ objectRef: `checklist:${id}` }).go();
    expect(audit.map((r) => r.action).sort()).toEqual(['checklist.create', 'checklist.delete']);
    expect(audit.every((r) => r.actorKey.includes(qzPrincipal.accountId))).toBe(true);
  });

  it('scope: the department sees its lists within and below; another region or department gets 404', async () => {
    const made = await importList(qz, '泉州范围.xlsx', await workbook([item(1)]));
    const id = made.body.checklistId as string;
    const provinceList = await importList(province, '全省通用.xlsx', await workbook([item(1, '运输')]));
    const pid = provinceList.body.checklistId as string;
    expect(provinceList.body.level).toBe('province');

    // 省直 sees the city's list (within); 晋江 sees the city's and the province's (above) but edits neither.
    expect((await province.get(`/api/checklists/${id}`)).body.canEdit).toBe(true);
    const jj = await jinjiang.get(`/api/checklists/${id}`);
    expect(jj.status).toBe(200);
    expect(jj.body.canEdit).toBe(false);
    const jjNames = (await list(jinjiang, '&limit=100')).body.items.map((c: { name: string }) => c.name);
    expect(jjNames).toEqual(expect.arrayContaining(['泉州范围', '全省通用']));
    const edit = await jinjiang.request('PUT', `/api/checklists/${id}/items`, {
      version: 1,
      items: [{ stage: '储存', content: 'x' }],
    });
    expect(edit.status).toBe(403);
    expect((await jinjiang.post(`/api/checklists/${pid}/delete`, { version: 1 })).status).toBe(403);

    // 厦门 (another city) and 泉州公安 (another department): as if it did not exist.
    for (const outsider of [xiamen, police]) {
      expect((await outsider.get(`/api/checklists/${id}`)).status).toBe(404);
      const put = await outsider.request('PUT', `/api/checklists/${id}/items`, {
        version: 1,
        items: [{ stage: '储存', content: 'x' }],
      });
      expect(put.status).toBe(404);
      expect((await outsider.post(`/api/checklists/${id}/delete`, { version: 1 })).status).toBe(404);
    }
    const xmNames = (await list(xiamen, '&limit=100')).body.items.map((c: { name: string }) => c.name);
    expect(xmNames).toContain('全省通用');
    expect(xmNames).not.toContain('泉州范围');
    expect((await list(police, '&limit=100')).body.items).toEqual([]);
    expect(await usableChecklist(t.store, policePrincipal, id, 'independent')).toBeUndefined();
  });

  it('joint lists are for every department of the jurisdiction, and only for joint tasks', async () => {
    const made = await importList(qz, '联合检查清单.xlsx', await workbook([item(1)]), 'joint');
    expect(made.status).toBe(201);
    const id = made.body.checklistId as string;
    const seen = await police.get('/api/checklists?category=hazchem&kind=joint');
    expect(seen.body.items.map((c: { checklistId: string }) => c.checklistId)).toContain(id);
    expect((await police.get(`/api/checklists/${id}`)).body.canEdit).toBe(false);
    expect(await usableChecklist(t.store, policePrincipal, id, 'joint')).toMatchObject({ ref: { kind: 'joint' } });
    expect(await usableChecklist(t.store, policePrincipal, id, 'independent')).toBeUndefined();
    expect((await xiamen.get(`/api/checklists/${id}`)).status).toBe(404);
    // Not in the independent list.
    const independent = (await list(qz, '&limit=100')).body.items.map((c: { checklistId: string }) => c.checklistId);
    expect(independent).not.toContain(id);
  });

  it('filters by 清单名称, 检查环节, 清单级别 and 清单创建单位, and pages', async () => {
    const byName = await list(province, `&name=${encodeURIComponent('储存企业')}`);
    expect(byName.body.error).toBeUndefined();
    expect(byName.body.items.map((c: { name: string }) => c.name)).toEqual(['危险化学品储存企业检查清单']);
    const byStage = await list(province, `&stage=${encodeURIComponent('运输')}&limit=100`);
    expect(byStage.body.items.map((c: { name: string }) => c.name)).toEqual(['全省通用']);
    const byLevel = await list(province, '&level=province&limit=100');
    expect(byLevel.body.items.every((c: { level: string }) => c.level === 'province')).toBe(true);
    const byUnit = await list(province, '&region=3505&limit=100');
    expect(byUnit.body.items.length).toBeGreaterThan(3);
    expect(byUnit.body.items.every((c: { regionCode: string }) => c.regionCode === '3505')).toBe(true);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { checklistId: string }[]; cursor: string | null } } = await list(
        province,
        `&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items.map((c) => c.checklistId));
      cursor = page.body.cursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe((await list(province, '&limit=100')).body.items.length);
    expect((await list(province, '&cursor=bm90LWEtY3Vyc29y')).status).toBe(400);
  });

  it('refuses enterprises and regulators who do not inspect (403), and a category the account lacks', async () => {
    const enterprise = await signedInAs(t.store, t.url, { kind: 'enterprise', enterpriseId: 'ent-x' });
    expect((await enterprise.get('/api/checklists?category=hazchem&kind=independent')).status).toBe(403);
    expect((await enterprise.post('/api/checklists/import', {})).status).toBe(403);
    const admin = await signedInAs(t.store, t.url, {
      kind: 'regulator',
      department: 'anjian',
      regionCode: '3505',
      categories: ['hazchem'],
      roles: ['inspector', 'dept-admin'],
    });
    expect((await admin.get('/api/checklists?category=hazchem&kind=independent')).status).toBe(403);
    expect((await qz.get('/api/checklists?category=fireworks&kind=independent')).status).toBe(403);
  });

  it('seeds a real checklist per category group, each item citing its clause, once', async () => {
    const regulators = demoRegulators(DEMO_SEED);
    expect(await writeDemoChecklists(t.store, regulators)).toBe(DEMO_CHECKLIST_IDS.length);
    expect(await writeDemoChecklists(t.store, regulators)).toBe(0);
    for (const id of DEMO_CHECKLIST_IDS) {
      const v = await readChecklistVersion(t.store, id, 1);
      expect(v!.items.length, id).toBeGreaterThanOrEqual(8);
      expect(v!.items.length, id).toBeLessThanOrEqual(20);
      expect(
        v!.items.every((i) => /^《.+》第/.test(i.basis ?? '')),
        id,
      ).toBe(true);
    }
  });
});
