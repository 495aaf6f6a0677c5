/**
 * The identity context's Lambda: sign-in for regulators and enterprises, the session (refresh, read,
 * logout), password change and the TOTP second factor.
 */
import { BACKGROUND_HEADER } from '../../shared/api/headers';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { documents } from '../lib/clients/dynamodb';
import { config } from '../lib/config';
import { contextHandler } from '../lib/dispatch';
import type { Principal } from '../lib/auth/principal';
import { revokeSession, rotateRefreshToken } from '../lib/auth/sessions';
import { clearedCookies, COOKIE, readCookies, sessionCookies } from '../lib/auth/tokens';
import { AppError, unauthenticated } from '../lib/http/errors';
import { Reply } from '../lib/http/responses';
import { httpRoute } from '../lib/http/route';
import { createLogger } from '../lib/logger';
import { appendAudit, auditFrom } from '../lib/audit';
import { createStore, type Store } from '../store';
import { CAPTCHA_TTL_SECONDS, consumeCaptcha, issueCaptcha } from '../lib/auth/captcha';
import * as routes from './manifest';
import {
  changePassword,
  confirmTotpEnrolment,
  sessionView,
  signIn,
  startTotpEnrolment,
  verifyTotpStep,
  type SignInResult,
} from './sign-in';

const logger = createLogger('identity');

let store: Store | undefined;
const storeOf = (): Store => (store ??= createStore(documents, config.tableName));

const meta = (event: APIGatewayProxyEventV2, sourceIp: string, requestId: string) => ({
  sourceIp,
  requestId,
  ...(event.headers?.['user-agent'] ? { userAgent: event.headers['user-agent'] } : {}),
});

const signedIn = (r: Pick<SignInResult, 'tokens' | 'view'>) => new Reply(r.view, 200, {}, sessionCookies(r.tokens));

/** The session as it is now (after a step changed it), for the answer. */
async function currentView(p: Principal) {
  const s = await storeOf().sessions.get({ sessionId: p.sessionId }).go();
  const a = await storeOf().accounts.get({ accountId: p.accountId }).go();
  if (!s.data) throw unauthenticated('登录已失效，请重新登录');
  return sessionView(s.data, Boolean(a.data?.totpSecret));
}

export const handler = contextHandler(
  routes.identityManifest,
  {
    routes: {
      loginRegulator: httpRoute(
        routes.loginRegulator,
        async ({ body, event, sourceIp, requestId }) =>
          signedIn(await signIn(storeOf(), { kind: 'regulator', ...body }, meta(event, sourceIp, requestId))),
        logger,
      ),
      loginEnterprise: httpRoute(
        routes.loginEnterprise,
        async ({ body, event, sourceIp, requestId }) => {
          if (!(await consumeCaptcha(storeOf(), body.captchaId, body.captcha))) {
            throw new AppError(400, 'VALIDATION_FAILED', '验证码不正确或已过期，请重新输入', [
              { path: 'body.captcha', message: '验证码不正确或已过期' },
            ]);
          }
          return signedIn(
            await signIn(
              storeOf(),
              { kind: 'enterprise', login: body.login, password: body.password },
              meta(event, sourceIp, requestId),
            ),
          );
        },
        logger,
      ),
      getCaptcha: httpRoute(
        routes.getCaptcha,
        async ({ sourceIp }) => ({
          ...(await issueCaptcha(storeOf(), sourceIp)),
          expiresInSeconds: CAPTCHA_TTL_SECONDS,
        }),
        logger,
      ),
      refreshSession: httpRoute(
        routes.refreshSession,
        async ({ event }) => {
          const rotated = await rotateRefreshToken(storeOf(), readCookies(event.cookies)[COOKIE.refresh], Date.now(), {
            background: event.headers?.[BACKGROUND_HEADER] === '1',
          });
          if ('failure' in rotated) {
            // The browser's cookies are dead: clear them so it stops presenting them.
            throw unauthenticated('登录已失效，请重新登录', clearedCookies());
          }
          const a = await storeOf().accounts.get({ accountId: rotated.session.accountId }).go();
          return new Reply(
            sessionView(rotated.session, Boolean(a.data?.totpSecret)),
            200,
            {},
            sessionCookies(rotated.tokens),
          );
        },
        logger,
      ),
      getSession: httpRoute(routes.getSession, async ({ principal }) => currentView(principal), logger),
      logout: httpRoute(
        routes.logout,
        async ({ principal, sourceIp, requestId }) => {
          await revokeSession(storeOf(), principal.sessionId);
          await appendAudit(storeOf(), {
            ...auditFrom({ principal, sourceIp, requestId }),
            action: 'auth.logout',
            object: { type: 'session', id: principal.sessionId },
            outcome: 'success',
          });
          return new Reply({ ok: true as const }, 200, {}, clearedCookies());
        },
        logger,
      ),
      changePassword: httpRoute(
        routes.changePassword,
        async ({ principal, body, event, sourceIp, requestId }) => {
          await changePassword(
            storeOf(),
            principal,
            body.currentPassword,
            body.newPassword,
            meta(event, sourceIp, requestId),
          );
          return currentView(principal);
        },
        logger,
      ),
      startTotpEnrolment: httpRoute(
        routes.startTotpEnrolment,
        async ({ principal }) => startTotpEnrolment(storeOf(), principal),
        logger,
      ),
      confirmTotpEnrolment: httpRoute(
        routes.confirmTotpEnrolment,
        async ({ principal, body, event, sourceIp, requestId }) => {
          await confirmTotpEnrolment(storeOf(), principal, body.code, meta(event, sourceIp, requestId));
          return currentView(principal);
        },
        logger,
      ),
      verifyTotp: httpRoute(
        routes.verifyTotp,
        async ({ principal, body, event, sourceIp, requestId }) => {
          await verifyTotpStep(storeOf(), principal, body.code, meta(event, sourceIp, requestId));
          return currentView(principal);
        },
        logger,
      ),
    },
  },
  logger,
);
