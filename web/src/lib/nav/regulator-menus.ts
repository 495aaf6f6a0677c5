import type { CategoryCode } from '$shared/reference/categories';
import type { RoleCode } from '$shared/reference/roles';
import { withUnitLists } from '$lib/register/unit-menus';
import { HOME_ID, item, menuFor, restricted, type MenuItem } from './menu';

/*
 * The header menus of the eight sub-platforms of the 统一监管平台, as the seed shows them. 民爆, 危化 and 枪支
 * are copied from the seed's screenshots; the others are derived the same way from their business segments
 * (the manual's menus): 首页, one「X监管」per segment, then 物品流向, 大数据预警, 检查通报管理, 举报线索管理, 应急救援管理.
 * Left sub-menus are given only where the seed shows them, plus the unit list (单位信息管理) under every segment's
 * entry. Every menu ends with 系统管理, which only the admin roles and the 审核人员 (账号审核, 企业信息审核) see (`regulatorMenu` leaves out what the session's roles may not open).
 */

const HOME = item(HOME_ID, '首页');
const FLOW = item('flow', '物品流向');
const TIP_OFFS = item('tip-offs', '举报线索管理');
const TRACEABILITY = item('traceability', '溯源管理');
const STANDARDS = item('standards', '建设标准管理');
const EMERGENCY = item('emergency', '应急救援管理');
const PUBLISHING = item('publishing', '信息发布管理');

/**
 * 大数据预警 and its four warning lists (seed: "如何消除预警"), for the regulators who supervise: the API
 * (functions/warnings/list-routes.ts) admits 检查人员 and 审核人员 without an admin role.
 */
const WARNINGS = restricted(
  ['inspector', 'reviewer'],
  item('warnings', '大数据预警', [
    item('enterprise-qualification', '企业资质预警'),
    item('personnel-qualification', '人员资质预警'),
    item('flow', '物品流向预警'),
    item('hazard-rectification', '企业隐患整改预警'),
  ]),
);

/** 执法人员管理: the inspectors (functions/officers/manifest.ts); 专家库管理 also the 部门管理员. */
const OFFICER_ROLES: readonly RoleCode[] = ['inspector'];
const EXPERT_ROLES: readonly RoleCode[] = ['inspector', 'dept-admin'];

/** 检查通报管理 and its left menu (seed: "如何进行检查与通报", 枪支 and 危化 screenshots). */
const INSPECTIONS = item('inspections', '检查通报管理', [
  item('independent', '独立检查任务', [
    item('create', '创建独立检查任务'),
    item('create-random', '创建双随机独立检查任务'),
    item('register', '登记独立检查任务'),
    item('completed', '已完成的独立检查任务'),
  ]),
  item('joint', '联合检查任务'),
  item('checklists', '检查清单管理', [item('joint', '联合检查清单管理'), item('independent', '独立检查清单管理')]),
  restricted(OFFICER_ROLES, item('officers', '执法人员管理')),
  restricted(EXPERT_ROLES, item('experts', '专家库管理')),
  item('notices', '归口通报管理', [
    item('register', '登记通报问题'),
    item('sent', '发出的通报'),
    item('received', '收到的通报'),
  ]),
  item('hazards', '隐患管理', [
    item('register', '登记隐患问题'),
    item('to-rectify', '待整改隐患信息'),
    item('to-confirm', '待确认隐患信息'),
    item('rectified', '已整改隐患信息'),
  ]),
  item('self-inspection', '企业自查自纠管理'),
]);

/** The id of 系统管理: its own page is its first sub-page the account may open. */
export const SYSTEM_ID = 'system';

/** Who administers accounts: 系统管理员 everywhere, 部门管理员 in their department and jurisdiction. */
export const ACCOUNT_ADMIN_ROLES: readonly RoleCode[] = ['sys-admin', 'dept-admin'];
/** Who reads the audit trail: the 审计管理员 only (三员分立). */
export const AUDIT_ROLES: readonly RoleCode[] = ['audit-admin'];
/** Who runs the warning scan now and reads its runs (预警扫描): the 系统管理员 only. */
export const SCAN_ROLES: readonly RoleCode[] = ['sys-admin'];
/** Who decides enterprises' self-registrations (账号审核): the 审核人员 of the category and jurisdiction. */
export const REVIEW_ROLES: readonly RoleCode[] = ['reviewer'];

/**
 * 系统管理, on every sub-platform (the platform's administrators administer all of them), for the admin roles
 * and the 审核人员 only; each sub-page for the roles the API admits to it (functions/accounts, functions/audit,
 * functions/registration manifests).
 */
const SYSTEM = restricted(
  [...ACCOUNT_ADMIN_ROLES, ...AUDIT_ROLES, ...REVIEW_ROLES],
  item(SYSTEM_ID, '系统管理', [
    restricted(ACCOUNT_ADMIN_ROLES, item('accounts', '账号管理')),
    restricted(ACCOUNT_ADMIN_ROLES, item('register-import', '企业信息导入')),
    restricted(REVIEW_ROLES, item('registrations', '账号审核')),
    restricted(REVIEW_ROLES, item('register-reviews', '企业信息审核')),
    restricted(AUDIT_ROLES, item('audit-logs', '审计日志')),
    restricted(SCAN_ROLES, item('warning-scans', '预警扫描')),
  ]),
);

