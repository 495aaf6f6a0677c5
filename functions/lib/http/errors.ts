import type { ErrorCode, FieldIssue } from '../../../shared/api/errors';

/**
 * An error the caller can act on: its status, code and Chinese message go out as they are.
 * Anything that is not an AppError is a fault of ours and goes out as a bare 500 (details only in the log).
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: FieldIssue[],
    /** Set-Cookie values to send with the error (e.g. clearing dead session cookies). */
    readonly cookies?: string[],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const badRequest = (message: string, details?: FieldIssue[]) =>
  new AppError(400, 'BAD_REQUEST', message, details);
export const validationFailed = (details: FieldIssue[]) =>
  new AppError(
    400,
    'VALIDATION_FAILED',
    details.length === 1
      ? `提交的内容有误：${details[0]!.message}`
      : `提交的内容有 ${details.length} 处错误，请检查后重新提交`,
    details,
  );
export const unauthenticated = (message = '请先登录', cookies?: string[]) =>
  new AppError(401, 'UNAUTHENTICATED', message, undefined, cookies);
export const forbidden = (message = '没有权限进行此操作') => new AppError(403, 'FORBIDDEN', message);
export const notFound = (message = '请求的内容不存在') => new AppError(404, 'NOT_FOUND', message);
export const conflict = (message: string) => new AppError(409, 'CONFLICT', message);
export const tooMany = (message = '操作过于频繁，请稍后再试') => new AppError(429, 'TOO_MANY_REQUESTS', message);
