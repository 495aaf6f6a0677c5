/**
 * What a demo enterprise of each segment looks like: how common it is, the trade words of its name, its
 * 经营范围, its licence (number format, issuer level, term, 从业范围) and its staff (岗位 → certificates).
 * Demo-only knowledge, kept out of shared/reference: the formats imitate real ones but are not checked
 * against any register. Typed by every segment key, so a segment added to shared/reference/segments.ts
 * does not compile until it has a profile here.
 */
import type { CategoryCode } from '../../shared/reference/categories';
import type { CertificateTypeCode } from '../../shared/reference/certificates';
import type { UnitTypeCode } from '../../shared/reference/enterprise-options';
import type { SegmentCode } from '../../shared/reference/segments';
import { pad } from './rng';

export type SegmentKeyString = { [C in CategoryCode]: `${C}/${SegmentCode<C>}` }[CategoryCode];

/** How the name is built: a company, a 个体 shop, a filling station, or a shooting/hunting unit. */
export type NameStyle = 'company' | 'shop' | 'station' | 'firearms-user';

export interface NumberContext {
  year: number;
  seq: number;
  cityCode: string;
  /** The city's one-character abbreviation used in licence numbers: 榕 厦 莆 明 泉 漳 延 龙 宁. */
  abbr: string;
}

export interface Profile {
  /** Relative share of enterprises whose main segment this is (after every segment has one). */
  weight: number;
  style: NameStyle;
  trades: readonly string[];
  unitTypes?: readonly (readonly [UnitTypeCode, number])[];
  scope: readonly string[];
  licenceScope?: readonly string[];
  licenceYears: number;
  /** Who issues: a fixed national body, or the licence department's office at this level. */
  issuer: { nation: string } | { level: 'province' | 'city' | 'county'; office?: string };
  /** Licences whose numbers share a sequence (same format family); default: the licence name. */
  family?: string;
  licenceNo: (x: NumberContext) => string;
  /** [岗位, certificates held, weight]. */
  staff: readonly (readonly [string, readonly CertificateTypeCode[], number])[];
  /** Second segments commonly held with this one, with their probability. */
  also?: readonly (readonly [SegmentKeyString, number])[];
}

const LAW = '（依法须经批准的项目，经相关部门批准后方可开展经营活动）';

/** Default 单位类型 mix for a company. */
export const COMPANY_UNIT_TYPES: readonly (readonly [UnitTypeCode, number])[] = [
  ['limited-liability', 55],
  ['private', 12],
  ['joint-stock', 8],
  ['state-owned', 8],
  ['collective', 3],
  ['foreign-invested', 4],
  ['hmt-invested', 3],
  ['whole-people', 2],
  ['sole-proprietorship', 3],
];

const DRIVERS = [
  ['驾驶员', ['driving-licence', 'dangerous-goods-driver'], 5],
  ['押运员', ['escort'], 4],
  ['安全管理人员', [], 1],
] as const;

const HAZCHEM_STAFF = [
  ['主要负责人', ['hazchem-safety-manager'], 1],
  ['安全管理人员', ['hazchem-safety-manager'], 2],
  ['操作工', ['special-operation'], 4],
  ['仓库保管员', [], 2],
] as const;

const TRANSPORT_LICENCE = (x: NumberContext) => `闽交运管许可${x.abbr}字${x.cityCode}00${pad(x.seq, 6)}号`;
const ROAD = { level: 'city', office: '道路运输管理处' } as const;

