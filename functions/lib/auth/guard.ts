/**
 * Brute-force defences of the login routes: a per-address rate limit, and a per-login lockout after five
 * failures for thirty minutes (等保2.0 level 3). Counters are atomic updates, so concurrent attempts are
 * all counted.
 */
import { AppError, tooMany } from '../http/errors';
import type { Store } from '../../store';

export const MAX_FAILURES = 5;
export const LOCK_MS = 30 * 60_000;
/** Login attempts one source address may make per minute. */
export const ADDRESS_LIMIT_PER_MINUTE = 30;

export async function limitAddress(store: Store, sourceIp: string, now = Date.now()): Promise<void> {
  await limitPerAddress(store, 'login', sourceIp, ADDRESS_LIMIT_PER_MINUTE, '登录尝试过于频繁，请稍后再试', now);
}

/** Count one `purpose` action of an address in the current minute; 429 with `message` past `limit`. */
export async function limitPerAddress(
  store: Store,
  purpose: string,
  sourceIp: string,
  limit: number,
  message: string,
  now = Date.now(),
): Promise<void> {
  const window = new Date(now).toISOString().slice(0, 16);
  const { data } = await store.rateWindows
    .update({ key: `${purpose}:${sourceIp || 'unknown'}`, window })
    .add({ count: 1 })
    .set({ expiresAt: Math.floor(now / 1000) + 120 })
    .go({ response: 'all_new' });
  if ((data.count ?? 0) > limit) throw tooMany(message);
}

export const lockedError = () =>
  new AppError(423, 'LOCKED', `密码连续输错 ${MAX_FAILURES} 次，账号已锁定，请 ${LOCK_MS / 60_000} 分钟后再试`);

export async function assertNotLocked(store: Store, login: string, now = Date.now()): Promise<void> {
  const { data } = await store.loginGuards.get({ login }).go();
  if (data?.lockedUntil && data.lockedUntil > now) throw lockedError();
}

/** Count a failure; the fifth locks the login. Returns true when this failure locked it. */
export async function recordFailure(store: Store, login: string, now = Date.now()): Promise<boolean> {
  const { data } = await store.loginGuards
    .update({ login })
    .add({ failures: 1 })
    .set({ expiresAt: Math.floor((now + 24 * 3600_000) / 1000) })
    .go({ response: 'all_new' });
  if ((data.failures ?? 0) < MAX_FAILURES) return false;
  await store.loginGuards
    .update({ login })
    .set({ lockedUntil: now + LOCK_MS, failures: 0 })
    .go();
  return true;
}

export async function clearFailures(store: Store, login: string): Promise<void> {
  await store.loginGuards.delete({ login }).go();
}
