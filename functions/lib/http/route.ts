/**
 * The handler convention: a route implementation is a plain async function of parsed input; this module
 * wraps it in the middy stack every route shares, in this order —
 *   1. Powertools logger, keys reset per invocation;
 *   2. correlation id: API Gateway's own request id (server-generated — it picks the audit shard and is the
 *      audit record's requestId, so a caller must not choose it), on every log line and every answer; a
 *      caller's plain `x-request-id` is logged beside it as `clientRequestId`;
 *   3. error mapping: every failure becomes `{ error: { code, message, details } }` with a Chinese message;
 *      5xx details never leave the log;
 *   4. session check for every route the manifest does not mark public (a `readOnly` route's reads may start
 *      alongside it, released only once it passes: speculative.ts);
 *   5. zod parsing of path, query and body.
 */
import type { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy, { type MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type * as z from 'zod/mini';
import {
  authenticate,
  type AuthOutcome,
  type EnterpriseAccount,
  type Principal,
  type Regulator,
} from '../auth/principal';
import type { RouteDef } from '../wiring';
import { doesBusiness } from '../../../shared/reference/roles';
import { AppError, forbidden, unauthenticated } from './errors';

type AuthFailure = Extract<AuthOutcome, { failure: string }>['failure'];
import { parseRequest } from './parse';
import { alongsideSessionCheck } from './speculative';
import { clientAddress } from './viewer-address';
import { errorResponse, jsonResponse, Reply } from './responses';
import { contactSupportHere } from '../support';

/** The parsed type of an optional request part: `undefined` when the route declares none. */
type Out<S> = [NonNullable<S>] extends [never]
  ? undefined
  : NonNullable<S> extends z.ZodMiniType
    ? z.output<NonNullable<S>>
    : undefined;

/** The caller a route's implementation sees: null only on public routes, narrowed by the route's `access`. */
export type PrincipalFor<D extends RouteDef> = D['public'] extends false
  ? NonNullable<D['access']> extends { kind: 'regulator' }
    ? Regulator
    : NonNullable<D['access']> extends { kind: 'enterprise' }
      ? EnterpriseAccount
      : Principal
  : Principal | null;

export interface RouteInput<D extends RouteDef> {
  params: Out<D['params']>;
  query: Out<D['query']>;
  body: Out<D['body']>;
  principal: PrincipalFor<D>;
  requestId: string;
  sourceIp: string;
  event: APIGatewayProxyEventV2;
  logger: Logger;
}

export type RouteImpl<D extends RouteDef> = (
  input: RouteInput<D>,
) => Promise<z.input<D['response']> | Reply<z.input<D['response']>>>;

export type HttpHandler = (
  event: APIGatewayProxyEventV2,
  context: Context,
) => Promise<APIGatewayProxyStructuredResultV2>;

/** What the middlewares learn about a request, handed to the implementation. */
interface RouteContext extends Context {
  requestId: string;
}

type Mw = MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Error, RouteContext>;

/** Errors from DynamoDB that mean "busy, try again", not "broken". */
const THROTTLING = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'TransactionInProgressException',
]);

export function correlationIdOf(event: APIGatewayProxyEventV2): string {
  // Never the caller's header: the id picks the audit shard and is recorded as the audit's requestId, so a
  // caller choosing it could pile every write onto one shard or make records look like one request.
  return event.requestContext?.requestId || crypto.randomUUID();
}

/** The caller's own `x-request-id`, only if short and plain (it goes into logs), for tracing their side. */
export function clientRequestIdOf(event: APIGatewayProxyEventV2): string | undefined {
  const fromHeader = event.headers?.['x-request-id'];
  return fromHeader && /^[\w-]{8,64}$/.test(fromHeader) ? fromHeader : undefined;
}

