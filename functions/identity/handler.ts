/**
 * The identity context's Lambda: sign-in for regulators and enterprises, the session (refresh, read,
 * logout), password change and the TOTP second factor.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { BACKGROUND_HEADER } from '../../shared/api/headers';
import { appendAudit, auditFrom } from '../lib/audit';
import { CAPTCHA_TTL_SECONDS, issueCaptcha, requireCaptcha } from '../lib/auth/captcha';
import type { Principal } from '../lib/auth/principal';
import { revokeSession, rotateRefreshToken } from '../lib/auth/sessions';
import { clearedCookies, COOKIE, readCookies, sessionCookies } from '../lib/auth/tokens';
import { defineHandler } from '../lib/handler';
import { unauthenticated } from '../lib/http/errors';
import { Reply } from '../lib/http/responses';
import type { Store } from '../store';
import { identityManifest } from './manifest';
import {
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
async function currentView(store: Store, p: Principal) {
  const [s, a] = await Promise.all([
    store.sessions.get({ sessionId: p.sessionId }).go(),
    store.accounts.get({ accountId: p.accountId }).go(),
  ]);
  if (!s.data) throw unauthenticated('登录已失效，请重新登录');
  return sessionView(s.data, Boolean(a.data?.totpSecret));
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
    getCaptcha: async () => ({ ...(await issueCaptcha(store)), expiresInSeconds: CAPTCHA_TTL_SECONDS }),
    refreshSession: async ({ event }) => {
      const rotated = await rotateRefreshToken(store, readCookies(event.cookies)[COOKIE.refresh], now(), {
        background: event.headers?.[BACKGROUND_HEADER] === '1',
      });
      if ('failure' in rotated) {
        // The browser's cookies are dead: clear them so it stops presenting them.
        throw unauthenticated('登录已失效，请重新登录', clearedCookies());
      }
      const a = await store.accounts.get({ accountId: rotated.session.accountId }).go();
      return new Reply(
        sessionView(rotated.session, Boolean(a.data?.totpSecret)),
        200,
        {},
        sessionCookies(rotated.tokens),
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
      await changePassword(store, principal, body.currentPassword, body.newPassword, meta(event, sourceIp, requestId));
      return currentView(store, principal);
    },
    startTotpEnrolment: async ({ principal }) => startTotpEnrolment(store, principal),
    confirmTotpEnrolment: async ({ principal, body, event, sourceIp, requestId }) => {
      await confirmTotpEnrolment(store, principal, body.code, meta(event, sourceIp, requestId));
      return currentView(store, principal);
    },
    verifyTotp: async ({ principal, body, event, sourceIp, requestId }) => {
      await verifyTotpStep(store, principal, body.code, meta(event, sourceIp, requestId));
      return currentView(store, principal);
    },
  },
}));
