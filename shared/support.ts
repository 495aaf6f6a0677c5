/**
 * Who to call for help (the seed's 技术支撑: “一体化”平台技术支撑人员, 客服电话), and the one wording of every
 * message that sends a person to them — the web's and the API's alike. The number is set at deploy time:
 * `HAZMAT_SUPPORT_PHONE` when the site is built (web/vite.config.ts) and on every function (CDK context
 * `supportPhone`, default the same variable); see README “Deploying to AWS”.
 */

/** The environment variable that carries the number, for the site's build and for the functions. */
export const SUPPORT_PHONE_ENV = 'HAZMAT_SUPPORT_PHONE';

/** The seed's 客服电话. */
export const DEFAULT_SUPPORT_PHONE = '0591-87859196';

/** The configured number if it looks like one (digits, '-', '+', spaces, 5–30 characters); else the seed's. */
export function supportPhoneFrom(value: string | undefined): string {
  const v = (value ?? '').trim();
  return /^[+\d][\d\s-]{4,29}$/.test(v) ? v : DEFAULT_SUPPORT_PHONE;
}

/** 「请联系技术支撑人员（客服电话：0591-87859196）」: how every message ends that sends a person for help. */
export function contactSupport(phone: string): string {
  return `请联系技术支撑人员（客服电话：${phone}）`;
}