export function toErrorResponse(err: unknown, requestId: string, logger: Logger): APIGatewayProxyStructuredResultV2 {
  if (err instanceof AppError) {
    if (err.status >= 500) logger.error('request failed', { error: err });
    else logger.info('request refused', { status: err.status, code: err.code });
    return errorResponse(err, requestId);
  }
  const name = (err as { name?: string } | null)?.name ?? '';
  // ElectroDB wraps the client's error: the throttle is its cause.
  const cause = (err as { cause?: { name?: string } } | null)?.cause?.name ?? '';
  if (THROTTLING.has(name) || THROTTLING.has(cause)) {
    logger.warn('throttled', { error: err as Error });
    return errorResponse(new AppError(503, 'SERVICE_UNAVAILABLE', '系统繁忙，请稍后再试'), requestId);
  }
  logger.error('unhandled error', { error: err as Error });
  return errorResponse(
    new AppError(500, 'INTERNAL', `系统内部错误，请稍后再试；如持续出现，${contactSupportHere()}。`),
    requestId,
  );
}

const correlation = (logger: Logger, def: RouteDef): Mw => ({
  before: (request) => {
    request.context.requestId = correlationIdOf(request.event);
    const clientRequestId = clientRequestIdOf(request.event);
    logger.appendKeys({
      correlationId: request.context.requestId,
      ...(clientRequestId ? { clientRequestId } : {}),
      route: `${def.method} ${def.path}`,
    });
  },
});

const errorMapping = (logger: Logger): Mw => ({
  onError: (request) => {
    request.response = toErrorResponse(request.error, request.context.requestId ?? 'unknown', logger);
  },
});

const SESSION_PROBLEMS: Record<Exclude<AuthFailure, 'csrf'>, string> = {
  missing: '请先登录',
  invalid: '登录信息无效，请重新登录',
  expired: '登录已过期，请重新登录',
  idle: '长时间未操作，登录已超时，请重新登录',
  revoked: '登录已失效，请重新登录',
};

/** Who may call the route: a live session for every non-public route, then the route's `access` rule. */
export function admit(def: RouteDef, outcome: AuthOutcome): Principal {
  if ('failure' in outcome) {
    if (outcome.failure === 'csrf') throw forbidden('请求校验失败，请刷新页面后重试');
    throw unauthenticated(SESSION_PROBLEMS[outcome.failure]);
  }
  const p = outcome.principal;
  if (p.stage !== 'active' && !def.pendingSession) {
    throw new AppError(403, 'SIGN_IN_INCOMPLETE', '请先完成登录：修改初始密码或完成身份验证');
  }
  const access = def.access;
  if (access && access.kind !== 'any' && access.kind !== p.kind) throw forbidden();
  if (access?.kind === 'regulator' && access.roles?.length && p.kind === 'regulator') {
    if (!access.roles.some((r) => (p.roles as readonly string[]).includes(r))) throw forbidden();
  }
  if (access && 'business' in access && access.business && p.kind === 'regulator' && !doesBusiness(p.roles)) {
    throw forbidden('管理员账号只做系统管理，不办理企业信息的新增、删除、纠错和审核（三员分立）');
  }
  return p;
}

export function httpRoute<D extends RouteDef>(def: D, impl: RouteImpl<D>, logger: Logger): HttpHandler {
  /** Runs the implementation on a parsed request for a caller (zod parsing is step 5 of the stack). */
  const run = (event: APIGatewayProxyEventV2, requestId: string, principal: Principal | null) =>
    impl({
      ...(parseRequest(def, event) as Pick<RouteInput<D>, 'params' | 'query' | 'body'>),
      principal: principal as RouteInput<D>['principal'],
      requestId,
      sourceIp: clientAddress(event),
      event,
      logger,
    });

  const handler = middy<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Error, RouteContext>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(correlation(logger, def))
    .use(errorMapping(logger))
    .handler(async (event, context) => {
      // Step 4, the session check: public routes never read a session (no extra request, no dependency on
      // one); read-only routes may run alongside it (speculative.ts); every other route waits for it.
      const result = def.public
        ? await run(event, context.requestId, null)
        : def.readOnly
          ? await alongsideSessionCheck(
              event,
              (outcome) => admit(def, outcome),
              (principal) => run(event, context.requestId, principal),
            )
          : await run(event, context.requestId, admit(def, await authenticate(event)));
      if (result instanceof Reply) {
        return jsonResponse(result.status, result.body, context.requestId, {
          headers: result.headers,
          cookies: result.cookies,
        });
      }
      return jsonResponse(def.successStatus ?? 200, result, context.requestId);
    });
  return handler as unknown as HttpHandler;
}
