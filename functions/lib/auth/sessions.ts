/**
 * Sessions: created at login, resolved on every request, rotated on refresh, revoked on logout.
 * Domain code: takes the store and the clock as arguments.
 */
import type { EntityItem } from 'electrodb';
import type { SessionStage } from '../../../shared/api/identity';
import type { Store } from '../../store';
import {
  ACCESS_TTL_MS,
  IDLE_TIMEOUT_MS,
  newId,
  newSecret,
  sameHash,
  SESSION_MAX_MS,
  sha256,
  splitToken,
} from './tokens';

export interface SessionIdentity {
  accountId: string;
  kind: 'regulator' | 'enterprise';
  login: string;
  name: string;
  department?: string;
  regionCode?: string;
  categories?: string[];
  roles?: string[];
  category?: string;
  enterpriseId?: string;
}

export interface IssuedTokens {
  sessionId: string;
  access: string;
  refresh: string;
  csrf: string;
}

export type SessionRecord = EntityItem<Store['sessions']>;

/** Activity is written at most once a minute, so the idle clock costs a write per minute, not per request. */
const TOUCH_EVERY_MS = 60_000;

export async function createSession(
  store: Store,
  who: SessionIdentity,
  stage: SessionStage,
  meta: { sourceIp?: string; userAgent?: string; passwordChangeReason?: 'initial' | 'expired' },
  now = Date.now(),
): Promise<IssuedTokens> {
  const tokens = { sessionId: newId(), access: newSecret(), refresh: newSecret(), csrf: newSecret() };
  await store.sessions
    .create({
      sessionId: tokens.sessionId,
      ...who,
      stage,
      ...(meta.passwordChangeReason ? { passwordChangeReason: meta.passwordChangeReason } : {}),
      accessHash: sha256(tokens.access),
      accessExpiresAt: now + ACCESS_TTL_MS,
      refreshHash: sha256(tokens.refresh),
      csrfHash: sha256(tokens.csrf),
      lastActivityAt: now,
      createdAt: now,
      expiresAt: Math.ceil((now + SESSION_MAX_MS) / 1000),
      ...(meta.sourceIp ? { sourceIp: meta.sourceIp } : {}),
      ...(meta.userAgent ? { userAgent: meta.userAgent.slice(0, 200) } : {}),
    })
    .go();
  return tokens;
}

export type ResolveFailure = 'missing' | 'invalid' | 'expired' | 'idle' | 'revoked';

function usable(s: SessionRecord, now: number): ResolveFailure | null {
  if (s.revoked) return 'revoked';
  if (now - s.lastActivityAt > IDLE_TIMEOUT_MS) return 'idle';
  if (s.expiresAt * 1000 <= now) return 'expired';
  return null;
}

/**
 * The session an access token belongs to, if it is valid now; refreshes the idle clock unless the request
 * is `background` (a poll no person made).
 */
export async function resolveAccessToken(
  store: Store,
  token: string | undefined,
  now = Date.now(),
  { background = false } = {},
): Promise<{ session: SessionRecord } | { failure: ResolveFailure }> {
  const parts = splitToken(token);
  if (!parts) return { failure: token ? 'invalid' : 'missing' };
  const { data } = await store.sessions.get({ sessionId: parts.sessionId }).go();
  if (!data || !sameHash(sha256(parts.secret), data.accessHash)) return { failure: 'invalid' };
  const problem = usable(data, now);
  if (problem) return { failure: problem };
  if (data.accessExpiresAt <= now) return { failure: 'expired' };
  if (!background && now - data.lastActivityAt >= TOUCH_EVERY_MS) {
    // Conditional so a revocation racing this request is never undone.
    await store.sessions
      .patch({ sessionId: data.sessionId })
      .set({ lastActivityAt: now })
      .where((a, op) => op.eq(a.revoked, false))
      .go()
      .catch(() => undefined);
  }
  return { session: data };
}

/**
 * Exchange a refresh token for a new pair. The old refresh token stops working at once (the update is
 * conditional on it); presenting an already-rotated one means it was copied, so the session is revoked.
 */
export async function rotateRefreshToken(
  store: Store,
  token: string | undefined,
  now = Date.now(),
  { background = false } = {},
): Promise<{ tokens: IssuedTokens; session: SessionRecord } | { failure: ResolveFailure | 'reused' }> {
  const parts = splitToken(token);
  if (!parts) return { failure: token ? 'invalid' : 'missing' };
  const { data } = await store.sessions.get({ sessionId: parts.sessionId }).go();
  if (!data) return { failure: 'invalid' };
  const presented = sha256(parts.secret);
  if (!sameHash(presented, data.refreshHash)) {
    if (sameHash(presented, data.previousRefreshHash)) {
      await revokeSession(store, data.sessionId);
      return { failure: 'reused' };
    }
    return { failure: 'invalid' };
  }
  const problem = usable(data, now);
  if (problem) return { failure: problem };
  const tokens = { sessionId: data.sessionId, access: newSecret(), refresh: newSecret(), csrf: newSecret() };
  try {
    const { data: updated } = await store.sessions
      .patch({ sessionId: data.sessionId })
      .set({
        accessHash: sha256(tokens.access),
        accessExpiresAt: now + ACCESS_TTL_MS,
        refreshHash: sha256(tokens.refresh),
        previousRefreshHash: data.refreshHash,
        csrfHash: sha256(tokens.csrf),
        // A refresh caused by a poll is not activity: the idle clock keeps running.
        lastActivityAt: background ? data.lastActivityAt : now,
      })
      .where((a, op) => `${op.eq(a.refreshHash, data.refreshHash)} AND ${op.eq(a.revoked, false)}`)
      .go({ response: 'all_new' });
    return { tokens, session: updated as SessionRecord };
  } catch {
    // Another request rotated it first: this copy is the stale one.
    return { failure: 'invalid' };
  }
}

export async function revokeSession(store: Store, sessionId: string): Promise<void> {
  await store.sessions
    .patch({ sessionId })
    .set({ revoked: true })
    .go()
    .catch((err: { cause?: { name?: string } }) => {
      if (err.cause?.name !== 'ConditionalCheckFailedException') throw err;
    });
}

/** Move a session to its next step of signing in (or to active). */
export async function setSessionStage(store: Store, sessionId: string, stage: SessionStage): Promise<void> {
  await store.sessions.patch({ sessionId }).set({ stage }).remove(['passwordChangeReason']).go();
}

export function csrfMatches(session: SessionRecord, header: string | undefined): boolean {
  return Boolean(header) && header!.length < 200 && sameHash(sha256(header!), session.csrfHash);
}
