/**
 * A guarded page costs two DynamoDB round trips in a row: the session, then the page's own reads. For a
 * route that only reads (`readOnly` in its manifest), this module takes the page's reads off the session's
 * critical path without releasing anything the session check would refuse:
 *
 * - a warm container remembers, per access token, the principal its last passing check produced (a minute
 *   at most, a bounded number of tokens);
 * - the next request with that token starts the implementation on the remembered principal AND the fresh
 *   session check at the same time;
 * - the answer is released only when the fresh check passes with the same principal (same account, session,
 *   roles, jurisdiction, categories, stage). Otherwise the speculative result — answer or error — is thrown
 *   away: a failed check answers with its own error, a changed principal runs the implementation again.
 *
 * Nothing leaks because a read-only implementation has no effect to undo, and its result never leaves
 * before the check. A cold container, a new token, or a route that writes takes the ordinary path.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { authenticate, type AuthOutcome, type Principal } from '../auth/principal';
import { COOKIE, readCookies } from '../auth/tokens';

const REMEMBER_MS = 60_000;
const MAX_TOKENS = 500;

const remembered = new Map<string, { principal: Principal; until: number }>();

function recall(token: string, now: number): Principal | undefined {
  const hit = remembered.get(token);
  if (!hit) return undefined;
  if (hit.until <= now) {
    remembered.delete(token);
    return undefined;
  }
  return hit.principal;
}

function remember(token: string, principal: Principal, now: number): void {
  remembered.delete(token);
  // A Map iterates in insertion order: the first key is the least recently remembered.
  if (remembered.size >= MAX_TOKENS) remembered.delete(remembered.keys().next().value!);
  remembered.set(token, { principal, until: now + REMEMBER_MS });
}

/** Every field a scope or role decision reads: two principals equal here are interchangeable for a route. */
export function samePrincipal(a: Principal, b: Principal): boolean {
  return JSON.stringify(a, Object.keys(a).sort()) === JSON.stringify(b, Object.keys(b).sort());
}

/** Settled outcome of a promise, so a speculative failure is never an unhandled rejection. */
const settle = <T>(p: Promise<T>) =>
  p.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );

/**
 * Run `impl` for the caller of `event`: on the principal remembered for its token alongside the fresh
 * check when there is one, else after the check. `admit` turns the check's outcome into the principal the
 * route accepts (throwing 401/403 as the route wrapper does).
 */
export async function alongsideSessionCheck<T>(
  event: APIGatewayProxyEventV2,
  admit: (outcome: AuthOutcome) => Principal,
  impl: (principal: Principal) => Promise<T>,
  check: (event: APIGatewayProxyEventV2) => Promise<AuthOutcome> = authenticate,
  now = Date.now(),
): Promise<T> {
  const token = readCookies(event.cookies)[COOKIE.access];
  const guess = token ? recall(token, now) : undefined;
  const early = guess ? settle(impl(guess)) : undefined;
  const principal = admit(await check(event));
  if (token) remember(token, principal, now);
  if (early && samePrincipal(guess!, principal)) {
    const r = await early;
    if (r.ok) return r.value;
    throw r.error;
  }
  return impl(principal);
}

/** For tests: forget every remembered principal. */
export function forgetPrincipals(): void {
  remembered.clear();
}
