/**
 * The 首页's words and colours of 预警信息 (the four kinds and grades), and the sums the panels and charts show.
 * No SvelteKit import: the chart option builders and their unit tests use it as it is.
 */
import type { Dashboard } from '../../../../shared/api/dashboard';
import {
  WARNING_GRADES,
  WARNING_KINDS,
  type WarningGrade,
  type WarningKind,
} from '../../../../shared/reference/warnings';

export {
  WARNING_GRADES,
  WARNING_KINDS,
  WARNING_GRADE_LABELS as GRADE_LABELS,
  WARNING_KIND_LABELS as KIND_LABELS,
} from '../../../../shared/reference/warnings';
export type { WarningGrade, WarningKind };

/** The grades' colours, as the seed's lists show them (also used by the charts). */
export const GRADE_COLORS: Record<WarningGrade, string> = {
  red: '#d92d20',
  orange: '#f79009',
  yellow: '#eaaa08',
  blue: '#2e90fa',
};

export { WARNING_MENU_IDS as KIND_MENU_IDS } from '../nav/warning-menu-ids';

export const kindTotal = (d: Pick<Dashboard, 'warnings'>, kind: WarningKind): number =>
  WARNING_GRADES.reduce((n, g) => n + d.warnings.byKind[kind][g], 0);

export const gradeTotal = (d: Pick<Dashboard, 'warnings'>, grade: WarningGrade): number =>
  WARNING_KINDS.reduce((n, k) => n + d.warnings.byKind[k][grade], 0);
