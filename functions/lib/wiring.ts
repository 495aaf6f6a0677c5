/**
 * The vocabulary of the wiring manifest: what a bounded context declares about itself so that the CDK
 * stack and the local runtime can both wire it without reading its code. Kept free of AWS SDK imports so
 * the CDK app and the web build can load every manifest cheaply.
 */
import type * as z from 'zod/mini';
import type { EventContract } from '../../shared/events/contract';
import type { StoreEntity } from '../store/partition-keys';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A request part schema: an object of string-typed fields (path and query parameters arrive as strings). */
export type ParamsSchema = z.ZodMiniObject;

/** Who may call a route, checked before the implementation runs (functions/lib/http/route.ts `admit`). */
export type RouteAccess =
  | { kind: 'regulator'; roles?: readonly string[]; business?: true }
  | { kind: 'enterprise' }
  | { kind: 'any'; business?: true };

export interface RouteDef<
  P extends ParamsSchema | undefined = ParamsSchema | undefined,
  Q extends ParamsSchema | undefined = ParamsSchema | undefined,
  B extends z.ZodMiniType | undefined = z.ZodMiniType | undefined,
  R extends z.ZodMiniType = z.ZodMiniType,
  O extends string = string,
  A extends RouteAccess | undefined = RouteAccess | undefined,
  Pub extends boolean = boolean,
> {
  /** Unique across the platform; names the implementation and the OpenAPI operation. */
  operationId: O;
  method: HttpMethod;
  /** API Gateway syntax, `/api/enterprises/{id}`; the route key is `${method} ${path}`. */
  path: `/api/${string}` | '/api';
  /** Public routes skip the session check. Everything else requires a signed-in caller. */
  public: Pub;
  /**
   * Who may call it, checked before the implementation runs: `regulator` or `enterprise` accounts, and for
   * regulators optionally only these roles. It also narrows the implementation's `principal` type. Data scope
   * (functions/lib/scope.ts `regulatorSees`, or own enterprise) is checked by the domain code against the
   * object it touches. `business`: a regulator must be one that does the register's business
   * (shared/reference/roles.ts `doesBusiness`): no admin role (三员分立).
   */
  access?: A;
  /**
   * Reachable by a session that has not finished signing in (initial/expired password to change, second
   * factor to give or enrol). Only the identity context's own steps say yes.
   */
  pendingSession?: boolean;
  /**
   * The implementation only reads (no write, no event, no side effect on any store): it may then start
   * alongside the session check on a principal this container verified for the same token moments ago, and
   * its answer is released only once the fresh check agrees (functions/lib/http/speculative.ts).
   */
  readOnly?: boolean;
  summary: string;
  tags?: string[];
  params?: P;
  query?: Q;
  body?: B;
  response: R;
  /** Status of a successful answer; 200 unless the route creates something. */
  successStatus?: 200 | 201 | 202 | 204;
}

/**
 * An EventBridge rule on the platform bus: the events' source + detail-types → this context's consumer. The
 * events are contracts (shared/events/): dispatch parses each delivery's detail with its contract before the
 * consumer runs. One subscription's events share one source (a rule's pattern is source × detail-types).
 */
export interface SubscriptionDef {
  /** Unique within the context; names the consumer implementation. */
  name: string;
  events: readonly EventContract[];
  description: string;
}

/** A recurring job, declared in local wall-clock time of a fixed-offset zone (Asia/Shanghai has no DST). */
export interface ScheduleDef {
  name: string;
  description: string;
  /** 0–23 in `timeZone`. */
  hour: number;
  minute: number;
  timeZone: 'Asia/Shanghai';
}

/**
 * What a context's function may touch; the CDK turns it into least-privilege grants. No context puts events on
 * the bus itself: it writes them to the table's outbox in its own transaction, and the outbox relay — the only
 * function allowed PutEvents — delivers them (README: "How an event flows").
 */
