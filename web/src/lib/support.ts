/** The support contact as the site shows it; the wording is shared/support.ts's, the number the build's. */
import { contactSupport } from '$shared/support';

/** This deployment's 技术支撑 客服电话. */
export const SUPPORT_PHONE: string = __SUPPORT_PHONE__;

/** 「请联系技术支撑人员（客服电话：…）」. */
export const CONTACT_SUPPORT = contactSupport(SUPPORT_PHONE);
