import { HOME_ID, item, type MenuItem } from './menu';

/**
 * The header menu of the 企业服务平台 (seed: "企业服务平台操作指引"). The seed's enterprises also see one
 * 「X管理」entry per business segment they work in (民爆物品销售管理, 危化品储存管理 …); those depend on the
 * signed-in enterprise and arrive with the identity issue.
 */
/** The 企业服务平台's name, for its header and document titles. */
export const ENTERPRISE_SITE_TITLE = '福建省危险物品一体化企业服务平台';

export const ENTERPRISE_MENU: readonly MenuItem[] = [
  item(HOME_ID, '首页'),
  item('profile', '企业信息管理', [
    item('basic', '企业基本信息'),
    item('personnel', '从业人员管理'),
    item('certificates', '企业证书管理'),
  ]),
  item('emergency-plans', '应急预案管理'),
  item('hazards', '隐患管理', [item('self-inspection', '企业自纠自查隐患'), item('issued', '监管部门下发隐患')]),
  item('flow', '物品流向登记', [
    item('ledgers', '台账管理'),
    item('warehouses', '仓库管理'),
    item('waybills', '电子托运单'),
    item('traceability', '溯源查询'),
  ]),
  item('supply-demand', '供需服务'),
  // The seed's 信息互动 (not built yet). The inbox is 消息, opened from the header's user bar as on the regulators' side.
  item('interaction', '信息互动'),
  item('system', '系统管理'),
];
