/**
 * How a context's Lambda is written: `defineHandler(manifest, deps => implementations)`. The builder gives
 * every context the same dependencies (the store built on first use, the context's logger, a clock) and
 * wraps each route implementation in the shared route stack (http/route.ts), so a handler.ts holds only
 * what is its own: which domain function answers which operation.
 *
 * The implementations are typed from the manifest: one per route (its params, query, body, answer and
 * principal narrowed by the route's `access`), one per subscription, one per schedule — a missing or extra
 * one is a type error here and a start-up error in dispatch.ts.
 */
import type { Logger } from '@aws-lambda-powertools/logger';
import type { Store } from '../store';
import { processStore } from './process-store';
import { contextHandler, type EventConsumer, type ScheduleJob } from './dispatch';
import { httpRoute, type HttpHandler, type RouteImpl } from './http/route';
import { createLogger } from './logger';
import type { EventData } from '../../shared/events/contract';
import type { ContextManifest, SubscriptionDef } from './wiring';

export interface HandlerDeps {
  /** The single table's entities, built on first use (the table name is read from the environment then). */
  readonly store: Store;
  readonly logger: Logger;
  /** Now, in epoch ms: one seam for time so domain code never reads the wall clock on its own. */
  now(): number;
}

type RouteImpls<M extends ContextManifest> = {
  [R in M['routes'][number] as R['operationId']]: RouteImpl<R>;
};
type Named<T extends readonly { name: string }[], V> = { [S in T[number] as S['name']]: V };
/** One consumer per subscription, handed the detail its contracts parsed (dispatch.ts parses before it runs). */
type Consumers<T extends readonly SubscriptionDef[]> = {
  [S in T[number] as S['name']]: EventConsumer<EventData<S['events'][number]>>;
};

export type ContextImpls<M extends ContextManifest> = {
  routes: RouteImpls<M>;
} & (M['subscriptions'] extends readonly []
  ? { consumers?: undefined }
  : { consumers: Consumers<M['subscriptions']> }) &
  (M['schedules'] extends readonly [] ? { jobs?: undefined } : { jobs: Named<M['schedules'], ScheduleJob> });

/**
 * The store, built when first touched rather than at import: the table name comes from the environment,
 * which the local runtime and the tests set after importing handlers. A proxy (not a getter) so that
 * `({ store }) => …` may destructure it at build time.
 */
function lazyStore(): Store {
  return new Proxy({} as Store, { get: (_, key) => processStore()[key as keyof Store] });
}

export function handlerDeps(context: string): HandlerDeps {
  return { store: lazyStore(), logger: createLogger(context), now: () => Date.now() };
}

export function defineHandler<const M extends ContextManifest>(
  manifest: M,
  build: (deps: HandlerDeps) => NoInfer<ContextImpls<M>>,
) {
  const deps = handlerDeps(manifest.context);
  const impls = build(deps);
  const routes: Record<string, HttpHandler> = {};
  const byId = impls.routes as Record<string, RouteImpl<M['routes'][number]>>;
  for (const def of manifest.routes) {
    const impl = byId[def.operationId];
    // A missing implementation is reported by contextHandler with every other mismatch at once.
    if (impl) routes[def.operationId] = httpRoute(def, impl, deps.logger);
  }
  return contextHandler(
    manifest,
    {
      routes,
      ...(impls.consumers ? { consumers: impls.consumers as Record<string, EventConsumer> } : {}),
      ...(impls.jobs ? { jobs: impls.jobs as Record<string, ScheduleJob> } : {}),
    },
    deps.logger,
  );
}
