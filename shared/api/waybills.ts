/**
 * Contracts of 电子托运单 (issue 13 §4; 交通运输部令2019年第29号 for the fields the seed does not show): the shipper's
 * form, the lifecycle 草稿 → 已提交 → 运输中 (已发车) → 已到达 → 已签收 or 已作废, corrections as new versions, the
 * receiver's 签收 (which books its 入库), the lists, the public check page behind the printed QR code, the chain of
 * custody of a code (溯源管理) and the regulators' 物品流向. The web's forms validate with the same schemas.
 */
import * as z from 'zod/mini';
import { CATEGORY_CODES } from '../reference/categories';
import { isRegionCode } from '../reference/regions';
import { phoneSchema } from '../validation/phone';
import { isIsoDate } from '../validation/dates';
import { usccSchema } from '../validation/uscc';
import { quantity } from './ledger';
import { pageQueryFields } from './paging';

/** Unguessable: 128 random bits, so the public check page can't be walked. */
export const WAYBILL_ID_PATTERN = /^wb-[0-9a-f]{32}$/;

export const WAYBILL_STATUSES = ['draft', 'submitted', 'in-transit', 'arrived', 'signed', 'voided'] as const;
export type WaybillStatus = (typeof WAYBILL_STATUSES)[number];

/** The seed's / the regulation's words for each state. */
export const WAYBILL_STATUS_NAMES: Record<WaybillStatus, string> = {
  draft: '草稿',
  submitted: '已提交',
  'in-transit': '运输中',
  arrived: '已到达',
  signed: '已签收',
  voided: '已作废',
};

/** The moves of the lifecycle: from which states each is allowed, and the state it leads to. */
export const WAYBILL_MOVES = {
  submit: { from: ['draft'], to: 'submitted', label: '提交' },
  depart: { from: ['submitted'], to: 'in-transit', label: '发车' },
  arrive: { from: ['in-transit'], to: 'arrived', label: '到达' },
  void: { from: ['draft', 'submitted'], to: 'voided', label: '作废' },
} as const satisfies Record<string, { from: readonly WaybillStatus[]; to: WaybillStatus; label: string }>;
export type WaybillMove = keyof typeof WAYBILL_MOVES;

/** A correction (a new version, the old one kept) while the waybill is not yet signed or voided. */
export const CORRECTABLE: readonly WaybillStatus[] = ['draft', 'submitted', 'in-transit', 'arrived'];

/** 车牌颜色 (GB 7258 / JT/T 697.7). */
export const PLATE_COLOURS = ['黄色', '蓝色', '黑色', '白色', '绿色', '黄绿色', '渐变绿色'] as const;
/** 包装类别 (GB 12268): I 高度危险, II 中度, III 轻度; 无 for goods without one (e.g. class 2 gases). */
export const PACKING_GROUPS = ['I', 'II', 'III', '无'] as const;
/** The most codes one waybill carries: each is a custody event in the submitting transaction (≤ 100 items). */
export const MAX_WAYBILL_CODES = 60;

const text = (label: string, max: number, min = 1) =>
  z
    .string({ error: `请填写${label}` })
    .check(
      z.trim(),
      z.minLength(min, { error: `请填写${label}` }),
      z.maxLength(max, { error: `「${label}」不能超过 ${max} 个字` }),
      z.meta({ title: label }),
    );
const optionalText = (label: string, max: number) =>
  z.optional(
    z
      .string({ error: `「${label}」应为文字` })
      .check(z.trim(), z.maxLength(max, { error: `「${label}」不能超过 ${max} 个字` }), z.meta({ title: label })),
  );

const date = (label: string) =>
  z
    .string({ error: `请选择${label}` })
    .check(z.refine(isIsoDate, { error: `「${label}」应为日期，格式为 YYYY-MM-DD` }), z.meta({ title: label }));

const region = (label: string) =>
  z
    .string({ error: `请选择${label}所在地区` })
    .check(z.refine(isRegionCode, { error: `「${label}」的地区不正确` }), z.meta({ title: `${label}地区` }));

