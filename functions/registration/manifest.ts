import * as z from 'zod/mini';
import {
  RegistrationDecision,
  RegistrationLookupQuery,
  RegistrationLookupResponse,
  RegistrationRejectRequest,
  RegistrationRequest,
  RegistrationReviewPage,
  RegistrationReviewQuery,
  RegistrationSubmitted,
} from '../../shared/api/registration';
import { defineContext, defineRoute } from '../lib/wiring';

/** Enterprise self-registration (立即注册) and its review by the matching 审核人员 (账号审核). */
/** Business routes: no admin role (三员分立, functions/lib/wiring.ts `business`). */
const REVIEWERS = { kind: 'regulator', roles: ['reviewer'], business: true } as const;
const requestIdParams = z.object({
  requestId: z.string().check(z.regex(/^reg-[\w-]{6,40}$/, { error: '申请编号格式不正确' })),
});

export const lookupRegistrant = defineRoute({
  operationId: 'lookupRegistrant',
  method: 'GET',
  path: '/api/registration/lookup',
  public: true,
  summary: '注册：按统一社会信用代码/注册号查找企业',
  tags: ['registration'],
  query: RegistrationLookupQuery,
  response: RegistrationLookupResponse,
});

export const submitRegistration = defineRoute({
  operationId: 'submitRegistration',
  method: 'POST',
  path: '/api/registration',
  public: true,
  summary: '注册：提交企业账号注册申请（待审核）',
  tags: ['registration'],
  body: RegistrationRequest,
  response: RegistrationSubmitted,
  successStatus: 201,
});

export const listRegistrationReviews = defineRoute({
  operationId: 'listRegistrationReviews',
  method: 'GET',
  path: '/api/registration/reviews',
  public: false,
  access: REVIEWERS,
  readOnly: true,
  summary: '账号审核：本类别、本辖区的企业注册申请',
  tags: ['registration'],
  query: RegistrationReviewQuery,
  response: RegistrationReviewPage,
});

export const approveRegistration = defineRoute({
  operationId: 'approveRegistration',
  method: 'POST',
  path: '/api/registration/reviews/{requestId}/approve',
  public: false,
  access: REVIEWERS,
  summary: '账号审核：同意',
  tags: ['registration'],
  params: requestIdParams,
  response: RegistrationDecision,
});

export const rejectRegistration = defineRoute({
  operationId: 'rejectRegistration',
  method: 'POST',
  path: '/api/registration/reviews/{requestId}/reject',
  public: false,
  access: REVIEWERS,
  summary: '账号审核：拒绝（须填写原因）',
  tags: ['registration'],
  params: requestIdParams,
  body: RegistrationRejectRequest,
  response: RegistrationDecision,
});

export const registrationManifest = defineContext({
  context: 'registration',
  entry: 'functions/registration/handler.ts',
  description: 'enterprise self-registration and its review',
  routes: [lookupRegistrant, submitRegistration, listRegistrationReviews, approveRegistration, rejectRegistration],
  subscriptions: [],
  schedules: [],
  grants: {
    table: {
      write: [
        'registrations',
        'registrationTasks',
        'registrationGuards',
        'accounts',
        'loginClaims',
        'accountCounters',
        'enterprises',
        'enterpriseListings',
        'licences',
        'creditCodeClaims',
        'enterpriseCounters',
        'loginGuards',
        'rateWindows',
        'captchas',
        'sessions',
        'audit',
      ],
    },
  },
  // scrypt for the applicant's password.
  memoryMb: 1024,
});