export const PROFILES: Record<SegmentKeyString, Profile> = {
  'firearms/manufacture': {
    weight: 0.3,
    style: 'company',
    trades: ['运动器材制造', '枪弹制造'],
    unitTypes: [
      ['state-owned', 3],
      ['limited-liability', 2],
    ],
    scope: [`民用枪支、弹药制造（凭有效许可证件经营）；体育用品及器材制造。${LAW}`],
    licenceYears: 5,
    issuer: { level: 'province' },
    licenceNo: (x) => `（闽）公枪制字〔${x.year}〕第${pad(x.seq, 3)}号`,
    staff: [
      ['枪支保管员', ['firearms-custodian'], 2],
      ['操作工', [], 4],
      ['安全管理人员', ['firearms-custodian'], 1],
    ],
  },
  'firearms/distribution': {
    weight: 1,
    style: 'company',
    trades: ['体育用品', '枪弹经销'],
    scope: [`民用枪支、弹药配售（凭有效许可证件经营）；体育用品、户外用品销售。${LAW}`],
    licenceYears: 3,
    issuer: { level: 'province' },
    licenceNo: (x) => `（闽）公枪配字〔${x.year}〕第${pad(x.seq, 3)}号`,
    staff: [
      ['枪支保管员', ['firearms-custodian'], 2],
      ['销售员', [], 2],
    ],
  },
  'firearms/use': {
    weight: 2,
    style: 'firearms-user',
    trades: ['射击俱乐部'],
    scope: [`射击运动训练、比赛组织服务；射击场经营管理；体育健身服务。${LAW}`],
    licenceYears: 3,
    issuer: { level: 'city' },
    licenceNo: (x) => `闽公持枪字第${x.cityCode}${pad(x.seq, 5)}号`,
    staff: [
      ['枪支保管员', ['firearms-custodian'], 2],
      ['教练员', [], 2],
      ['安全管理人员', ['firearms-custodian'], 1],
    ],
  },
  'firearms/disposal': {
    weight: 0.3,
    style: 'company',
    trades: ['物资回收', '再生资源'],
    scope: [`报废枪支弹药回收、销毁处置服务（凭公安机关批准文件）；废旧金属回收。${LAW}`],
    licenceYears: 3,
    issuer: { level: 'city' },
    licenceNo: (x) => `${x.abbr}公枪处字〔${x.year}〕第${pad(x.seq, 3)}号`,
    staff: [
      ['枪支保管员', ['firearms-custodian'], 1],
      ['操作工', [], 2],
    ],
  },
  'firearms/nail-gun': {
    weight: 1,
    style: 'company',
    trades: ['五金机电', '建材五金'],
    scope: [`射钉器、射钉弹销售（凭公安机关许可）；五金交电、建筑材料批发、零售。${LAW}`],
    licenceYears: 3,
    issuer: { level: 'city' },
    licenceNo: (x) => `${x.abbr}公射钉字〔${x.year}〕第${pad(x.seq, 3)}号`,
    staff: [
      ['销售员', [], 3],
      ['仓库保管员', [], 1],
    ],
  },
  'firearms/controlled-knife': {
    weight: 1,
    style: 'company',
    trades: ['刀剪', '刀具'],
    scope: [`刀剪、厨具制造、销售；管制刀具销售（凭公安机关许可）。${LAW}`],
    licenceYears: 3,
    issuer: { level: 'city' },
    licenceNo: (x) => `${x.abbr}公刀字〔${x.year}〕第${pad(x.seq, 3)}号`,
    staff: [
      ['销售员', [], 3],
      ['操作工', [], 2],
    ],
  },
  'firearms/crossbow': {
    weight: 0.5,
    style: 'company',
    trades: ['体育用品', '户外用品'],
    scope: [`体育用品、运动弩销售（凭公安机关许可）；户外用品零售。${LAW}`],
    licenceYears: 3,
    issuer: { level: 'city' },
    licenceNo: (x) => `${x.abbr}公弩字〔${x.year}〕第${pad(x.seq, 3)}号`,
    staff: [['销售员', [], 1]],
  },
  'hazchem/production': {
    weight: 6,
    style: 'company',
    trades: ['化工', '化学', '石化', '新材料', '氟化工', '氯碱'],
    scope: [
      `化工原料及产品（危险化学品品种详见《安全生产许可证》）生产、销售；化工技术研发。${LAW}`,
      `烧碱、液氯、盐酸、次氯酸钠溶液生产、销售（凭《安全生产许可证》经营）。${LAW}`,
    ],
    licenceYears: 3,
    issuer: { level: 'province' },
    licenceNo: (x) => `（闽）WH安许证字〔${x.year}〕${pad(x.seq, 4)}号`,
    staff: HAZCHEM_STAFF,
    also: [
      ['hazchem/storage', 0.2],
      ['hazchem/business', 0.15],
    ],
  },
  'hazchem/storage': {
    weight: 3,
    style: 'company',
    trades: ['仓储', '石化仓储', '物流仓储'],
    scope: [`危险化学品仓储（凭《危险化学品经营许可证》经营）；普通货物仓储服务；装卸搬运。${LAW}`],
    licenceScope: ['汽油、柴油、石脑油（带储存设施）', '甲醇、乙醇、丙酮（带储存设施）', '液氨、液氯（带储存设施）'],
    licenceYears: 3,
    issuer: { level: 'city' },
    family: '危险化学品经营许可证',
    licenceNo: (x) => `闽${x.abbr}危化经字〔${x.year}〕${pad(x.seq, 6)}`,
    staff: HAZCHEM_STAFF,
  },
  'hazchem/port': {
    weight: 1,
    style: 'company',
    trades: ['港务', '码头', '港口储运'],
    scope: [`港口货物装卸、仓储（含危险货物，凭《港口经营许可证》及附证经营）；船舶港口服务。${LAW}`],
    licenceScope: ['原油、成品油装卸、储存', '液化石油气装卸', '散装液体化学品装卸、储存'],
    licenceYears: 3,
    issuer: { level: 'city', office: '港口管理局' },
    licenceNo: (x) => `（闽${x.abbr}）港危证（${pad(x.seq, 4)}）号`,
    staff: [
      ['装卸管理人员', ['special-operation'], 3],
      ['安全管理人员', ['hazchem-safety-manager'], 1],
      ['操作工', ['special-operation'], 3],
    ],
  },
  'hazchem/transport': {
    weight: 6,
    style: 'company',
    trades: ['危险品运输', '化工物流', '汽车运输'],
    scope: [`道路危险货物运输（2类1项、2类2项、3类、8类）；道路普通货物运输。${LAW}`],
    licenceScope: ['2类1项、2类2项、3类', '3类、8类', '2类、3类、4类、5类、6类1项、8类、9类'],
    licenceYears: 4,
    issuer: ROAD,
    family: '道路运输经营许可证',
    licenceNo: TRANSPORT_LICENCE,
    staff: DRIVERS,
    also: [['transport/transport', 0.5]],
  },
  'hazchem/business': {
    weight: 14,
    style: 'company',
    trades: ['化工贸易', '化工原料', '燃气', '石油化工', '贸易'],
    scope: [
      `危险化学品经营（不带储存设施，品种详见《危险化学品经营许可证》）；化工原料及产品（不含危险化学品）批发、零售。${LAW}`,
      `瓶装液化石油气经营（凭《危险化学品经营许可证》）；燃气器具销售、安装。${LAW}`,
    ],
    licenceScope: [
      '汽油、柴油、甲醇、乙醇',
      '盐酸、硫酸、氢氧化钠、过氧化氢',
      '液化石油气（瓶装）',
      '丙酮、甲苯、二甲苯、乙酸乙酯',
    ],
    licenceYears: 3,
    issuer: { level: 'city' },
    family: '危险化学品经营许可证',
    licenceNo: (x) => `闽${x.abbr}危化经字〔${x.year}〕${pad(x.seq, 6)}`,
    staff: [
      ['主要负责人', ['hazchem-safety-manager'], 1],
      ['安全管理人员', ['hazchem-safety-manager'], 2],
      ['销售员', [], 3],
    ],
    also: [['hazchem/storage', 0.1]],
  },
  'hazchem/use': {
    weight: 6,
    style: 'company',
    trades: ['电子', '制药', '印染', '合成革', '电镀', '食品'],
    scope: [
      `合成革、塑料制品生产（使用的危险化学品详见《危险化学品安全使用许可证》）。${LAW}`,
      `电子元器件、电镀件加工（使用危险化学品）。${LAW}`,
    ],
    licenceScope: ['液氨', '氯气', '氰化钠', '硝酸、硫酸、盐酸'],
    licenceYears: 3,
    issuer: { level: 'city' },
    licenceNo: (x) => `（闽）WH使许证字〔${x.year}〕${pad(x.seq, 4)}号`,
    staff: HAZCHEM_STAFF,
  },
  'hazchem/disposal': {
    weight: 1.5,
    style: 'company',
    trades: ['环保科技', '固废处置', '环境服务'],
    scope: [`危险废物收集、贮存、处置（凭《危险废物经营许可证》经营）；环保技术咨询服务。${LAW}`],
    licenceScope: ['HW06、HW08、HW12、HW17、HW49 收集、贮存、焚烧处置', 'HW34、HW35 收集、贮存、物化处置'],
    licenceYears: 5,
    issuer: { level: 'province' },
    licenceNo: (x) => `闽环危废证〔${x.year}〕第${pad(x.seq, 3)}号`,
    staff: HAZCHEM_STAFF,
  },
  'explosives/production': {
    weight: 0.5,
    style: 'company',
    trades: ['民爆化工', '化工', '爆破器材'],
    unitTypes: [
      ['state-owned', 3],
      ['joint-stock', 2],
      ['limited-liability', 3],
    ],
    scope: [`民用爆炸物品生产（品种及产量详见《民用爆炸物品生产许可证》）；化工产品（不含危险化学品）销售。${LAW}`],
    licenceScope: ['乳化炸药（胶状）', '工业电子雷管', '膨化硝铵炸药、乳化炸药'],
    licenceYears: 3,
    issuer: { nation: '中华人民共和国工业和信息化部' },
    licenceNo: (x) => `MB生许证字〔${pad(x.seq, 3)}〕号`,
    staff: [
      ['操作工', ['special-operation'], 4],
      ['仓库保管员', [], 1],
      ['安全管理人员', [], 1],
    ],
    also: [['explosives/sales', 0.4]],
  },
  'explosives/transport': {
    weight: 1.5,
    style: 'company',
    trades: ['民爆运输', '危险品运输', '物流'],
    scope: [`道路危险货物运输（1类1项）；民用爆炸物品运输。${LAW}`],
    licenceScope: ['1类1项（民用爆炸物品）'],
    licenceYears: 4,
    issuer: ROAD,
    family: '道路运输经营许可证',
    licenceNo: TRANSPORT_LICENCE,
    staff: DRIVERS,
    also: [['transport/transport', 0.5]],
  },
  'explosives/sales': {
    weight: 1,
    style: 'company',
    trades: ['民爆器材', '民爆物品经营', '民用爆破器材'],
    unitTypes: [
      ['state-owned', 2],
      ['limited-liability', 3],
    ],
    scope: [`民用爆炸物品销售（凭《民用爆炸物品销售许可证》经营）；爆破器材仓储服务。${LAW}`],
    licenceYears: 3,
    issuer: { level: 'province' },
    licenceNo: (x) => `（闽）MB销许证字〔${pad(x.seq, 3)}〕号`,
    staff: [
      ['仓库保管员', [], 2],
      ['销售员', [], 2],
      ['安全管理人员', [], 1],
    ],
    also: [['explosives/transport', 0.3]],
  },
  'explosives/use': {
    weight: 5,
    style: 'company',
    trades: ['爆破工程', '矿业', '石料', '建设工程', '采石'],
    scope: [
      `爆破作业（凭《爆破作业单位许可证》经营）；土石方工程施工；矿山工程施工。${LAW}`,
      `建筑用花岗岩开采、加工、销售（凭有效许可证经营）。${LAW}`,
    ],
    licenceScope: ['营业性爆破作业（一级）', '营业性爆破作业（二级）', '营业性爆破作业（三级）', '非营业性爆破作业'],
    licenceYears: 3,
    issuer: { level: 'city' },
    // The seed's 爆破作业许可 numbers: 3504001300139 = city + '00' + '1300' + sequence.
    licenceNo: (x) => `${x.cityCode}001300${pad(x.seq, 3)}`,
    staff: [
      ['爆破员', ['blasting-operator'], 5],
      ['安全员', ['blasting-operator'], 2],
      ['保管员', ['blasting-operator'], 2],
      ['爆破工程技术人员', ['blasting-operator'], 1],
    ],
  },
  'bulk-gasoline/filling-station': {
    weight: 14,
    style: 'station',
    trades: ['加油站'],
    scope: [`汽油、柴油零售（凭《成品油零售经营批准证书》经营）；润滑油、日用百货零售。${LAW}`],
    licenceYears: 5,
    issuer: { level: 'province' },
    licenceNo: (x) => `油零售证书第35${pad(x.seq, 5)}号`,
    staff: [
      ['站长', ['hazchem-safety-manager'], 1],
      ['安全员', ['hazchem-safety-manager'], 1],
      ['加油员', [], 4],
      ['卸油员', ['special-operation'], 1],
    ],
  },
  'radioactive/production': {
    weight: 0.5,
    style: 'company',
    trades: ['同位素', '核技术'],
    scope: [`放射性同位素生产、销售（凭《辐射安全许可证》经营）；核技术应用研发。${LAW}`],
    licenceScope: ['生产、销售、使用Ⅴ类放射源', '生产、销售非密封放射性物质（乙级）'],
    licenceYears: 5,
    issuer: { level: 'province' },
    family: '辐射安全许可证',
    licenceNo: (x) => `闽环辐证〔${pad(x.seq, 5)}〕`,
    staff: [
      ['辐射工作人员', ['radiation-safety'], 5],
      ['辐射安全管理人员', ['radiation-safety'], 1],
    ],
  },
  'radioactive/business': {
    weight: 1,
    style: 'company',
    trades: ['医疗器械', '核技术应用'],
    scope: [`放射性同位素、射线装置销售（凭《辐射安全许可证》经营）；医疗器械销售。${LAW}`],
    licenceScope: ['销售Ⅳ类、Ⅴ类放射源', '销售Ⅱ类、Ⅲ类射线装置'],
    licenceYears: 5,
    issuer: { level: 'province' },
    family: '辐射安全许可证',
    licenceNo: (x) => `闽环辐证〔${pad(x.seq, 5)}〕`,
    staff: [
      ['辐射工作人员', ['radiation-safety'], 3],
      ['销售员', [], 2],
    ],
  },
  'radioactive/transport': {
    weight: 0.5,
    style: 'company',
    trades: ['放射性物品运输', '危险品运输'],
    scope: [`道路危险货物运输（7类）；放射性物品道路运输。${LAW}`],
    licenceScope: ['7类（放射性物品）'],
    licenceYears: 4,
    issuer: ROAD,
    family: '道路运输经营许可证',
    licenceNo: TRANSPORT_LICENCE,
    staff: [
      ['驾驶员', ['driving-licence', 'dangerous-goods-driver', 'radiation-safety'], 5],
      ['押运员', ['escort', 'radiation-safety'], 4],
    ],
    also: [['transport/transport', 0.5]],
  },
  'radioactive/use': {
    weight: 4,
    style: 'company',
    trades: ['无损检测', '检测技术', '工程检测'],
    scope: [`工业无损检测（使用Ⅱ类射线装置，凭《辐射安全许可证》）；检测技术服务。${LAW}`],
    licenceScope: ['使用Ⅱ类、Ⅲ类射线装置', '使用Ⅳ类、Ⅴ类放射源', '使用Ⅲ类射线装置'],
    licenceYears: 5,
    issuer: { level: 'province' },
    family: '辐射安全许可证',
    licenceNo: (x) => `闽环辐证〔${pad(x.seq, 5)}〕`,
    staff: [
      ['辐射工作人员', ['radiation-safety'], 5],
      ['辐射安全管理人员', ['radiation-safety'], 1],
    ],
  },
  'radioactive/disposal': {
    weight: 0.2,
    style: 'company',
    trades: ['核环保', '放射性废物处置'],
    unitTypes: [['state-owned', 1]],
    scope: [`放射性固体废物收贮、处置（凭《放射性固体废物处置许可证》经营）。${LAW}`],
    licenceYears: 10,
    issuer: { nation: '中华人民共和国环境保护部' },
    licenceNo: (x) => `环放废证〔${x.year}〕${pad(x.seq, 3)}号`,
    staff: [['辐射工作人员', ['radiation-safety'], 1]],
  },
  'fireworks/wholesale': {
    weight: 2,
    style: 'company',
    trades: ['烟花爆竹批发', '烟花爆竹贸易', '烟花炮竹'],
    scope: [`烟花爆竹批发（凭《烟花爆竹经营（批发）许可证》经营）；日用百货销售。${LAW}`],
    licenceScope: ['A级、B级、C级、D级烟花爆竹', 'C级、D级烟花爆竹'],
    licenceYears: 3,
    issuer: { level: 'city' },
    licenceNo: (x) => `（闽）YH批发证字〔${x.year}〕${pad(x.seq, 4)}号`,
    staff: [
      ['主要负责人', ['fireworks-safety-manager'], 1],
      ['安全管理人员', ['fireworks-safety-manager'], 1],
      ['仓库保管员', ['special-operation'], 2],
    ],
    also: [
      ['fireworks/transport', 0.3],
      ['fireworks/retail', 0.2],
    ],
  },
  'fireworks/retail': {
    weight: 12,
    style: 'shop',
    trades: ['烟花爆竹'],
    unitTypes: [
      ['individual', 8],
      ['sole-proprietorship', 1],
      ['private', 1],
    ],
    scope: [`烟花爆竹零售（凭《烟花爆竹经营（零售）许可证》经营）；烟酒、日用百货零售。${LAW}`],
    licenceScope: ['C级、D级烟花爆竹零售'],
    licenceYears: 2,
    issuer: { level: 'county' },
    licenceNo: (x) => `（闽${x.abbr}）YH零售证字〔${x.year}〕${pad(x.seq, 5)}号`,
    staff: [
      ['负责人', ['fireworks-safety-manager'], 1],
      ['营业员', [], 1],
    ],
  },
  'fireworks/transport': {
    weight: 1.5,
    style: 'company',
    trades: ['烟花爆竹运输', '危险品运输'],
    scope: [`道路危险货物运输（1类4项）；烟花爆竹道路运输。${LAW}`],
    licenceScope: ['1类4项（烟花爆竹）'],
    licenceYears: 4,
    issuer: ROAD,
    family: '道路运输经营许可证',
    licenceNo: TRANSPORT_LICENCE,
    staff: DRIVERS,
    also: [['transport/transport', 0.5]],
  },
  'fireworks/display': {
    weight: 1,
    style: 'company',
    trades: ['焰火燃放', '礼仪庆典', '焰火艺术'],
    scope: [`焰火燃放（凭《焰火燃放许可证》作业）；礼仪庆典服务；舞台灯光设计。${LAW}`],
    licenceScope: ['A级焰火燃放', 'B级焰火燃放', 'C级焰火燃放'],
    licenceYears: 1,
    issuer: { level: 'county' },
    licenceNo: (x) => `${x.abbr}公焰燃字〔${x.year}〕第${pad(x.seq, 3)}号`,
    staff: [
      ['燃放作业人员', ['display-operator'], 4],
      ['安全员', ['display-operator'], 1],
    ],
  },
  'an-fertiliser/production': {
    weight: 1,
    style: 'company',
    trades: ['复合肥', '肥业', '化肥'],
    scope: [`复混肥料（含硝酸铵类）生产、销售（凭《全国工业产品生产许可证》经营）；化肥销售。${LAW}`],
    licenceScope: ['复混肥料（含硝酸铵）'],
    licenceYears: 5,
    issuer: { level: 'province' },
    licenceNo: (x) => `XK13-001-${pad(x.seq, 5)}`,
    staff: [
      ['操作工', ['special-operation'], 4],
      ['安全管理人员', ['hazchem-safety-manager'], 1],
      ['仓库保管员', [], 1],
    ],
    also: [['an-fertiliser/sales', 0.4]],
  },
  'an-fertiliser/sales': {
    weight: 2,
    style: 'company',
    trades: ['农资', '农业生产资料', '农资连锁'],
    unitTypes: [
      ['collective', 3],
      ['limited-liability', 4],
      ['private', 2],
    ],
    scope: [`化肥、硝酸铵类复混肥、农药（不含危险化学品）、农膜批发、零售。${LAW}`],
    licenceYears: 3,
    issuer: { level: 'city' },
    licenceNo: (x) => `闽供销复肥备字〔${x.year}〕${pad(x.seq, 4)}号`,
    staff: [
      ['销售员', [], 3],
      ['仓库保管员', [], 1],
    ],
  },
  'transport/transport': {
    weight: 5,
    style: 'company',
    trades: ['危险货物运输', '物流', '汽车运输', '危货运输'],
    scope: [`道路危险货物运输（1类、2类、3类、8类）；道路普通货物运输；货物专用运输（集装箱）。${LAW}`],
    licenceScope: ['2类1项、2类2项、3类、8类', '1类、2类、3类、8类', '2类、3类、4类、5类、6类1项、8类、9类'],
    licenceYears: 4,
    issuer: ROAD,
    family: '道路运输经营许可证',
    licenceNo: TRANSPORT_LICENCE,
    staff: DRIVERS,
  },
};