const enterpriseId = (label: string) =>
  z
    .string({ error: `请选择${label}` })
    .check(z.regex(/^ent-[\w-]{1,60}$/, { error: `请选择${label}` }), z.meta({ title: label }));

const party = (label: string) =>
  z.object({ name: text(`${label}名称`, 100), phone: phoneSchema.check(z.meta({ title: `${label}联系电话` })) });

/** A 4-digit UN number (联合国编号), e.g. 0030 电雷管. */
export const UN_NUMBER_PATTERN = /^\d{4}$/;

/** One code on a line: a detonator's 13-character shell code (GA 441), a box code, a 箱码, a source code. */
export const CODE_PATTERN = /^[0-9A-Za-z-]{6,40}$/;
const code = z
  .string({ error: '编码应为文字' })
  .check(
    z.trim(),
    z.regex(CODE_PATTERN, { error: '编码只能由字母、数字和连字符组成（6–40 位）' }),
    z.meta({ title: '编码' }),
  );

export const WaybillLineInput = z.object({
  productName: text('货物名称', 100),
  unNumber: z
    .string({ error: '请填写UN号' })
    .check(z.trim(), z.regex(UN_NUMBER_PATTERN, { error: '「UN号」应为 4 位数字' }), z.meta({ title: 'UN号' })),
  /** 类别 (GB 6944: 1.1D, 3, 5.1 …). */
  hazardClass: z
    .string({ error: '请填写类别' })
    .check(
      z.trim(),
      z.regex(/^[1-9](\.[1-6])?[A-SN]?$/, { error: '「类别」应为危险货物类别或项别，如 1.1B、3、5.1' }),
      z.meta({ title: '类别' }),
    ),
  packaging: text('包装规格', 50),
  packingGroup: z
    .enum(PACKING_GROUPS, { error: '「包装类别」应为 I、II、III 或 无' })
    .check(z.meta({ title: '包装类别' })),
  /** The ledger's rule (positive, ≤ 3 decimals): what a waybill carries is what a 台账 books. */
  quantity: quantity('数量'),
  unit: text('单位', 10),
  /** The ledger's product key, when the line comes from an outbound (so the receiver's 入库 books the same product). */
  productKey: z.optional(z.string().check(z.maxLength(120, { error: '产品编号过长' }))),
  codes: z._default(
    z.array(code).check(z.maxLength(MAX_WAYBILL_CODES, { error: `编码不能超过 ${MAX_WAYBILL_CODES} 个` })),
    [],
  ),
});
export type WaybillLineInput = z.output<typeof WaybillLineInput>;

/** The shipper's form (新增 / 修改 电子托运单). 托运人 is the caller's enterprise. */
export const WaybillInput = z
  .object({
    /** 运单编号: the shipper's own, or the platform makes one. */
    waybillNo: z.optional(
      z.string().check(z.trim(), z.regex(/^[0-9A-Za-z-]{6,32}$/, { error: '「运单编号」应为 6–32 位字母或数字' })),
    ),
    category: z.enum(CATEGORY_CODES, { error: '请选择物品类别' }).check(z.meta({ title: '物品类别' })),
    shipper: party('托运人'),
    consignee: party('收货人'),
    /** The receiving enterprise on the register, whose account signs. */
    receiverEnterpriseId: enterpriseId('收货单位'),
    loader: party('装货人'),
    carrierEnterpriseId: enterpriseId('承运人'),
    vehicle: z.object({
      plate: z
        .string({ error: '请填写车牌号' })
        .check(
          z.trim(),
          z.regex(/^[\u4e00-\u9fa5][A-Z][A-Z0-9]{5,6}$/, { error: '「车牌号」格式不正确，如 闽A12345' }),
          z.meta({ title: '车牌号' }),
        ),
      plateColour: z.enum(PLATE_COLOURS, { error: '请选择车牌颜色' }).check(z.meta({ title: '车牌颜色' })),
      transportCertNo: text('道路运输证号', 30),
      trailerPlate: optionalText('挂车车牌号', 12),
      tankNo: optionalText('罐体编号', 30),
      tankVolume: z.optional(
        z
          .number({ error: '「罐体容积」应为数字' })
          .check(z.gt(0, { error: '「罐体容积」应大于 0' }), z.lte(1000, { error: '「罐体容积」过大' })),
      ),
    }),
    /** 驾驶员 and 押运员: staff of the carrier on the register (their 从业资格证 are checked). */
    driverPersonId: z
      .string({ error: '请选择驾驶员' })
      .check(z.minLength(1, { error: '请选择驾驶员' }), z.maxLength(80)),
    escortPersonId: z
      .string({ error: '请选择押运员' })
      .check(z.minLength(1, { error: '请选择押运员' }), z.maxLength(80)),
    lines: z
      .array(WaybillLineInput, { error: '请填写货物信息' })
      .check(z.minLength(1, { error: '请至少填写一种货物' }), z.maxLength(20, { error: '货物不能超过 20 种' })),
    origin: z.object({ regionCode: region('起运地'), address: text('起运地', 200) }),
    destination: z.object({ regionCode: region('目的地'), address: text('目的地', 200) }),
    departureDate: date('起运日期'),
    dispatcher: text('调度人', 50),
    /** The outbound (E's shipment) this trip carries, if it is to another enterprise. */
    shipmentId: z.optional(z.string().check(z.regex(/^shp-[\w-]{1,60}$/, { error: '出库单不正确' }))),
  })
  .check(
    z.refine((w) => w.lines.reduce((n, l) => n + l.codes.length, 0) <= MAX_WAYBILL_CODES, {
      error: `一张托运单的编码不能超过 ${MAX_WAYBILL_CODES} 个`,
      path: ['lines'],
    }),
    z.meta({ id: 'WaybillInput' }),
  );
