/**
 * The registration context's Lambda: look-up and application (public, captcha-protected), and the
 * 审核人员's queue and decisions.
 */
import { requireCaptcha } from '../lib/auth/captcha';
import { limitAddress } from '../lib/auth/guard';
import { defineHandler } from '../lib/handler';
import { applyForAccount, lookupRegistrant } from './apply';
import { registrationManifest } from './manifest';
import { approve, listReviews, reject } from './review';

export const handler = defineHandler(registrationManifest, ({ store }) => ({
  routes: {
    lookupRegistrant: async ({ query, sourceIp }) => {
      // Public and answers about the register: the same per-address limit as signing in.
      await limitAddress(store, sourceIp);
      return lookupRegistrant(store, query.code);
    },
    submitRegistration: async ({ body, sourceIp, requestId }) => {
      await requireCaptcha(store, body.captchaId, body.captcha);
      return applyForAccount(store, body, { sourceIp, requestId });
    },
    listRegistrationReviews: async ({ principal, query }) => listReviews(store, principal, query),
    approveRegistration: async ({ principal, params, sourceIp, requestId }) =>
      approve(store, principal, params.requestId, { sourceIp, requestId }),
    rejectRegistration: async ({ principal, params, body, sourceIp, requestId }) =>
      reject(store, principal, params.requestId, body.reason, { sourceIp, requestId }),
  },
}));
