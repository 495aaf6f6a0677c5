import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { ErrorBody } from '../../../shared/api/errors';
import type { AppError } from './errors';

/** Headers every API answer carries: JSON, never cached by browsers or CloudFront, no sniffing. */
const BASE_HEADERS = {
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
} as const;

/** What a route implementation may return instead of a bare body: a status, extra headers, cookies. */
export class Reply<T = unknown> {
  constructor(
    readonly body: T,
    readonly status = 200,
    readonly headers: Record<string, string> = {},
    readonly cookies: string[] = [],
  ) {}
}

export function jsonResponse(
  status: number,
  body: unknown,
  requestId: string,
  extra: { headers?: Record<string, string>; cookies?: string[] } = {},
): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode: status,
    headers: { ...BASE_HEADERS, 'x-request-id': requestId, ...extra.headers },
    ...(extra.cookies?.length ? { cookies: extra.cookies } : {}),
    body: status === 204 ? '' : JSON.stringify(body),
  };
}

export function errorResponse(err: AppError, requestId: string): APIGatewayProxyStructuredResultV2 {
  const body: ErrorBody = {
    error: {
      code: err.code,
      message: err.message,
      ...(err.details?.length ? { details: err.details } : {}),
      requestId,
    },
  };
  return jsonResponse(err.status, body, requestId, err.cookies?.length ? { cookies: err.cookies } : {});
}
