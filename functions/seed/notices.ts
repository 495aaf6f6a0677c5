/**
 * Demo data of 归口通报 and 企业自纠自查隐患 (issue 11): notices between the demo inspectors' departments — some
 * read, some answered, some still 未读 — and self-inspection lines of the demo enterprise (README: Demo data
 * and accounts) and a few others in every 整改状态, one of them past its 整改时限. Written through the contexts'
 * own functions, so the list rows, receipts, audit records and NoticeSent events (hence the receivers' 消息) are
 * what the running platform would have written. Run once, after the register and the accounts; a run that
 * finds the first demo notice already sent writes nothing.
 */
import type { Regulator, EnterpriseAccount } from '../lib/auth/principal';
import { sendNotice } from '../notices/send';
import { markRead, replyToNotice } from '../notices/receipts';
import { addEntry, updateEntry } from '../self-inspections/register';
import { categoriesOf } from '../lib/register/scope';
import { addDays, todayInChina } from '../../shared/validation/dates';
import type { Store } from '../store';
import type { DemoData, DemoRegulator } from './generate';

const ctx = { requestId: 'seed-notices', sourceIp: '-' };

function regulator(r: DemoRegulator): Regulator {
  return {
    kind: 'regulator',
    accountId: `reg-${r.mobile}`,
    sessionId: 'seed',
    login: r.mobile,
    name: r.name,
    stage: 'active',
    department: r.department,
    regionCode: r.regionCode,
    categories: r.categories,
    roles: r.roles,
    category: r.categories[0]!,
  };
}

/** The demo's city inspector of `department` in `city` (seeded for 泉州 3505 and 三明 3504). */
function inspector(data: DemoData, department: string, city: string): Regulator | undefined {
  const r = data.regulators.find(
    (x) => x.department === department && x.regionCode === city && x.roles.includes('inspector'),
  );
  return r ? regulator(r) : undefined;
}

/** Enterprises of `city` in `category`, in the register's order. */
const enterprisesIn = (data: DemoData, city: string, category: string) =>
  data.enterprises.filter((e) => e.regionCode.startsWith(city) && categoriesOf(e.segments).includes(category));

export async function seedNoticesAndSelfInspections(store: Store, data: DemoData): Promise<void> {
  const ajQz = inspector(data, 'anjian', '3505');
  const gaQz = inspector(data, 'gongan', '3505');
  const ajSm = inspector(data, 'anjian', '3504');
  const gaSm = inspector(data, 'gongan', '3504');
  const [e1, e2, e3] = enterprisesIn(data, '3505', 'hazchem');
  const [e4] = enterprisesIn(data, '3504', 'hazchem');
  if (ajQz && gaQz && e1 && e2) {
    const { data: already } = await store.noticeListings.query.byList({ listKey: `sent#anjian#3505` }).go({ limit: 1 });
    if (already.length > 0) return;
    // 安监泉州 → 公安, 交通: 公安 has read it and answered; 交通 not yet.
    const n1 = await sendNotice(
      store,
      ajQz,
      {
        receivers: ['gongan', 'jiaotong'],
        enterpriseId: e1.id,
        description: '储存场所未按规定设置安全警示标志，部分消防器材过期未更换，剧毒化学品未实行双人双锁管理。',
        result: '已责令企业立即整改，限期 7 日内完成；请公安部门协同督查剧毒化学品的管理。',
        attachmentIds: [],
      },
      ctx,
    );
    await markRead(store, gaQz, n1.noticeId, ctx);
    await replyToNotice(store, gaQz, n1.noticeId, '已派员到企业核查剧毒化学品双人双锁落实情况，企业已整改到位。', ctx);
    // 公安泉州 → 安监, 工商: read by 安监, not answered.
    const n2 = await sendNotice(
      store,
      gaQz,
      {
        receivers: ['anjian', 'gongshang'],
        enterpriseId: e2.id,
        description: '企业危险化学品购买登记台账不全，流向记录与实际库存不符。',
        result: '已约谈企业负责人，要求补齐台账；请安监部门在年度检查中重点核查。',
        attachmentIds: [],
      },
      ctx,
    );
    await markRead(store, ajQz, n2.noticeId, ctx);
    // 安监泉州 → 质监: 未读.
    if (e3) {
      await sendNotice(
        store,
        ajQz,
        {
          receivers: ['zhijian'],
          enterpriseId: e3.id,
          description: '压力容器（储罐）未按期检验，检验标志已过期。',
          result: '已要求企业停用相关储罐并尽快申请检验，请质监部门跟进。',
          attachmentIds: [],
        },
        ctx,
      );
    }
  }
  // 公安三明 → 安监: read and answered by 安监三明.
  if (gaSm && ajSm && e4) {
    const n4 = await sendNotice(
      store,
      gaSm,
      {
        receivers: ['anjian'],
        enterpriseId: e4.id,
        description: '企业运输车辆未按规定安装卫星定位装置。',
        result: '已移交交通部门处理，请安监部门督促企业落实主体责任。',
        attachmentIds: [],
      },
      ctx,
    );
    await markRead(store, ajSm, n4.noticeId, ctx);
    await replyToNotice(store, ajSm, n4.noticeId, '已约谈企业主要负责人，企业承诺 15 日内完成整改。', ctx);
  }
  await seedSelfInspections(store, data);
}

