/**
 * Session cookies. Tokens are `<sessionId>.<secret>`: the id finds the session item with one GetItem, the
 * secret (256 random bits) is compared by its SHA-256 hash. Cookies are HttpOnly (script can't read a
 * token), Secure, SameSite=Strict (no cross-site sends); the refresh token goes only to /api/auth.
 * The CSRF token is the one cookie script may read: unsafe requests echo it in `x-csrf-token`, and the
 * server checks it against the session's hash (double submit bound to the session).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const COOKIE = { access: 'hz_at', refresh: 'hz_rt', csrf: 'hz_csrf' } as const;
export const CSRF_HEADER = 'x-csrf-token';

/** Access tokens live 15 minutes; the idle timeout is 30 (等保); a session ends after 12 hours regardless. */
export const ACCESS_TTL_MS = 15 * 60_000;
export const IDLE_TIMEOUT_MS = 30 * 60_000;
export const SESSION_MAX_MS = 12 * 3600_000;

export const newSecret = (): string => randomBytes(32).toString('base64url');
export const newId = (): string => randomBytes(16).toString('base64url');
export const sha256 = (s: string): string => createHash('sha256').update(s).digest('base64url');

export function sameHash(a: string, b: string | undefined): boolean {
  if (!b) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function splitToken(token: string | undefined): { sessionId: string; secret: string } | null {
  if (!token || token.length > 200) return null;
  const [sessionId, secret, extra] = token.split('.');
  if (!sessionId || !secret || extra !== undefined) return null;
  if (!/^[\w-]+$/.test(sessionId) || !/^[\w-]+$/.test(secret)) return null;
  return { sessionId, secret };
}

/** The cookies of an API Gateway v2 event (`cookies` array), by name. */
export function readCookies(cookies: readonly string[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of cookies ?? []) {
    const i = c.indexOf('=');
    if (i > 0) out[c.slice(0, i).trim()] = decodeURIComponent(c.slice(i + 1).trim());
  }
  return out;
}

interface CookieOptions {
  maxAgeSeconds: number;
  path: string;
  httpOnly: boolean;
}

function cookie(name: string, value: string, o: CookieOptions): string {
  return [
    `${name}=${encodeURIComponent(value)}`,
    `Path=${o.path}`,
    `Max-Age=${o.maxAgeSeconds}`,
    'Secure',
    'SameSite=Strict',
    ...(o.httpOnly ? ['HttpOnly'] : []),
  ].join('; ');
}

export function sessionCookies(t: { sessionId: string; access: string; refresh: string; csrf: string }): string[] {
  return [
    cookie(COOKIE.access, `${t.sessionId}.${t.access}`, {
      maxAgeSeconds: ACCESS_TTL_MS / 1000,
      path: '/api',
      httpOnly: true,
    }),
    cookie(COOKIE.refresh, `${t.sessionId}.${t.refresh}`, {
      maxAgeSeconds: SESSION_MAX_MS / 1000,
      path: '/api/auth',
      httpOnly: true,
    }),
    cookie(COOKIE.csrf, t.csrf, { maxAgeSeconds: SESSION_MAX_MS / 1000, path: '/', httpOnly: false }),
  ];
}

export function clearedCookies(): string[] {
  return [
    cookie(COOKIE.access, '', { maxAgeSeconds: 0, path: '/api', httpOnly: true }),
    cookie(COOKIE.refresh, '', { maxAgeSeconds: 0, path: '/api/auth', httpOnly: true }),
    cookie(COOKIE.csrf, '', { maxAgeSeconds: 0, path: '/', httpOnly: false }),
  ];
}