export type WaybillInput = z.output<typeof WaybillInput>;

const version = z.number({ error: '缺少版本号，请刷新页面后重试' }).check(z.int(), z.gte(1, { error: '版本号不正确' }));

export const WaybillCorrectionInput = z
  .object({ waybill: WaybillInput, reason: text('更正原因', 200), version })
  .check(z.meta({ id: 'WaybillCorrectionInput' }));
export type WaybillCorrectionInput = z.output<typeof WaybillCorrectionInput>;

export const WaybillMoveInput = z
  .object({
    version,
    reason: z.optional(z.string().check(z.trim(), z.maxLength(200, { error: '「原因」不能超过 200 个字' }))),
  })
  .check(z.meta({ id: 'WaybillMoveInput' }));
export type WaybillMoveInput = z.output<typeof WaybillMoveInput>;

/** 签收: into which of the receiver's warehouses, with what arrived per line (default: the waybill's quantity). */
export const WaybillSignInput = z
  .object({
    warehouseId: z
      .string({ error: '请选择入库仓库' })
      .check(z.minLength(1, { error: '请选择入库仓库' }), z.maxLength(80)),
    receivedQuantities: z.optional(z.array(quantity('实收数量', { allowZero: true })).check(z.maxLength(20))),
    handler: text('经办人', 50),
    version,
  })
  .check(z.meta({ id: 'WaybillSignInput' }));
export type WaybillSignInput = z.output<typeof WaybillSignInput>;

export const WaybillIdParams = z.object({
  waybillId: z
    .string({ error: '托运单编号不正确' })
    .check(z.regex(WAYBILL_ID_PATTERN, { error: '托运单编号不正确' }), z.meta({ title: '托运单编号' })),
});
export const WaybillRevisionParams = z.object({
  waybillId: WaybillIdParams.shape.waybillId,
  revision: z.coerce.number({ error: '版本不正确' }).check(z.int(), z.gte(1, { error: '版本不正确' }), z.lte(1000)),
});

const page = pageQueryFields({ max: 50, fallback: 10 });

/** The enterprise's lists: 我托运的 (shipper) / 待签收·我收到的 (receiver). */
export const OwnWaybillQuery = z
  .object({
    side: z._default(z.enum(['shipper', 'receiver'], { error: '列表不正确' }), 'shipper'),
    ...page,
  })
  .check(z.meta({ id: 'OwnWaybillQuery' }));
export type OwnWaybillQuery = z.output<typeof OwnWaybillQuery>;

