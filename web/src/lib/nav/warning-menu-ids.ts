import type { WarningKind } from '../../../../shared/reference/warnings';

/**
 * The menu entry under 大数据预警 (regulator-menus.ts) of each kind's list: the 首页's counts and the lists
 * themselves link by it. No SvelteKit import, so the chart builders' unit tests use it as it is.
 */
export const WARNING_MENU_IDS: Record<WarningKind, string> = {
  licence: 'enterprise-qualification',
  personCert: 'personnel-qualification',
  hazard: 'hazard-rectification',
  flow: 'flow',
};
