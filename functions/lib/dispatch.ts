/**
 * One Lambda function per bounded context: this module turns a context's manifest and its implementations
 * into that function's single `handler`, which tells the three kinds of invocation apart —
 * an HTTP API request (routed by `routeKey`), an EventBridge event (matched against the manifest's
 * subscriptions) and a schedule tick (the payload the stack's schedule rule sends).
 * It refuses to build if the manifest and the implementations disagree, so a route can't be declared
 * without code, or coded without being declared.
 */
import type { Logger } from '@aws-lambda-powertools/logger';
import type { APIGatewayProxyEventV2, Context, EventBridgeEvent } from 'aws-lambda';
import type { HttpHandler } from './http/route';
import { toErrorResponse } from './http/route';
import { AppError } from './http/errors';
import { fromTrustedOrigin, ORIGIN_VERIFY_HEADER } from './http/origin-verify';
import { routeKey, type ContextManifest } from './wiring';
import type { EventDetail } from '../../shared/events/contract';

/** The input the schedule rule sends (CDK: RuleTargetInput; locally: the in-process scheduler). */
export interface ScheduleInvocation {
  kind: 'hazmat.schedule';
  schedule: string;
  /** When the tick was due, ISO 8601 UTC. */
  time: string;
}

export type DomainEventEnvelope = EventBridgeEvent<string, unknown>;

/** An event as its consumer receives it: the detail already parsed by the subscription's contract. */
export type DeliveredEvent<T = unknown> = Omit<DomainEventEnvelope, 'detail'> & { detail: EventDetail<T> };

/** A consumer of one subscription; `T` is its contract's payload (`EventData<typeof Contract>`). */
export type EventConsumer<T = never> = (event: DeliveredEvent<T>, logger: Logger) => Promise<unknown>;
export type ScheduleJob = (tick: ScheduleInvocation, logger: Logger) => Promise<unknown>;

export interface ContextImplementation {
  /** By operationId. */
  routes: Record<string, HttpHandler>;
  /** By subscription name. */
  consumers?: Record<string, EventConsumer>;
  /** By schedule name. */
  jobs?: Record<string, ScheduleJob>;
}

export const isScheduleInvocation = (e: unknown): e is ScheduleInvocation =>
  typeof e === 'object' && e !== null && (e as ScheduleInvocation).kind === 'hazmat.schedule';

const isHttpEvent = (e: unknown): e is APIGatewayProxyEventV2 =>
  typeof e === 'object' && e !== null && typeof (e as APIGatewayProxyEventV2).routeKey === 'string';

const isDomainEvent = (e: unknown): e is DomainEventEnvelope =>
  typeof e === 'object' && e !== null && typeof (e as DomainEventEnvelope)['detail-type'] === 'string';

/** An event whose detail its subscription's contract refuses. */
export class EventContractError extends Error {
  constructor(
    readonly subscription: string,
    readonly detailType: string,
    readonly issues: readonly string[],
  ) {
    super(`${detailType} refused by ${subscription}: ${issues.join('; ')}`);
    this.name = 'EventContractError';
  }
}

function sameKeys(what: string, declared: string[], implemented: string[]): void {
  const missing = declared.filter((k) => !implemented.includes(k));
  const extra = implemented.filter((k) => !declared.includes(k));
  if (missing.length || extra.length) {
    throw new Error(
      `${what}: declared without implementation [${missing}], implemented without declaration [${extra}]`,
    );
  }
}

export function contextHandler(manifest: ContextManifest, impl: ContextImplementation, logger: Logger) {
  sameKeys(
    `${manifest.context} routes`,
    manifest.routes.map((r) => r.operationId),
    Object.keys(impl.routes),
  );
  sameKeys(
    `${manifest.context} subscriptions`,
    manifest.subscriptions.map((s) => s.name),
    Object.keys(impl.consumers ?? {}),
  );
  sameKeys(
    `${manifest.context} schedules`,
    manifest.schedules.map((s) => s.name),
    Object.keys(impl.jobs ?? {}),
  );

  const byRouteKey = new Map(manifest.routes.map((r) => [routeKey(r), impl.routes[r.operationId]!]));

  return async function handler(event: unknown, context: Context): Promise<unknown> {
    if (isHttpEvent(event)) {
      // Straight to the execute-api URL, around CloudFront (and its WAF and address stamp): refused.
      if (!(await fromTrustedOrigin(event))) {
        return toErrorResponse(
          new AppError(403, 'FORBIDDEN', '请通过平台网址访问'),
          event.requestContext?.requestId ?? '',
          logger,
        );
      }
      // The secret goes no further (logs, audit records).
      delete event.headers?.[ORIGIN_VERIFY_HEADER];
      const route = byRouteKey.get(event.routeKey);
      if (!route) {
        // API Gateway only sends declared route keys; reaching here means a wiring fault, not bad input.
        return toErrorResponse(
          new AppError(404, 'NOT_FOUND', '接口不存在'),
          event.requestContext?.requestId ?? '',
          logger,
        );
      }
      return route(event, context);
    }
    if (isScheduleInvocation(event)) {
      const job = impl.jobs?.[event.schedule];
      if (!job) throw new Error(`${manifest.context}: no job named ${event.schedule}`);
      logger.appendKeys({ schedule: event.schedule });
      try {
        await job(event, logger);
      } finally {
        logger.resetKeys();
      }
      return { ok: true };
    }
    if (isDomainEvent(event)) {
      const matching = manifest.subscriptions.flatMap((s) => {
        const contract = s.events.find((e) => e.source === event.source && e.detailType === event['detail-type']);
        return contract ? [{ name: s.name, contract }] : [];
      });
      logger.appendKeys({ eventId: event.id, detailType: event['detail-type'] });
      try {
        // Every matching subscription's contract is checked before any consumer runs, so an event is handled
        // whole or not at all. One that does not fit is logged and fails the invocation: Lambda retries it and
        // then parks it on the context's dead-letter queue, where it can be read — never half-processed.
        const parsed = matching.map(({ name, contract }) => {
          const r = contract.detail.safeParse(event.detail);
          if (!r.success) {
            // Paths and messages only: the detail may carry names and reasons that don't belong in a log.
            const issues = r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
            logger.error('event refused: its detail does not match the contract', {
              subscription: name,
              version: contract.version,
              issues,
            });
            throw new EventContractError(name, contract.detailType, issues);
          }
          return { name, detail: r.data };
        });
        // Consumers are idempotent: an event may be delivered more than once (the outbox relay and EventBridge
        // both deliver at least once); a failure here makes Lambda retry the async invocation and, after that,
        // park it on the context's dead-letter queue.
        for (const p of parsed) {
          await (impl.consumers![p.name] as EventConsumer<unknown>)({ ...event, detail: p.detail }, logger);
        }
      } finally {
        logger.resetKeys();
      }
      return { ok: true, consumers: matching.map((s) => s.name) };
    }
    throw new Error(`${manifest.context}: unrecognised invocation`);
  };
}