/** The regulators' 物品流向: waybills starting or ending in the jurisdiction, for one category. */
export const FlowQuery = z
  .object({
    category: z.enum(CATEGORY_CODES, { error: '请选择物品类别' }),
    status: z.optional(z.enum(WAYBILL_STATUSES, { error: '「状态」不是可选的值' })),
    enterpriseName: z.optional(
      z.string().check(z.trim(), z.minLength(1), z.maxLength(50, { error: '「企业名称」不能超过 50 个字' })),
    ),
    from: z.optional(date('起运日期起')),
    to: z.optional(date('起运日期止')),
    ...page,
  })
  .check(z.meta({ id: 'FlowQuery' }));
export type FlowQuery = z.output<typeof FlowQuery>;

export const FlowChartQuery = z
  .object({ category: z.enum(CATEGORY_CODES, { error: '请选择物品类别' }) })
  .check(z.meta({ id: 'FlowChartQuery' }));

const partyView = z.object({ name: z.string(), phone: z.string() });

export const WaybillLineView = z.object({
  productName: z.string(),
  unNumber: z.string(),
  hazardClass: z.string(),
  packaging: z.string(),
  packingGroup: z.string(),
  quantity: z.number(),
  unit: z.string(),
  productKey: z.optional(z.string()),
  codes: z.array(z.string()),
  receivedQuantity: z.optional(z.number()),
});

const actor = z.object({ accountId: z.string(), name: z.string() });

export const WaybillDetail = z
  .object({
    waybillId: z.string(),
    waybillNo: z.string(),
    category: z.string(),
    status: z.enum(WAYBILL_STATUSES),
    revision: z.number(),
    shipperEnterpriseId: z.string(),
    shipperEnterpriseName: z.string(),
    shipperRegionCode: z.string(),
    shipper: partyView,
    consignee: partyView,
    receiverEnterpriseId: z.string(),
    receiverEnterpriseName: z.string(),
    receiverRegionCode: z.string(),
    loader: partyView,
    carrier: z.object({ enterpriseId: z.string(), name: z.string(), permitNo: z.string() }),
    vehicle: z.object({
      plate: z.string(),
      plateColour: z.string(),
      transportCertNo: z.string(),
      trailerPlate: z.optional(z.string()),
      tankNo: z.optional(z.string()),
      tankVolume: z.optional(z.number()),
    }),
    driver: z.object({ personId: z.string(), name: z.string(), certNo: z.string(), certValidTo: z.string() }),
    escort: z.object({ personId: z.string(), name: z.string(), certNo: z.string(), certValidTo: z.string() }),
    lines: z.array(WaybillLineView),
    origin: z.object({ regionCode: z.string(), address: z.string() }),
    destination: z.object({ regionCode: z.string(), address: z.string() }),
    departureDate: z.string(),
    dispatcher: z.string(),
    shipmentId: z.optional(z.string()),
    inboundId: z.optional(z.string()),
    createdAt: z.string(),
    createdBy: actor,
    updatedAt: z.string(),
    correctionReason: z.optional(z.string()),
    voidReason: z.optional(z.string()),
    signedAt: z.optional(z.string()),
    signedBy: z.optional(actor),
    /** What the caller may do now. */
    canEdit: z.boolean(),
    canMove: z.array(z.enum(['submit', 'depart', 'arrive', 'void'])),
    canSign: z.boolean(),
    version: z.number(),
  })
  .check(z.meta({ id: 'WaybillDetail' }));
export type WaybillDetail = z.infer<typeof WaybillDetail>;

export const WaybillListItem = z
  .object({
    waybillId: z.string(),
    waybillNo: z.string(),
    category: z.string(),
    status: z.enum(WAYBILL_STATUSES),
    shipperEnterpriseName: z.string(),
    receiverEnterpriseName: z.string(),
    /** The parties' ids, for the regulators' link to their 台账; absent on rows written before they were kept. */
    shipperEnterpriseId: z.optional(z.string()),
    receiverEnterpriseId: z.optional(z.string()),
    carrierName: z.string(),
    plate: z.string(),
    originRegionCode: z.string(),
    destinationRegionCode: z.string(),
    departureDate: z.string(),
    goods: z.string(),
    revision: z.number(),
    createdAt: z.string(),
  })
  .check(z.meta({ id: 'WaybillListItem' }));
