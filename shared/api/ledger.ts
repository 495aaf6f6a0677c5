/**
 * Contracts of 物品流向登记 › 台账管理 (企业服务平台): 仓库管理 (仓库基本信息, 仓库其他信息, 仓库人员) and the 台账 of each
 * warehouse — 盘点, 入库, 出库, 清退 — with the movement list. Regulators who see the enterprise read the same
 * lists, never change them. Quantities carry at most 3 decimals (0.014公斤 in the seed) and are summed in
 * thousandths, so no float rounding decides whether stock suffices.
 */
import * as z from 'zod/mini';
import { CATEGORY_CODES } from '../reference/categories';
import { classifyCode } from '../reference/codes';
import { idCardSchema } from '../validation/idcard';
import { pageQueryFields } from './paging';

export const LEDGER_PAGE_MAX = 50;
export const MOVEMENT_LINES_MAX = 20;
/** Codes on one movement: each is one custody step in the movement's transaction (≤ 100 items in all). */
export const MOVEMENT_CODES_MAX = 40;
export const KEEPER_CERTIFICATES_MAX = 3;

/** 仓库类型. */
export const WAREHOUSE_TYPES = {
  surface: '地面库',
  earthCovered: '覆土库',
  cave: '洞库',
  tank: '储罐区',
  classA: '甲类仓库',
  classB: '乙类仓库',
  classC: '丙类仓库',
  magazine: '枪弹库',
  other: '其他',
} as const;
/** 计量单位 of 设计储量 and of the goods. */
export const QUANTITY_UNITS = [
  '吨',
  '千克',
  '公斤',
  '克',
  '发',
  '枚',
  '米',
  '箱',
  '件',
  '个',
  '支',
  '立方米',
  '升',
] as const;
/** 出库类型. Sales and transfers go to an enterprise on the register (its licence is checked). */
export const OUTBOUND_TYPES = {
  sale: '销售出库',
  use: '使用出库',
  transfer: '调拨出库',
  destroy: '销毁出库',
  other: '其他出库',
} as const;
export type OutboundType = keyof typeof OUTBOUND_TYPES;
export const OUTBOUND_TO_REGISTER: readonly OutboundType[] = ['sale', 'transfer'];
export const MOVEMENT_KIND_LABELS = { stocktake: '盘点', inbound: '入库', outbound: '出库', return: '清退' } as const;
export type MovementKindCode = keyof typeof MOVEMENT_KIND_LABELS;

const keys = <T extends Record<string, string>>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];

