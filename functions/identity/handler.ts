/**
 * The identity context's Lambda: sign-in for regulators and enterprises, the session (refresh, read,
 * logout), password change and the TOTP second factor.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { BACKGROUND_HEADER } from '../../shared/api/headers';
import { appendAudit, auditFrom } from '../lib/audit';
import { CAPTCHA_TTL_SECONDS, issueCaptcha, requireCaptcha } from '../lib/auth/captcha';
import type { Principal } from '../lib/auth/principal';
import { revokeSession, rotateRefreshToken, type IssuedTokens } from '../lib/auth/sessions';
import { clearedCookies, COOKIE, readCookies, sessionCookies } from '../lib/auth/tokens';
import { defineHandler } from '../lib/handler';
import { unauthenticated } from '../lib/http/errors';
import { Reply } from '../lib/http/responses';
import type { Store } from '../store';
import { identityManifest } from './manifest';
import {
  cancelTotpEnrolment,
  changePassword,
  confirmTotpEnrolment,
  sessionView,
  signIn,
  startTotpEnrolment,
  verifyTotpStep,
  type SignInResult,
} from './sign-in';

const meta = (event: APIGatewayProxyEventV2, sourceIp: string, requestId: string) => ({
  sourceIp,
  requestId,
  ...(event.headers?.['user-agent'] ? { userAgent: event.headers['user-agent'] } : {}),
});

const signedIn = (r: Pick<SignInResult, 'tokens' | 'view'>) => new Reply(r.view, 200, {}, sessionCookies(r.tokens));

/** The session as it is now (after a step changed it), for the answer. */
async function currentView(store: Store, p: Pick<Principal, 'sessionId' | 'accountId'>) {
  const [s, a] = await Promise.all([
    store.sessions.get({ sessionId: p.sessionId }).go({ consistent: true }),
    store.accounts.get({ accountId: p.accountId }).go(),
  ]);
  if (!s.data) throw unauthenticated('登录已失效，请重新登录');
  return sessionView(s.data, Boolean(a.data?.totpSecret));
}

/** The answer of a step that may have moved the session on under new tokens (sessions.ts advanceSession). */
async function steppedView(store: Store, p: Principal, tokens: IssuedTokens | undefined) {
  if (!tokens) return currentView(store, p);
  return new Reply(
    await currentView(store, { sessionId: tokens.sessionId, accountId: p.accountId }),
    200,
    {},
    sessionCookies(tokens),
  );
}

export const handler = defineHandler(identityManifest, ({ store, now }) => ({
  routes: {
    loginRegulator: async ({ body, event, sourceIp, requestId }) =>
      signedIn(await signIn(store, { kind: 'regulator', ...body }, meta(event, sourceIp, requestId))),
    loginEnterprise: async ({ body, event, sourceIp, requestId }) => {
      await requireCaptcha(store, body.captchaId, body.captcha);
      return signedIn(
        await signIn(
          store,
          { kind: 'enterprise', login: body.login, password: body.password },
          meta(event, sourceIp, requestId),
        ),
      );
    },
    getCaptcha: async ({ sourceIp }) => ({
      ...(await issueCaptcha(store, sourceIp)),
      expiresInSeconds: CAPTCHA_TTL_SECONDS,
    }),
    refreshSession: async ({ event }) => {
      const rotated = await rotateRefreshToken(store, readCookies(event.cookies)[COOKIE.refresh], now(), {
        background: event.headers?.[BACKGROUND_HEADER] === '1',
      });
      if ('failure' in rotated) {
        // The browser's cookies are dead: clear them so it stops presenting them.
        throw unauthenticated('登录已失效，请重新登录', clearedCookies());
      }
      const a = await store.accounts.get({ accountId: rotated.session.accountId }).go();
      // Without tokens: the previous refresh token within its grace (a parallel tab) — the browser already
      // holds the new cookies from the other tab's answer, so none are set here.
      return new Reply(
        sessionView(rotated.session, Boolean(a.data?.totpSecret)),
        200,
        {},
        rotated.tokens ? sessionCookies(rotated.tokens) : [],
      );
    },
    getSession: async ({ principal }) => currentView(store, principal),
    logout: async ({ principal, sourceIp, requestId }) => {
      await revokeSession(store, principal.sessionId);
      await appendAudit(store, {
        ...auditFrom({ principal, sourceIp, requestId }),
        action: 'auth.logout',
        object: { type: 'session', id: principal.sessionId },
        outcome: 'success',
      });
      return new Reply({ ok: true as const }, 200, {}, clearedCookies());
    },
    changePassword: async ({ principal, body, event, sourceIp, requestId }) => {
      const { tokens } = await changePassword(
        store,
        principal,
        body.currentPassword,
        body.newPassword,
        meta(event, sourceIp, requestId),
      );
      return steppedView(store, principal, tokens);
    },
    startTotpEnrolment: async ({ principal, body, event, sourceIp, requestId }) =>
      startTotpEnrolment(store, principal, body, meta(event, sourceIp, requestId)),
    cancelTotpEnrolment: async ({ principal }) => {
      await cancelTotpEnrolment(store, principal);
      return { ok: true as const };
    },
    confirmTotpEnrolment: async ({ principal, body, event, sourceIp, requestId }) => {
      const { tokens } = await confirmTotpEnrolment(store, principal, body.code, meta(event, sourceIp, requestId));
      return steppedView(store, principal, tokens);
    },
    verifyTotp: async ({ principal, body, event, sourceIp, requestId }) => {
      const { tokens } = await verifyTotpStep(store, principal, body.code, meta(event, sourceIp, requestId));
      return steppedView(store, principal, tokens);
    },
  },
}));
