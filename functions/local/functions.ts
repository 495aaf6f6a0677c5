/**
 * Loads each context's handler module in-process, once, the way Lambda would load its bundle.
 * The environment (table, bucket, bus, local endpoints) must be set before the first load: clients are
 * created at module load.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ContextManifest } from '../lib/wiring';
import { lambdaContext } from './lambda-context';

export type LoadedHandler = (event: unknown, context: ReturnType<typeof lambdaContext>) => Promise<unknown>;

export async function loadHandlers(
  manifest: readonly ContextManifest[],
  repoRoot: string,
): Promise<Map<string, LoadedHandler>> {
  const handlers = new Map<string, LoadedHandler>();
  for (const ctx of manifest) {
    const mod = (await import(pathToFileURL(path.join(repoRoot, ctx.entry)).href)) as { handler?: LoadedHandler };
    if (typeof mod.handler !== 'function') throw new Error(`${ctx.entry} exports no handler`);
    handlers.set(ctx.context, mod.handler);
  }
  return handlers;
}

/** Invoke a context's handler as Lambda would, with a fresh context object. */
export function invoke(handlers: Map<string, LoadedHandler>, context: string, event: unknown): Promise<unknown> {
  const h = handlers.get(context);
  if (!h) throw new Error(`no handler loaded for context ${context}`);
  return h(event, lambdaContext(`hazmat-${context}`));
}
