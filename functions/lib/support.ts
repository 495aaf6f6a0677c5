/** The support contact as the functions say it (shared/support.ts decides the wording; the number is deploy-time). */
import { contactSupport, SUPPORT_PHONE_ENV, supportPhoneFrom } from '../../shared/support';

/** 「请联系技术支撑人员（客服电话：…）」 with this deployment's number. */
export function contactSupportHere(): string {
  return contactSupport(supportPhoneFrom(process.env[SUPPORT_PHONE_ENV]));
}