export interface GrantsDef {
  /**
   * The store entities (functions/store/index.ts) the context reads, and writes (writing implies reading).
   * The CDK limits the table grants to their partition keys (IAM `dynamodb:LeadingKeys`,
   * functions/store/partition-keys.ts); test/unit/grants.test.ts checks the code uses nothing undeclared.
   */
  table?: { read?: readonly StoreEntity[]; write?: readonly StoreEntity[] };
  attachments?: 'read' | 'write' | 'readwrite';
  /** The audit anchors bucket (Object Lock): read them, and write new ones; never delete. */
  auditAnchors?: 'read' | 'readwrite';
}

export interface ContextManifest {
  /** Lower-case name of the bounded context; names the Lambda function and the event source `hazmat.<context>`. */
  context: string;
  /** Path of the module exporting `handler`, relative to the repository root. */
  entry: string;
  description: string;
  routes: readonly RouteDef[];
  subscriptions: readonly SubscriptionDef[];
  schedules: readonly ScheduleDef[];
  /** The events this context writes to the outbox (documentation, and the contract test's list of producers). */
  publishes?: readonly EventContract[];
  grants: GrantsDef;
  /** Memory in MB for the context's function; 512 unless the context needs more (e.g. password hashing). */
  memoryMb?: number;
}

export const routeKey = (r: Pick<RouteDef, 'method' | 'path'>): string => `${r.method} ${r.path}`;

/** Keeps the literal types (operation id, access, public) that type the route's implementation. */
export function defineRoute<
  P extends ParamsSchema | undefined,
  Q extends ParamsSchema | undefined,
  B extends z.ZodMiniType | undefined,
  R extends z.ZodMiniType,
  const O extends string,
  const A extends RouteAccess | undefined = undefined,
  const Pub extends boolean = boolean,
>(def: RouteDef<P, Q, B, R, O, A, Pub>): RouteDef<P, Q, B, R, O, A, Pub> {
  return def;
}

/** Keeps the tuple of routes (and subscription/schedule names) so `defineHandler` can demand one implementation each. */
export function defineContext<const M extends ContextManifest>(m: M): M {
  return m;
}

/** The EventBridge pattern of a subscription: used as-is by the stack's rule and by the local bus. */
export function eventPatternOf(s: Pick<SubscriptionDef, 'name' | 'events'>): {
  source: string[];
  'detail-type': string[];
} {
  const sources = [...new Set(s.events.map((e) => e.source))];
  // A pattern matches every source × detail-type pair: two sources would let one's detail-type in from the other.
  if (sources.length !== 1) throw new Error(`subscription ${s.name} must name events of exactly one source`);
  return { source: sources, 'detail-type': [...new Set(s.events.map((e) => e.detailType))] };
}

/** Offset of the schedule time zones we allow, in minutes east of UTC. Asia/Shanghai: UTC+8, no DST. */
const ZONE_OFFSET_MINUTES: Record<ScheduleDef['timeZone'], number> = { 'Asia/Shanghai': 480 };

/** A schedule's wall-clock time as UTC hour and minute (for a cron in UTC, e.g. 01:00 Shanghai → 17:00 UTC). */
export function scheduleUtcTime(s: Pick<ScheduleDef, 'hour' | 'minute' | 'timeZone'>): {
  hour: number;
  minute: number;
} {
  if (!Number.isInteger(s.hour) || s.hour < 0 || s.hour > 23) {
    throw new RangeError(`schedule hour must be 0–23, got ${s.hour}`);
  }
  if (!Number.isInteger(s.minute) || s.minute < 0 || s.minute > 59) {
    throw new RangeError(`schedule minute must be 0–59, got ${s.minute}`);
  }
  if (!(s.timeZone in ZONE_OFFSET_MINUTES)) throw new Error(`unsupported schedule time zone ${String(s.timeZone)}`);
  const total = (((s.hour * 60 + s.minute - ZONE_OFFSET_MINUTES[s.timeZone]) % 1440) + 1440) % 1440;
  return { hour: Math.floor(total / 60), minute: total % 60 };
}

/** The next instant (strictly after `from`) at which a schedule fires. */
export function nextScheduleTime(s: Pick<ScheduleDef, 'hour' | 'minute' | 'timeZone'>, from: Date): Date {
  const { hour, minute } = scheduleUtcTime(s);
  const next = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate(), hour, minute, 0, 0));
  if (next.getTime() <= from.getTime()) next.setUTCDate(next.getUTCDate() + 1);
  return next;
}
