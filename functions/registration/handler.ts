/**
 * The registration context's Lambda: look-up and application (public, captcha-protected), and the
 * 审核人员's queue and decisions.
 */
import { documents } from '../lib/clients/dynamodb';
import { config } from '../lib/config';
import { contextHandler } from '../lib/dispatch';
import { AppError } from '../lib/http/errors';
import { httpRoute } from '../lib/http/route';
import { createLogger } from '../lib/logger';
import { createStore, type Store } from '../store';
import { consumeCaptcha } from '../lib/auth/captcha';
import { limitAddress } from '../lib/auth/guard';
import type { Principal } from '../lib/auth/principal';
import { applyForAccount, lookupRegistrant } from './apply';
import * as routes from './manifest';
import { approve, listReviews, reject } from './review';

const logger = createLogger('registration');

let store: Store | undefined;
const storeOf = (): Store => (store ??= createStore(documents, config.tableName));

type Regulator = Extract<Principal, { kind: 'regulator' }>;
/** The manifest admits only regulators with the reviewer role to these routes. */
const reviewer = (p: Principal) => p as Regulator;

export const handler = contextHandler(
  routes.registrationManifest,
  {
    routes: {
      lookupRegistrant: httpRoute(
        routes.lookupRegistrant,
        async ({ query, sourceIp }) => {
          // Public and answers about the register: the same per-address limit as signing in.
          await limitAddress(storeOf(), sourceIp);
          return lookupRegistrant(storeOf(), query.code);
        },
        logger,
      ),
      submitRegistration: httpRoute(
        routes.submitRegistration,
        async ({ body, sourceIp, requestId }) => {
          if (!(await consumeCaptcha(storeOf(), body.captchaId, body.captcha))) {
            throw new AppError(400, 'VALIDATION_FAILED', '验证码不正确或已过期，请重新输入', [
              { path: 'body.captcha', message: '验证码不正确或已过期' },
            ]);
          }
          return applyForAccount(storeOf(), body, { sourceIp, requestId });
        },
        logger,
      ),
      listRegistrationReviews: httpRoute(
        routes.listRegistrationReviews,
        async ({ principal, query }) => listReviews(storeOf(), reviewer(principal), query),
        logger,
      ),
      approveRegistration: httpRoute(
        routes.approveRegistration,
        async ({ principal, params, sourceIp, requestId }) =>
          approve(storeOf(), reviewer(principal), params.requestId, { sourceIp, requestId }),
        logger,
      ),
      rejectRegistration: httpRoute(
        routes.rejectRegistration,
        async ({ principal, params, body, sourceIp, requestId }) =>
          reject(storeOf(), reviewer(principal), params.requestId, body.reason, { sourceIp, requestId }),
        logger,
      ),
    },
  },
  logger,
);