/**
 * 企业自纠自查隐患 of the demo enterprise (the first enterprise login) and two others: 未整改 (one past its
 * 整改时限), 整改中, and 已整改. The 已整改 lines carry their 整改情况 but no photo: the seed has no file store
 * to put one in, so it sets their state directly — the running platform refuses 整改完成 without evidence.
 */
async function seedSelfInspections(store: Store, data: DemoData): Promise<void> {
  const today = todayInChina();
  const accounts = data.enterpriseAccounts.slice(0, 3);
  for (const [i, a] of accounts.entries()) {
    const p: EnterpriseAccount = {
      kind: 'enterprise',
      accountId: `ent-${a.enterpriseId}`,
      sessionId: 'seed',
      login: a.login,
      name: a.informant.name,
      stage: 'active',
      enterpriseId: a.enterpriseId,
    };
    const lines = [
      {
        location: '一号仓库东侧',
        classification: 'site',
        description: '灭火器压力不足，部分已失效',
        cause: '未按月检查消防器材',
        deadline: addDays(today, -5 - i),
        difficulty: 'easy',
        status: 'pending',
      },
      {
        location: '装卸作业区',
        classification: 'site',
        description: '装卸区防静电接地线断开',
        cause: '设备老化，巡检不到位',
        deadline: addDays(today, 10),
        difficulty: 'normal',
        status: 'rectifying',
      },
      {
        location: '安全管理办公室',
        classification: 'basic',
        description: '安全生产责任制未更新，新任负责人未签订责任书',
        cause: '人员变动后未及时修订制度',
        deadline: addDays(today, 20),
        difficulty: 'easy',
        status: 'pending',
      },
      {
        location: '二号库房',
        classification: 'site',
        description: '库房通风设施损坏',
        cause: '风机电机烧毁',
        deadline: addDays(today, -20),
        difficulty: 'hard',
        status: 'pending',
      },
    ] as const;
    const added = [];
    for (const line of lines) added.push(await addEntry(store, p, { ...line }, ctx));
    // 整改中: through 编辑, as the enterprise would.
    const rectifying = added[1]!;
    await updateEntry(store, p, rectifying.entryId, { ...lines[1], version: rectifying.version }, ctx);
    const done = added[3]!;
    await store.selfInspections
      .patch({ enterpriseId: a.enterpriseId, entryId: done.entryId })
      .set({
        status: 'done',
        rectification: '已更换风机电机并试运行正常，通风恢复。',
        rectifiedAt: new Date().toISOString(),
        rectifiedByName: p.name,
        attachmentIds: [],
      })
      .add({ version: 1 })
      .go();
  }
}
