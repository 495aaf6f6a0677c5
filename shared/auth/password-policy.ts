/**
 * The password policy, free of zod so a page can check a password live without loading the schemas.
 */
/** 等保2.0 level 3: at least 8 characters of at least 3 classes (upper, lower, digit, symbol). */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 64;

export function passwordClasses(p: string): number {
  return [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((r) => r.test(p)).length;
}

/** The policy's complaint about a new password, or null when it is acceptable. */
export function passwordProblem(password: string, login: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `新密码至少 ${PASSWORD_MIN_LENGTH} 位`;
  if (password.length > PASSWORD_MAX_LENGTH) return `新密码不能超过 ${PASSWORD_MAX_LENGTH} 位`;
  if (passwordClasses(password) < 3) return '新密码须包含大写字母、小写字母、数字、符号中的至少三类';
  if (login && password.toLowerCase().includes(login.toLowerCase())) return '新密码不能包含账号';
  return null;
}