/** The items every derived menu ends with. */
const COMMON_TAIL = [FLOW, WARNINGS, INSPECTIONS, TIP_OFFS, EMERGENCY, SYSTEM] as const;

/** 民爆 生产监管's left menu as the seed's 单位信息管理 screenshot shows it. */
const EXPLOSIVES_PRODUCTION = item('production', '生产监管', [
  item('units', '生产单位信息管理'),
  item('unit-query', '生产单位信息查询'),
  item('licence-query', '生产许可信息查询'),
  item('personnel-query', '人员信息查询'),
  item('an-units', '硝酸铵从业单位管理'),
  item('video', '现场视频监控管理'),
  item('standardisation', '生产安全标准化达标管理'),
  item('equipment', '设备信息管理'),
]);

const SEED_MENUS: Readonly<Record<CategoryCode, readonly MenuItem[]>> = {
  // Seed: 福建省枪支弹药类“一体化”安全监管信息平台.
  firearms: [
    HOME,
    item('production-safety', '生产安全监管'),
    item('allocation-sales', '配售监管'),
    item('use', '使用监管'),
    item('disposal', '处置监管'),
    item('nail-guns', '射钉器监管'),
    item('controlled-knives', '管制刀具监管'),
    item('crossbows', '弩监管'),
    FLOW,
    WARNINGS,
    INSPECTIONS,
    TIP_OFFS,
    STANDARDS,
    TRACEABILITY,
    EMERGENCY,
    SYSTEM,
  ],
  // Seed: 福建省危险化学品“一体化”安全监管信息平台.
  hazchem: [
    HOME,
    item('production-safety', '生产安全监管'),
    item('storage', '储存监管'),
    // Not in the seed's screenshot: the register's 港口经营 segment needs an entry for its unit list.
    item('port', '港口经营监管'),
    item('transport', '运输监管'),
    item('trade', '经营监管'),
    item('use', '使用监管'),
    item('disposal', '处置监管'),
    item('explosive-precursors', '易制爆监管'),
    item('highly-toxic', '剧毒监管'),
    FLOW,
    WARNINGS,
    INSPECTIONS,
    TIP_OFFS,
    SYSTEM,
  ],
  // Seed: 福建省民爆物品“一体化”安全监管信息平台.
  explosives: [
    HOME,
    EXPLOSIVES_PRODUCTION,
    item('transport', '运输监管'),
    item('sales', '销售监管'),
    item('use', '使用监管'),
    item('e-detonators', '电子雷管监管'),
    FLOW,
    WARNINGS,
    INSPECTIONS,
    TIP_OFFS,
    TRACEABILITY,
    STANDARDS,
    EMERGENCY,
    PUBLISHING,
    SYSTEM,
  ],
  // Derived. Segment (seed): 加油站.
  'bulk-gasoline': [HOME, item('filling-stations', '加油站监管'), ...COMMON_TAIL],
  // Derived. Segments (seed): 生产, 经营, 运输, 使用, 处置.
  radioactive: [
    HOME,
    item('production', '生产监管'),
    item('trade', '经营监管'),
    item('transport', '运输监管'),
    item('use', '使用监管'),
    item('disposal', '处置监管'),
    ...COMMON_TAIL,
  ],
  // Derived. Segments (seed): 批发, 零售, 运输, 燃放.
  fireworks: [
    HOME,
    item('wholesale', '批发监管'),
    item('retail', '零售监管'),
    item('transport', '运输监管'),
    item('discharge', '燃放监管'),
    ...COMMON_TAIL,
  ],
  // Derived. Segments (seed): 生产, 销售.
  'an-fertiliser': [HOME, item('production', '生产监管'), item('sales', '销售监管'), ...COMMON_TAIL],
  // Derived. Segments: the 运输单位 of each category the seed lists (危化品, 民爆物品, 放射性物品, 烟花爆竹).
  transport: [
    HOME,
    item('hazchem', '危化品运输监管'),
    item('explosives', '民爆物品运输监管'),
    item('radioactive', '放射性物品运输监管'),
    item('fireworks', '烟花爆竹运输监管'),
    ...COMMON_TAIL,
  ],
};

/** The menus with the unit list (单位信息管理) under each business segment's entry (register/unit-menus.ts). */
export const REGULATOR_MENUS: Readonly<Record<CategoryCode, readonly MenuItem[]>> = Object.fromEntries(
  Object.entries(SEED_MENUS).map(([code, menu]) => [code, withUnitLists(code as CategoryCode, menu)]),
) as Record<CategoryCode, MenuItem[]>;

/** The header menu of a sub-platform as an account with `roles` sees it (系统管理 for the admin roles only). */
export function regulatorMenu(code: CategoryCode, roles: readonly string[] = []): readonly MenuItem[] {
  return menuFor(REGULATOR_MENUS[code], roles);
}