const text = (label: string, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .check(
      z.trim(),
      z.minLength(1, { error: `请填写${label}` }),
      z.maxLength(max, { error: `${label}不能超过${max}个字` }),
      z.meta({ title: label }),
    );
const optionalText = (label: string, max: number) =>
  z.optional(
    z
      .string({ error: `${label}应为文字` })
      .check(z.trim(), z.maxLength(max, { error: `${label}不能超过${max}个字` }), z.meta({ title: label })),
  );
const date = (label: string) =>
  z.iso.date({ error: `${label}应为有效日期，格式如2017-09-18` }).check(z.meta({ title: label }));
const version = z.number({ error: '缺少版本号，请刷新页面后重试' }).check(z.int(), z.gte(1, { error: '版本号不正确' }));
const idOf = (label: string, prefix: string) =>
  z
    .string({ error: `${label}不正确` })
    .check(z.regex(new RegExp(`^${prefix}[\\w-]{1,80}$`), { error: `${label}不正确` }), z.meta({ title: label }));

/** A quantity: positive, at most 3 decimals, below a billion. */
export const quantity = (label: string, { allowZero = false } = {}) =>
  z.number({ error: `${label}应为数字` }).check(
    allowZero ? z.gte(0, { error: `${label}不能小于0` }) : z.gt(0, { error: `${label}应大于0` }),
    z.lt(1e9, { error: `${label}过大` }),
    z.refine((n) => Math.abs(Math.round(n * 1000) - n * 1000) < 1e-6, { error: `${label}最多保留3位小数` }),
    z.meta({ title: label }),
  );

export const warehouseIdSchema = idOf('仓库编号', 'wh-');
export const movementIdSchema = idOf('台账编号', 'mv-');
export const WarehouseIdParams = z.object({ warehouseId: warehouseIdSchema });
export const MovementIdParams = z.object({ warehouseId: warehouseIdSchema, movementId: movementIdSchema });
export const KeeperIdParams = z.object({ warehouseId: warehouseIdSchema, keeperId: idOf('人员编号', 'kpr-') });
const enterpriseId = idOf('企业编号', 'ent-');
export const EnterpriseWarehousesParams = z.object({ enterpriseId });
export const EnterpriseWarehouseParams = z.object({ enterpriseId, warehouseId: warehouseIdSchema });

/** 仓库基本信息 + 仓库其他信息. */
export const WarehouseInput = z
  .object({
    name: text('仓库名称', 50),
    address: text('仓库地址', 200),
    type: z.enum(keys(WAREHOUSE_TYPES), { error: '请选择仓库类型' }).check(z.meta({ title: '仓库类型' })),
    designCapacity: quantity('设计储量'),
    capacityUnit: z.enum(QUANTITY_UNITS, { error: '请选择设计储量的计量单位' }).check(z.meta({ title: '计量单位' })),
    longitude: z.optional(
      z
        .number({ error: '经度应为数字' })
        .check(z.gte(73, { error: '经度应在73至136之间' }), z.lte(136, { error: '经度应在73至136之间' })),
    ),
    latitude: z.optional(
      z
        .number({ error: '纬度应为数字' })
        .check(z.gte(3, { error: '纬度应在3至54之间' }), z.lte(54, { error: '纬度应在3至54之间' })),
    ),
    other: z._default(
      z.object({
        securityLevel: optionalText('安全等级', 30),
        contactName: optionalText('仓库负责人', 30),
        contactPhone: optionalText('联系电话', 30),
        area: z.optional(quantity('占地面积（平方米）')),
        builtOn: z.optional(date('建成日期')),
        acceptanceNo: optionalText('验收文号', 60),
        remark: optionalText('备注', 500),
      }),
      {},
    ),
  })
  .check(z.meta({ id: 'WarehouseInput' }));
export type WarehouseInput = z.output<typeof WarehouseInput>;

export const WarehouseUpdateInput = z
  .object({ ...WarehouseInput.shape, version })
  .check(z.meta({ id: 'WarehouseUpdateInput' }));
export type WarehouseUpdateInput = z.output<typeof WarehouseUpdateInput>;

export const WarehouseView = z
  .object({
    warehouseId: z.string(),
    enterpriseId: z.string(),
    enterpriseName: z.string(),
    name: z.string(),
    address: z.string(),
    type: z.string(),
    designCapacity: z.number(),
    capacityUnit: z.string(),
    longitude: z.optional(z.number()),
    latitude: z.optional(z.number()),
    other: z.record(z.string(), z.unknown()),
    stocktakenOn: z.optional(z.string()),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number(),
  })
  .check(z.meta({ id: 'WarehouseView' }));
export type WarehouseView = z.infer<typeof WarehouseView>;

export const WarehouseQuery = z
  .object({ ...pageQueryFields({ max: LEDGER_PAGE_MAX, fallback: 10 }) })
  .check(z.meta({ id: 'WarehouseQuery' }));
export type WarehouseQuery = z.output<typeof WarehouseQuery>;

export const WarehousePage = z
  .object({ items: z.array(WarehouseView), cursor: z.nullable(z.string()), enterpriseName: z.string() })
  .check(z.meta({ id: 'WarehousePage' }));
export type WarehousePage = z.infer<typeof WarehousePage>;

/** 仓库人员: a 保管员 and their certificates (保管员证 …), which 人员资质预警 watches. */
export const KeeperInput = z
  .object({
    name: text('姓名', 30),
    idCardNo: idCardSchema.check(z.meta({ title: '身份证号' })),
    mobile: optionalText('联系电话', 30),
    position: z._default(text('岗位', 20), '保管员'),
    certificates: z
      .array(
        z.object({
          type: text('证书类型', 30),
          number: text('证书编号', 50),
          issuer: text('发证机关', 60),
          validFrom: date('有效期开始时间'),
          validTo: date('有效期结束时间'),
        }),
        { error: '请填写证书' },
      )
      .check(
        z.maxLength(KEEPER_CERTIFICATES_MAX, { error: `证书不能超过${KEEPER_CERTIFICATES_MAX}个` }),
        z.refine((cs) => cs.every((c) => c.validFrom <= c.validTo), { error: '证书的有效期结束时间不能早于开始时间' }),
      ),
  })
  .check(z.meta({ id: 'KeeperInput' }));
export type KeeperInput = z.output<typeof KeeperInput>;

export const KeeperUpdateInput = z.object({ ...KeeperInput.shape, version }).check(z.meta({ id: 'KeeperUpdateInput' }));
export type KeeperUpdateInput = z.output<typeof KeeperUpdateInput>;

export const KeeperView = z
  .object({
    keeperId: z.string(),
    warehouseId: z.string(),
    name: z.string(),
    /** Masked except the first 6 and last 4 characters. */
    idCardNo: z.string(),
    mobile: z.optional(z.string()),
    position: z.string(),
    certificates: z.array(
      z.object({
        type: z.string(),
        number: z.string(),
        issuer: z.string(),
        validFrom: z.string(),
        validTo: z.string(),
      }),
    ),
    version: z.number(),
  })
  .check(z.meta({ id: 'KeeperView' }));
export type KeeperView = z.infer<typeof KeeperView>;
export const KeeperPage = z
  .object({ items: z.array(KeeperView), cursor: z.nullable(z.string()) })
  .check(z.meta({ id: 'KeeperPage' }));
export type KeeperPage = z.infer<typeof KeeperPage>;

const category = z.enum(CATEGORY_CODES, { error: '请选择物品类别' }).check(z.meta({ title: '物品类别' }));
const unit = z.enum(QUANTITY_UNITS, { error: '请选择计量单位' }).check(z.meta({ title: '计量单位' }));
const productName = text('产品名称', 50);

/** A line's codes: each valid for its category (GA 441 雷管编码, 放射源编码, 箱码), no repeats. */
const codes = z.optional(
  z.array(z.string({ error: '编码应为文字' }).check(z.trim(), z.toUpperCase()), { error: '编码格式不正确' }).check(
    z.maxLength(MOVEMENT_CODES_MAX, { error: `一次最多登记${MOVEMENT_CODES_MAX}个编码` }),
    z.refine((cs) => new Set(cs).size === cs.length, { error: '编码有重复' }),
  ),
);

function checkLineCodes(
  lines: readonly { category: string; codes?: string[] | undefined }[],
  ctx: { addIssue(i: { code: 'custom'; message: string; path: (string | number)[] }): void },
) {
  let total = 0;
  lines.forEach((l, i) => {
    for (const c of l.codes ?? []) {
      const r = classifyCode(c, l.category as (typeof CATEGORY_CODES)[number]);
      if ('error' in r) ctx.addIssue({ code: 'custom', message: r.error, path: ['lines', i, 'codes'] });
    }
    total += l.codes?.length ?? 0;
  });
  if (total > MOVEMENT_CODES_MAX) {
    ctx.addIssue({ code: 'custom', message: `一次最多登记${MOVEMENT_CODES_MAX}个编码`, path: ['lines'] });
  }
  const all = lines.flatMap((l) => l.codes ?? []);
  if (new Set(all).size !== all.length) ctx.addIssue({ code: 'custom', message: '编码有重复', path: ['lines'] });
}

const lines = <T extends z.ZodMiniType>(line: T) =>
  z
    .array(line, { error: '请填写货物信息' })
    .check(
      z.minLength(1, { error: '请至少填写一种货物' }),
      z.maxLength(MOVEMENT_LINES_MAX, { error: `一次最多登记${MOVEMENT_LINES_MAX}种货物` }),
    );

/** 盘点: 人工盘点数量 per product (the form shows the 系统盘点数量 beside it). */
export const StocktakeInput = z
  .object({
    date: date('盘点日期'),
    handler: text('经办人', 30),
    lines: lines(
      z.object({ productName, category, unit, actualQuantity: quantity('人工盘点数量', { allowZero: true }) }),
    ),
    remark: optionalText('备注', 500),
  })
  .check(
    z.refine((v) => new Set(v.lines.map((l) => `${l.category}:${l.productName}`)).size === v.lines.length, {
      error: '同一货物只能盘点一次',
    }),
    z.meta({ id: 'StocktakeInput' }),
  );
export type StocktakeInput = z.output<typeof StocktakeInput>;

const movementLine = z.object({
  productName,
  category,
  unit,
  quantity: quantity('数量'),
  batchNo: optionalText('批号', 40),
  codes,
});

const party = z.object({
  /** An enterprise on the register (from the 信用代码 look-up); absent for a party off the register. */
  enterpriseId: z.optional(enterpriseId),
  name: text('企业名称', 100),
});

/** 入库. */
export const InboundInput = z
  .object({
    date: date('入库日期'),
    handler: text('经办人', 30),
    source: party.check(z.meta({ title: '来源企业' })),
    lines: lines(movementLine),
    remark: optionalText('备注', 500),
  })
  .check(
    z.superRefine((v, ctx) => checkLineCodes(v.lines, ctx)),
    z.meta({ id: 'InboundInput' }),
  );
export type InboundInput = z.output<typeof InboundInput>;

/** 出库. To an enterprise on the register: its segment the goods go to, whose licence the gate checks. */
export const OutboundInput = z
  .object({
    date: date('出库日期'),
    handler: text('经办人', 30),
    outboundType: z.enum(keys(OUTBOUND_TYPES), { error: '请选择出库类型' }).check(z.meta({ title: '出库类型' })),
    receiver: z
      .object({ ...party.shape, segment: z.optional(text('流向企业环节', 40)) })
      .check(z.meta({ title: '流向企业' })),
    lines: lines(movementLine),
    remark: optionalText('备注', 500),
  })
  .check(
    z.superRefine((v, ctx) => {
      checkLineCodes(v.lines, ctx);
      if (OUTBOUND_TO_REGISTER.includes(v.outboundType) && !v.receiver.enterpriseId) {
        ctx.addIssue({
          code: 'custom',
          message: `${OUTBOUND_TYPES[v.outboundType]}的流向企业须为平台登记企业，请按统一社会信用代码查询选择`,
          path: ['receiver'],
        });
      }
      if (v.receiver.enterpriseId) {
        if (!v.receiver.segment)
          ctx.addIssue({ code: 'custom', message: '请选择流向企业的环节', path: ['receiver', 'segment'] });
        if (new Set(v.lines.map((l) => l.category)).size > 1) {
          ctx.addIssue({ code: 'custom', message: '向同一企业出库的货物须为同一物品类别', path: ['lines'] });
        }
      }
    }),
    z.meta({ id: 'OutboundInput' }),
  );
export type OutboundInput = z.output<typeof OutboundInput>;

/** 清退 against the lines of one outbound (清退数量 ≤ 出库数量 − 已清退数量). */
export const ReturnInput = z
  .object({
    outboundId: movementIdSchema,
    date: date('清退日期'),
    handler: text('经办人', 30),
    lines: z
      .array(
        z.object({
          lineIndex: z.number({ error: '出库货物不正确' }).check(z.int(), z.gte(0), z.lt(MOVEMENT_LINES_MAX)),
          quantity: quantity('清退数量'),
          codes,
        }),
        { error: '请填写清退数量' },
      )
      .check(
        z.minLength(1, { error: '请至少填写一种货物的清退数量' }),
        z.maxLength(MOVEMENT_LINES_MAX, { error: '清退货物过多' }),
        z.refine((ls) => new Set(ls.map((l) => l.lineIndex)).size === ls.length, { error: '同一出库货物只能清退一次' }),
      ),
    remark: optionalText('备注', 500),
  })
  .check(z.meta({ id: 'ReturnInput' }));
export type ReturnInput = z.output<typeof ReturnInput>;

export const MovementLineView = z.object({
  productKey: z.string(),
  productName: z.string(),
  category: z.string(),
  quantity: z.number(),
  unit: z.string(),
  batchNo: z.optional(z.string()),
  codes: z.optional(z.array(z.string())),
  systemQuantity: z.optional(z.number()),
  returnedQuantity: z.optional(z.number()),
  lineIndex: z.optional(z.number()),
});

export const MovementView = z
  .object({
    movementId: z.string(),
    warehouseId: z.string(),
    kind: z.enum(keys(MOVEMENT_KIND_LABELS)),
    date: z.string(),
    handler: z.string(),
    outboundType: z.optional(z.string()),
    counterparty: z.optional(z.object({ enterpriseId: z.optional(z.string()), name: z.string() })),
    lines: z.array(MovementLineView),
    returnOf: z.optional(z.string()),
    shipmentId: z.optional(z.string()),
    waybillId: z.optional(z.string()),
    warningIds: z.optional(z.array(z.string())),
    remark: z.optional(z.string()),
    createdAt: z.string(),
    createdByName: z.optional(z.string()),
  })
  .check(z.meta({ id: 'MovementView' }));
export type MovementView = z.infer<typeof MovementView>;

export const MovementQuery = z
  .object({
    ...pageQueryFields({ max: LEDGER_PAGE_MAX, fallback: 10 }),
    kind: z.optional(z.enum(keys(MOVEMENT_KIND_LABELS), { error: '台账类型不正确' })),
    from: z.optional(date('开始日期')),
    to: z.optional(date('结束日期')),
    product: optionalText('产品名称', 50),
  })
  .check(z.meta({ id: 'MovementQuery' }));
export type MovementQuery = z.output<typeof MovementQuery>;

export const MovementPage = z
  .object({ items: z.array(MovementView), cursor: z.nullable(z.string()), warehouseName: z.string() })
  .check(z.meta({ id: 'MovementPage' }));
export type MovementPage = z.infer<typeof MovementPage>;

export const StockLineView = z.object({
  productKey: z.string(),
  productName: z.string(),
  category: z.string(),
  unit: z.string(),
  quantity: z.number(),
  stocktakenOn: z.optional(z.string()),
  lastMovementAt: z.string(),
});
export type StockLineView = z.infer<typeof StockLineView>;
export const StockQuery = z
  .object({ ...pageQueryFields({ max: LEDGER_PAGE_MAX, fallback: 50 }) })
  .check(z.meta({ id: 'StockQuery' }));
export type StockQuery = z.output<typeof StockQuery>;
export const StockPage = z
  .object({ items: z.array(StockLineView), cursor: z.nullable(z.string()), warehouseName: z.string() })
  .check(z.meta({ id: 'StockPage' }));
export type StockPage = z.infer<typeof StockPage>;

/** 流向企业 look-up by 统一社会信用代码 (exact), for 出库: its name and the segments of a category. */
export const ReceiverQuery = z
  .object({
    creditCode: z
      .string({ error: '请输入统一社会信用代码' })
      .check(z.trim(), z.toUpperCase(), z.regex(/^[0-9A-Z]{18}$/, { error: '统一社会信用代码应为18位' })),
  })
  .check(z.meta({ id: 'ReceiverQuery' }));
export type ReceiverQuery = z.output<typeof ReceiverQuery>;
export const ReceiverView = z
  .object({
    enterpriseId: z.string(),
    name: z.string(),
    segments: z.array(z.object({ category: z.string(), segment: z.string(), label: z.string() })),
  })
  .check(z.meta({ id: 'ReceiverView' }));
export type ReceiverView = z.infer<typeof ReceiverView>;

export const KeeperQuery = z
  .object({ ...pageQueryFields({ max: LEDGER_PAGE_MAX, fallback: 20 }) })
  .check(z.meta({ id: 'KeeperQuery' }));
export type KeeperQuery = z.output<typeof KeeperQuery>;
export const KeeperRemoved = z.object({ keeperId: z.string() }).check(z.meta({ id: 'KeeperRemoved' }));
