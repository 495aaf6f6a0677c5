/**
 * Brute-force defences of the login routes: a per-address rate limit, and a per-login lockout after five
 * failures for thirty minutes (等保2.0 level 3).
 *
 * The lockout reserves before it checks: `reserveAttempt` adds one to the login's counter only while it is
 * below five and the login is not locked (one conditional update, atomic in DynamoDB), and only a reserved
 * attempt may verify a password or a code. Thirty attempts at once therefore verify at most five secrets —
 * counting after the check, as before, let every request in flight through. A failed check keeps its
 * reservation (it is the failure); the fifth failure locks; a success clears the counter.
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

const isConditionFailure = (err: unknown): boolean =>
  (err as { cause?: { name?: string } } | null)?.cause?.name === 'ConditionalCheckFailedException' ||
  (err as { name?: string } | null)?.name === 'ConditionalCheckFailedException';

/** A reserved attempt: which one it is (1–5); settle it with `attemptFailed` or `clearFailures`. */
export interface Reservation {
  login: string;
  attempt: number;
}

/**
 * Reserve one attempt at a secret for this login, or throw 423 when it is locked or five attempts are
 * already counted (in flight or failed). Nothing else in the module may let a check proceed.
 */
export async function reserveAttempt(store: Store, login: string, now = Date.now()): Promise<Reservation> {
  for (let round = 0; ; round++) {
    try {
      const { data } = await store.loginGuards
        .update({ login })
        .add({ failures: 1 })
        .set({ lastAttemptAt: now, expiresAt: Math.floor((now + 24 * 3600_000) / 1000) })
        .where(
          (a, op) =>
            `(${op.notExists(a.failures)} OR ${op.lt(a.failures, MAX_FAILURES)}) AND (${op.notExists(a.lockedUntil)} OR ${op.lte(a.lockedUntil, now)})`,
        )
        .go({ response: 'all_new' });
      return { login, attempt: data.failures ?? 1 };
    } catch (err) {
      if (!isConditionFailure(err)) throw err;
    }
    if (round > 0) throw lockedError();
    // Refused. A full counter with no lock whose last reservation is older than a lock would last was left by
    // an attempt that died between reserving and settling: free it once, conditionally, and try again.
    const { data } = await store.loginGuards.get({ login }).go({ consistent: true });
    const stale =
      data &&
      !(data.lockedUntil && data.lockedUntil > now) &&
      data.failures >= MAX_FAILURES &&
      (data.lastAttemptAt ?? 0) < now - LOCK_MS;
    if (!stale) throw lockedError();
    await store.loginGuards
      .update({ login })
      .set({ failures: 0 })
      .where((a, op) => op.eq(a.lastAttemptAt, data.lastAttemptAt ?? 0))
      .go()
      .catch((e: unknown) => {
        if (!isConditionFailure(e)) throw e;
      });
  }
}

/** The reserved attempt failed: it stays counted; the fifth locks the login. Returns true when it locked. */
export async function attemptFailed(store: Store, r: Reservation, now = Date.now()): Promise<boolean> {
  if (r.attempt < MAX_FAILURES) return false;
  await store.loginGuards
    .update({ login: r.login })
    .set({ lockedUntil: now + LOCK_MS, failures: 0 })
    .go();
  return true;
}

/** The reserved attempt was not a guess (a replayed one-time code): give the reservation back. */
export async function releaseAttempt(store: Store, r: Reservation): Promise<void> {
  await store.loginGuards
    .update({ login: r.login })
    .add({ failures: -1 })
    .where((a, op) => op.gt(a.failures, 0))
    .go()
    .catch((err: unknown) => {
      if (!isConditionFailure(err)) throw err;
    });
}

/** Lock the login now (the second-factor step's fifth wrong code locks like the fifth wrong password). */
export async function lockLogin(store: Store, login: string, now = Date.now()): Promise<void> {
  await store.loginGuards
    .update({ login })
    .set({ lockedUntil: now + LOCK_MS, failures: 0, expiresAt: Math.floor((now + 24 * 3600_000) / 1000) })
    .go();
}

export async function clearFailures(store: Store, login: string): Promise<void> {
  await store.loginGuards.delete({ login }).go();
}