/** How each certificate's number and issuer look. `seq` runs per certificate type. */
export const CERTIFICATE_FORMATS: Record<
  CertificateTypeCode,
  {
    number: (x: { idCardNo: string; cityCode: string; year: number; seq: number }) => string;
    issuer: (city: string) => string;
  }
> = {
  // Driving licences and road-transport qualifications are numbered by the holder's 身份证号.
  'driving-licence': { number: (x) => x.idCardNo, issuer: (c) => `${c}公安局交通警察支队车辆管理所` },
  'dangerous-goods-driver': { number: (x) => x.idCardNo, issuer: (c) => `${c}道路运输管理处` },
  escort: { number: (x) => x.idCardNo, issuer: (c) => `${c}道路运输管理处` },
  'special-operation': { number: (x) => `T${x.idCardNo}`, issuer: (c) => `${c}安全生产监督管理局` },
  'blasting-operator': {
    number: (x) => `${x.cityCode}00${String(x.year).slice(2)}${pad(x.seq, 5)}`,
    issuer: (c) => `${c}公安局`,
  },
  'hazchem-safety-manager': {
    number: (x) => `${x.cityCode}${x.year}${pad(x.seq, 6)}`,
    issuer: (c) => `${c}安全生产监督管理局`,
  },
  'fireworks-safety-manager': {
    number: (x) => `YH${x.cityCode}${x.year}${pad(x.seq, 5)}`,
    issuer: (c) => `${c}安全生产监督管理局`,
  },
  'radiation-safety': {
    number: (x) => `FS${String(x.year).slice(2)}${x.cityCode}${pad(x.seq, 5)}`,
    issuer: () => '福建省辐射环境监督站',
  },
  'firearms-custodian': {
    number: (x) => `闽公枪管${String(x.year).slice(2)}${pad(x.seq, 5)}`,
    issuer: (c) => `${c}公安局`,
  },
  'display-operator': { number: (x) => `YHRF${String(x.year).slice(2)}${pad(x.seq, 5)}`, issuer: (c) => `${c}公安局` },
};
