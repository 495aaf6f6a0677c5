/**
 * The typed fetch wrapper every page uses to talk to `/api/*`. JSON in, JSON out, cookies of the same origin
 * only. Failures become an {@link ApiError} carrying the API's `{ error: { code, message, details } }`
 * (README: Architecture), so a page shows `error.message` as it is: it is Chinese and says what to do.
 *
 * The session lives in cookies the script cannot read (hz_at, hz_rt), plus one it can: `hz_csrf`. This module
 * keeps the session usable for every page:
 * - every unsafe request (POST, PUT, PATCH, DELETE) echoes `hz_csrf` in `x-csrf-token` (else the API says 403);
 * - a 401 means the 15-minute access token ran out: one `POST /api/auth/refresh` (shared by every request that
 *   got a 401 meanwhile, and by other tabs through a Web Lock) renews it, and the request is sent again; when
 *   the refresh is refused too, the session is over and the `sessionEnded` hook runs (→ the login page);
 * - a 403 `SIGN_IN_INCOMPLETE` means the session still has a step to do: the `signInIncomplete` hook runs.
 */
import { CONTACT_SUPPORT } from '$lib/support';
import type { ErrorCode, FieldIssue } from '$shared/api/errors';
import { BACKGROUND_HEADER } from '$shared/api/headers';

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
  /** Not a person's action (a poll): the server doesn't count it as activity for the idle timeout. */
  background?: boolean;
}

export const CSRF_COOKIE = 'hz_csrf';
export const CSRF_HEADER = 'x-csrf-token';
export const REFRESH_PATH = '/api/auth/refresh';

const UNSAFE_METHODS: ReadonlySet<HttpMethod> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Paths whose 401 is an answer, not an expired access token: a wrong password on the login routes, a dead
 * refresh token on the refresh route. They are never retried after a refresh.
 */
const NO_REFRESH: ReadonlySet<string> = new Set(['/api/auth/login', '/api/auth/enterprise/login', REFRESH_PATH]);

/** The value of a cookie the script may read (`hz_csrf`), URL-decoded; `undefined` outside a browser. */
export function readCookie(name: string): string | undefined {
  if (typeof document === 'undefined') return undefined;
  for (const part of document.cookie.split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === name) {
      const raw = part.slice(i + 1).trim();
      try {
        return decodeURIComponent(raw);
      } catch {
        return raw;
      }
    }
  }
  return undefined;
}

/** Whether the browser holds a session's cookies at all (the CSRF cookie lives as long as the session). */
export function hasSessionCookie(): boolean {
  return Boolean(readCookie(CSRF_COOKIE));
}

/** What the session module does when the API says the session is over, or not finished. */
export interface AuthHooks {
  /** The access token was refused and so was the refresh token: the person must sign in again. */
  sessionEnded?: (error: ApiError) => void;
  /** 403 `SIGN_IN_INCOMPLETE`: the session must change its password or give its second factor first. */
  signInIncomplete?: (error: ApiError) => void;
}

let hooks: AuthHooks = {};

export function setAuthHooks(h: AuthHooks): void {
  hooks = h;
}

let lastContact = 0;

/** When the API last answered a request of this tab (ms since the epoch; 0 before the first). */
export function lastApiContact(): number {
  return lastContact;
}

type RefreshOutcome = { ok: true } | { ok: false; ended: boolean; error: ApiError };

/** The refresh in flight: every request that meets a 401 meanwhile waits for this one. */
let refreshing: Promise<RefreshOutcome> | null = null;

function refreshSession(
  csrfAtSend: string | undefined,
  doFetch: typeof fetch,
  background: boolean,
): Promise<RefreshOutcome> {
  refreshing ??= withRefreshLock(() => runRefresh(csrfAtSend, doFetch, background)).finally(() => {
    refreshing = null;
  });
  return refreshing;
}

