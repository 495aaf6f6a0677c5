/**
 * The typed fetch wrapper every page uses to talk to `/api/*`. JSON in, JSON out, cookies of the same origin
 * only. Failures become an {@link ApiError} carrying the API's `{ error: { code, message, details } }` (DESIGN
 * §3), so a page shows `error.message` as it is: it is Chinese and says what to do.
 */
import type { ErrorCode, FieldIssue } from '$shared/api/errors';

/** The API's codes plus the two this client adds when no usable answer came back. */
export type ClientErrorCode = ErrorCode | 'NETWORK_ERROR' | 'BAD_RESPONSE';

export const NETWORK_ERROR_MESSAGE = '无法连接服务器，请检查网络连接后重试。';

export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    /** HTTP status; 0 when the server could not be reached. */
    readonly status: number,
    readonly code: ClientErrorCode,
    message: string,
    /** Per-field problems, e.g. `{ path: 'body.login', message: '请输入手机号码' }`. */
    readonly details: readonly FieldIssue[] = [],
    /** Correlation id to quote to support, when the API sent one. */
    readonly requestId?: string,
  ) {
    super(message);
  }

  /** The first message for each field, keyed by the path without its `body.`/`query.` prefix. */
  fieldMessages(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const issue of this.details) {
      const key = issue.path.replace(/^(body|query|path|params)\./, '');
      out[key] ??= issue.message;
    }
    return out;
  }
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  method?: HttpMethod;
  /** Sent as JSON. */
  body?: unknown;
  signal?: AbortSignal;
  headers?: Record<string, string>;
  /** The `fetch` to use: pass SvelteKit's from a `load` function. */
  fetch?: typeof fetch;
}

/** Sends one request and returns the parsed JSON body (`undefined` for 204). Throws {@link ApiError}. */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', body, signal, headers = {}, fetch: doFetch = fetch } = options;
  const init: RequestInit = {
    method,
    credentials: 'same-origin',
    headers: { accept: 'application/json', ...headers },
  };
  if (signal) init.signal = signal;
  if (body !== undefined) {
    init.headers = { ...init.headers, 'content-type': 'application/json' };
    init.body = JSON.stringify(body);
  }

  let response: Response;
  try {
    response = await doFetch(path, init);
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'NETWORK_ERROR', NETWORK_ERROR_MESSAGE);
  }

  if (response.status === 204) return undefined as T;

  let text: string;
  try {
    text = await response.text();
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', NETWORK_ERROR_MESSAGE);
  }
  const json = parseJson(text, response.headers.get('content-type'));

  if (response.ok) {
    if (json === undefined) {
      throw new ApiError(
        response.status,
        'BAD_RESPONSE',
        `服务器返回了无法识别的内容（HTTP ${response.status}），请稍后重试。`,
      );
    }
    return json as T;
  }
  throw errorFromBody(response.status, json);
}

export const api = {
  get: <T>(path: string, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    request<T>(path, { ...options, method: 'GET' }),
  post: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    request<T>(path, { ...options, method: 'POST', body }),
  put: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    request<T>(path, { ...options, method: 'PUT', body }),
  patch: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    request<T>(path, { ...options, method: 'PATCH', body }),
  delete: <T>(path: string, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    request<T>(path, { ...options, method: 'DELETE' }),
};

/** The message to show for any error a request may throw. */
export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  return '操作失败，请稍后重试。';
}

function parseJson(text: string, contentType: string | null): unknown {
  if (text.length === 0) return undefined;
  if (contentType && !/[/+]json\b/i.test(contentType)) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

const CODE_BY_STATUS: Readonly<Record<number, ErrorCode>> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
  500: 'INTERNAL',
  503: 'SERVICE_UNAVAILABLE',
};

function errorFromBody(status: number, json: unknown): ApiError {
  const error = isRecord(json) && isRecord(json.error) ? json.error : undefined;
  if (error && typeof error.code === 'string' && typeof error.message === 'string' && error.message.length > 0) {
    const details = Array.isArray(error.details) ? error.details.filter(isFieldIssue) : [];
    const requestId = typeof error.requestId === 'string' ? error.requestId : undefined;
    return new ApiError(status, error.code as ErrorCode, error.message, details, requestId);
  }
  // Not the API's error shape: a proxy, the static host, or a route that does not exist yet.
  const code = CODE_BY_STATUS[status] ?? 'BAD_RESPONSE';
  const message =
    status >= 500
      ? `服务器暂时无法处理请求（HTTP ${status}），请稍后重试。`
      : status === 404 || status === 405
        ? `服务接口暂不可用（HTTP ${status}），请稍后重试或联系技术支撑人员。`
        : `请求失败（HTTP ${status}），请稍后重试。`;
  return new ApiError(status, code, message);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isFieldIssue(v: unknown): v is FieldIssue {
  return isRecord(v) && typeof v.path === 'string' && typeof v.message === 'string';
}
