/**
 * Sessions: created at login, resolved on every request, rotated on refresh, revoked on logout.
 * Domain code: takes the store and the clock as arguments.
 */
import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { EntityItem } from 'electrodb';
import { createWriteTransaction } from 'electrodb';
import type { SessionStage } from '../../../shared/api/identity';
import type { Store } from '../../store';
import { unauthenticated } from '../http/errors';
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

/**
 * How long the refresh token just rotated out still answers (without new tokens): two tabs of one browser
 * that refresh at the same moment send the same cookie, and the slower must not sign both out.
 */
export const REFRESH_GRACE_MS = 30_000;

/** A failed condition (expected, handled) as opposed to a throttle or an outage (rethrown). */
export const isConditionFailure = (err: unknown): boolean => {
  const e = err as { name?: string; cause?: { name?: string } } | null;
  return e?.name === 'ConditionalCheckFailedException' || e?.cause?.name === 'ConditionalCheckFailedException';
};

/** The session to move on was revoked, expired or moved on by a concurrent request. */
const sessionEnded = () => unauthenticated('登录已失效，请重新登录');

const isCancelledByCondition = (err: unknown): boolean => {
  const e = err as { name?: string; CancellationReasons?: { Code?: string }[] } | null;
  return (
    e?.name === 'TransactionCanceledException' &&
    (e.CancellationReasons ?? []).some((r) => r.Code === 'ConditionalCheckFailed')
  );
};

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
      // Revoked meanwhile: the next request sees it. A throttled touch is dropped on purpose too — the idle
      // clock is best effort (the next request a minute on touches again), and failing the person's request
      // for it would turn a busy table into errors on every screen.
      .catch(() => undefined);
  }
  return { session: data };
}

/**
 * Exchange a refresh token for a new pair. The old refresh token stops working at once (the update is
 * conditional on it); presenting it again within REFRESH_GRACE_MS is a parallel tab and is answered
 * without tokens (the other tab's answer carries them); presenting it later means it was copied, so the
 * session is revoked.
 */
export async function rotateRefreshToken(
  store: Store,
  token: string | undefined,
  now = Date.now(),
  { background = false } = {},
): Promise<{ tokens?: IssuedTokens; session: SessionRecord } | { failure: ResolveFailure | 'reused' }> {
  const parts = splitToken(token);
  if (!parts) return { failure: token ? 'invalid' : 'missing' };
  const presented = sha256(parts.secret);
  for (let round = 0; round < 2; round++) {
    const { data } = await store.sessions.get({ sessionId: parts.sessionId }).go({ consistent: round > 0 });
    if (!data) return { failure: 'invalid' };
    if (!sameHash(presented, data.refreshHash)) {
      if (!sameHash(presented, data.previousRefreshHash)) return { failure: 'invalid' };
      const problem = usable(data, now);
      if (problem) return { failure: problem };
      if (data.rotatedAt !== undefined && now - data.rotatedAt <= REFRESH_GRACE_MS) return { session: data };
      await revokeSession(store, data.sessionId);
      return { failure: 'reused' };
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
          rotatedAt: now,
          csrfHash: sha256(tokens.csrf),
          // A refresh caused by a poll is not activity: the idle clock keeps running.
          lastActivityAt: background ? data.lastActivityAt : now,
        })
        .where((a, op) => `${op.eq(a.refreshHash, data.refreshHash)} AND ${op.eq(a.revoked, false)}`)
        .go({ response: 'all_new' });
      return { tokens, session: updated as SessionRecord };
    } catch (err) {
      if (!isConditionFailure(err)) throw err;
      // Another request rotated it (or revoked the session) first: read again and answer as for that.
    }
  }
  return { failure: 'invalid' };
}

export async function revokeSession(store: Store, sessionId: string): Promise<void> {
  await store.sessions
    .patch({ sessionId })
    .set({ revoked: true })
    .go()
    .catch((err: unknown) => {
      if (!isConditionFailure(err)) throw err;
    });
}

/** Revoke every live session of the account but `except`: one Query on the session index, one update each. */
export async function revokeSessionsOf(store: Store, accountId: string, except?: string): Promise<number> {
  const { data } = await store.sessions.query.byAccount({ accountId }).go({ pages: 'all' });
  const live = data.filter((s) => !s.revoked && s.sessionId !== except);
  await Promise.all(live.map((s) => revokeSession(store, s.sessionId)));
  return live.length;
}

/**
 * Move a session to its next step of signing in (or to active) under a NEW id and new tokens, revoking the
 * old one in the same transaction: whatever was learnt of the half-signed-in session's tokens (or planted
 * before sign-in) is worth nothing once it is active. The absolute lifetime stays the original's.
 * Conditional on the old session being live and at the stage read, so a step taken twice at once moves once.
 */
export async function advanceSession(
  store: Store,
  sessionId: string,
  stage: SessionStage,
  now = Date.now(),
): Promise<IssuedTokens> {
  const { data: old } = await store.sessions.get({ sessionId }).go({ consistent: true });
  if (!old || usable(old, now)) throw sessionEnded();
  const tokens = { sessionId: newId(), access: newSecret(), refresh: newSecret(), csrf: newSecret() };
  const { passwordChangeReason: _reason, previousRefreshHash: _prev, rotatedAt: _rotated, ...kept } = old;
  const items = createWriteTransaction({ sessions: store.sessions }, ({ sessions }) => [
    sessions
      .create({
        ...kept,
        sessionId: tokens.sessionId,
        stage,
        revoked: false,
        accessHash: sha256(tokens.access),
        accessExpiresAt: now + ACCESS_TTL_MS,
        refreshHash: sha256(tokens.refresh),
        csrfHash: sha256(tokens.csrf),
        lastActivityAt: now,
      })
      .commit(),
    sessions
      .patch({ sessionId })
      .set({ revoked: true })
      .where((a, op) => `${op.eq(a.revoked, false)} AND ${op.eq(a.stage, old.stage)}`)
      .commit(),
  ]).params().TransactItems as NonNullable<TransactWriteCommandInput['TransactItems']>;
  try {
    await store.client.send(new TransactWriteCommand({ TransactItems: items }));
  } catch (err) {
    if (isCancelledByCondition(err)) throw sessionEnded();
    throw err;
  }
  return tokens;
}

export function csrfMatches(session: SessionRecord, header: string | undefined): boolean {
  return Boolean(header) && header!.length < 200 && sameHash(sha256(header!), session.csrfHash);
}