/** One refresh at a time across the tabs of this browser: the refresh token is single-use. */
function withRefreshLock<T>(run: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  return locks ? locks.request('hz-auth-refresh', run) : run();
}

async function runRefresh(
  csrfAtSend: string | undefined,
  doFetch: typeof fetch,
  background: boolean,
): Promise<RefreshOutcome> {
  const csrfNow = readCookie(CSRF_COOKIE);
  // Every refresh rotates the CSRF cookie: a new value means another request or tab has renewed the tokens
  // since this request went out, so sending it again is enough.
  if (csrfNow && csrfNow !== csrfAtSend) return { ok: true };
  // No session cookies at all: nothing to refresh.
  if (!csrfNow) return { ok: false, ended: true, error: new ApiError(401, 'UNAUTHENTICATED', '请先登录') };
  try {
    await send(REFRESH_PATH, 'POST', undefined, background ? { [BACKGROUND_HEADER]: '1' } : {}, undefined, doFetch);
    return { ok: true };
  } catch (e) {
    const error = e instanceof ApiError ? e : new ApiError(0, 'NETWORK_ERROR', NETWORK_ERROR_MESSAGE);
    return { ok: false, ended: error.status === 401, error };
  }
}

/**
 * Sends one request and returns the parsed JSON body (`undefined` for 204). Throws {@link ApiError}. A 401
 * is answered by one refresh and one retry; see the module comment.
 */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', body, signal, fetch: doFetch = fetch, background = false } = options;
  const headers = background ? { ...options.headers, [BACKGROUND_HEADER]: '1' } : (options.headers ?? {});
  const csrfAtSend = readCookie(CSRF_COOKIE);
  try {
    return await send<T>(path, method, body, headers, signal, doFetch);
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    if (e.status === 403 && e.code === 'SIGN_IN_INCOMPLETE') hooks.signInIncomplete?.(e);
    if (e.status !== 401 || NO_REFRESH.has(path)) throw e;
    const refreshed = await refreshSession(csrfAtSend, doFetch, background);
    if (!refreshed.ok) {
      if (refreshed.ended) hooks.sessionEnded?.(refreshed.error);
      throw refreshed.ended ? e : refreshed.error;
    }
  }
  try {
    return await send<T>(path, method, body, headers, signal, doFetch);
  } catch (e) {
    // Refused again with fresh tokens: the session is over after all.
    if (e instanceof ApiError && e.status === 401) hooks.sessionEnded?.(e);
    if (e instanceof ApiError && e.status === 403 && e.code === 'SIGN_IN_INCOMPLETE') hooks.signInIncomplete?.(e);
    throw e;
  }
}

async function send<T>(
  path: string,
  method: HttpMethod,
  body: unknown,
  headers: Record<string, string>,
  signal: AbortSignal | undefined,
  doFetch: typeof fetch,
): Promise<T> {
  const h: Record<string, string> = { accept: 'application/json', ...headers };
  if (UNSAFE_METHODS.has(method)) {
    const csrf = readCookie(CSRF_COOKIE);
    if (csrf) h[CSRF_HEADER] = csrf;
  }
  const init: RequestInit = { method, credentials: 'same-origin', headers: h };
  if (signal) init.signal = signal;
  if (body !== undefined) {
    h['content-type'] = 'application/json';
    init.body = JSON.stringify(body);
  }

  let response: Response;
  try {
    response = await doFetch(path, init);
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'NETWORK_ERROR', NETWORK_ERROR_MESSAGE);
  }
  lastContact = Date.now();

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
  423: 'LOCKED',
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
        ? `服务接口暂不可用（HTTP ${status}），请稍后重试；如仍有问题，${CONTACT_SUPPORT}。`
        : `请求失败（HTTP ${status}），请稍后重试。`;
  return new ApiError(status, code, message);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isFieldIssue(v: unknown): v is FieldIssue {
  return isRecord(v) && typeof v.path === 'string' && typeof v.message === 'string';
}
