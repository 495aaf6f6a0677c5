/**
 * The login an enterprise's account has — its 统一社会信用代码, else its 注册号 — on its own, so a reader (the
 * inbox finding an enterprise's account) needn't import the module that opens logins.
 */
export const loginOfEntry = (e: {
  creditCode?: string | undefined;
  registrationNo?: string | undefined;
}): string | undefined => (e.creditCode ?? e.registrationNo)?.trim().toUpperCase() || undefined;