export type WaybillListItem = z.infer<typeof WaybillListItem>;

export const WaybillPage = z
  .object({ items: z.array(WaybillListItem), cursor: z.nullable(z.string()) })
  .check(z.meta({ id: 'WaybillPage' }));

export const WaybillRevisionItem = z.object({
  revision: z.number(),
  savedAt: z.string(),
  savedBy: actor,
  reason: z.optional(z.string()),
});
export const WaybillRevisionPage = z
  .object({ items: z.array(WaybillRevisionItem), cursor: z.nullable(z.string()) })
  .check(z.meta({ id: 'WaybillRevisionPage' }));

/** The public check page: status and goods class only — no names, phones, quantities. */
export const PublicWaybillView = z
  .object({
    status: z.enum(WAYBILL_STATUSES),
    statusName: z.string(),
    category: z.string(),
    hazardClasses: z.array(z.string()),
    departureDate: z.string(),
  })
  .check(z.meta({ id: 'PublicWaybillView' }));
export type PublicWaybillView = z.infer<typeof PublicWaybillView>;

/** 物品流向 chart: waybills between regions (city level for the province, county level below). */
export const FlowChart = z
  .object({
    level: z.enum(['city', 'county']),
    links: z.array(z.object({ from: z.string(), to: z.string(), count: z.number() })),
  })
  .check(z.meta({ id: 'FlowChart' }));
export type FlowChart = z.infer<typeof FlowChart>;

/** 溯源管理: one code's chain of custody. */
export const ChainQuery = z
  .object({
    code: z
      .string({ error: '请输入编码' })
      .check(z.trim(), z.regex(CODE_PATTERN, { error: '编码只能由字母、数字和连字符组成（6–40 位）' })),
  })
  .check(z.meta({ id: 'ChainQuery' }));

export const CUSTODY_KIND_NAMES = {
  made: '生产',
  outbound: '出库',
  waybill: '运输',
  inbound: '入库',
  used: '使用',
  returned: '清退',
} as const;

export const ChainStep = z.object({
  kind: z.string(),
  at: z.string(),
  date: z.string(),
  productName: z.optional(z.string()),
  warehouseName: z.optional(z.string()),
  note: z.optional(z.string()),
  enterpriseId: z.optional(z.string()),
  enterpriseName: z.optional(z.string()),
  fromName: z.optional(z.string()),
  toName: z.optional(z.string()),
  document: z.optional(z.object({ type: z.string(), id: z.string() })),
  /** The code this step was recorded under (a box code for an item inside it). */
  viaCode: z.optional(z.string()),
});
export const ChainView = z
  .object({ code: z.string(), steps: z.array(ChainStep), insideCodes: z.array(z.string()) })
  .check(z.meta({ id: 'ChainView' }));
export type ChainView = z.infer<typeof ChainView>;

/** 新增电子托运单's pickers: a unit on the register by its 统一社会信用代码; for a carrier, its crew. */
export const PartyLookupQuery = z
  .object({ creditCode: usccSchema, category: z.enum(CATEGORY_CODES, { error: '请选择物品类别' }) })
  .check(z.meta({ id: 'PartyLookupQuery' }));
export const PartyLookup = z
  .object({
    enterpriseId: z.string(),
    name: z.string(),
    regionCode: z.string(),
    /** Present when the unit transports this category: its staff holding a driver's or an escort's 从业资格证. */
    crew: z.optional(
      z.array(z.object({ personId: z.string(), name: z.string(), roles: z.array(z.enum(['driver', 'escort'])) })),
    ),
  })
  .check(z.meta({ id: 'PartyLookup' }));
export type PartyLookup = z.infer<typeof PartyLookup>;

/** 签收's choice of warehouse: the receiver's own, those kept for the waybill's category first. */
export const SignWarehouses = z
  .object({ items: z.array(z.object({ warehouseId: z.string(), name: z.string(), forCategory: z.boolean() })) })
  .check(z.meta({ id: 'SignWarehouses' }));
