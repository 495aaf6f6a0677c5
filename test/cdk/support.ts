/**
 * Shared set-up of the CDK tests: the app built exactly as cdk/bin/app.ts builds it (same context as cdk.json,
 * cdk-nag registered), plus a synthetic manifest exercising subscriptions, schedules and every kind of grant.
 */
import type { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as z from 'zod/mini';
import { defineEvent } from '../../shared/events/contract';
import type { ContextManifest } from '../../functions/lib/wiring';
import { platformManifest } from '../../functions/platform/manifest';
import { createApp } from '../../cdk/lib/app';
import type { HazmatStack, HazmatStackProps } from '../../cdk/lib/hazmat-stack';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The `context` block of cdk.json, so feature flags match what `cdk synth` uses. */
export function cdkJsonContext(): Record<string, unknown> {
  const json = JSON.parse(readFileSync(join(REPO_ROOT, 'cdk.json'), 'utf8')) as { context?: Record<string, unknown> };
  return json.context ?? {};
}

export interface Synthesized {
  app: App;
  stack: HazmatStack;
  template: Template;
}

/** Builds and synthesises the app (cdk-nag runs as part of synth and throws on unacknowledged findings). */
export function synth(
  manifest: readonly ContextManifest[],
  stackProps: Partial<Omit<HazmatStackProps, 'manifest'>> = {},
  context: Record<string, unknown> = {},
): Synthesized {
  const { app, stack } = createApp({
    manifest,
    appProps: {
      // As the CLI does by default: no construct stack traces (costly under vitest's source maps).
      context: { ...cdkJsonContext(), 'aws:cdk:disable-stack-trace': true, ...context },
      // CDK's built-in template schema check only ever warns (unless a feature flag says otherwise) and takes
      // seconds per synth; the CLI test (cli-synth.test.ts) runs it. cdk-nag stays on.
      builtinCloudFormationValidation: false,
    },
    // Tests never depend on whether web/build exists; a test that wants a deployment passes a folder.
    stackProps: { siteBuildDir: undefined, ...stackProps },
  });
  const template = Template.fromStack(stack);
  return { app, stack, template };
}

const ok = z.object({ ok: z.boolean() });

const hazard = z.object({ hazardId: z.string() });
export const HazardConfirmed = defineEvent({
  context: 'hazard',
  detailType: 'HazardConfirmed',
  version: 1,
  payload: hazard,
});
export const HazardReturned = defineEvent({
  context: 'hazard',
  detailType: 'HazardReturned',
  version: 1,
  payload: hazard,
});

/** A second context that subscribes to events, runs a schedule and uses every kind of grant. */
export const inspectionManifest: ContextManifest = {
  context: 'inspection',
  entry: 'test/cdk/fixtures/handler.ts',
  description: 'synthetic inspection context for the stack tests',
  routes: [
    {
      operationId: 'listTasks',
      method: 'GET',
      path: '/api/inspections',
      public: false,
      summary: 'list',
      response: ok,
    },
    {
      operationId: 'completeTask',
      method: 'POST',
      path: '/api/inspections/{id}/complete',
      public: false,
      summary: 'complete',
      response: ok,
    },
  ],
  subscriptions: [
    {
      name: 'onHazardConfirmed',
      events: [HazardConfirmed, HazardReturned],
      description: 'close inspection findings when their hazard is confirmed or returned',
    },
  ],
  schedules: [
    { name: 'warningScan', description: 'daily warning scan', hour: 1, minute: 0, timeZone: 'Asia/Shanghai' },
    { name: 'morningDigest', description: 'morning digest', hour: 9, minute: 30, timeZone: 'Asia/Shanghai' },
  ],
  grants: { table: { read: ['enterprises'] }, attachments: 'readwrite' },
  memoryMb: 1024,
};

/** A context with routes only: 10 s timeout, no DLQ. */
export const portalManifest: ContextManifest = {
  context: 'portal',
  entry: 'test/cdk/fixtures/handler.ts',
  description: 'synthetic routes-only context',
  routes: [
    { operationId: 'listNews', method: 'GET', path: '/api/portal/news', public: true, summary: 'news', response: ok },
  ],
  subscriptions: [],
  schedules: [],
  grants: { attachments: 'read' },
};

export const SYNTHETIC_MANIFEST: readonly ContextManifest[] = [platformManifest, inspectionManifest, portalManifest];

type Resources = Record<string, { Type: string; Properties?: Record<string, unknown>; DependsOn?: unknown }>;

/** Logical id of the only resource of `type` whose logical id starts with `prefix`. */
export function logicalId(template: Template, type: string, prefix: string): string {
  const ids = Object.keys(template.findResources(type)).filter((id) => id.startsWith(prefix));
  if (ids.length !== 1) throw new Error(`expected one ${type} starting with ${prefix}, found [${ids}]`);
  return ids[0]!;
}

/** Every IAM action granted (Allow) to a role, over all policies attached to it. */
export function actionsOfRole(template: Template, roleLogicalId: string): string[] {
  const policies = template.findResources('AWS::IAM::Policy') as Resources;
  const actions: string[] = [];
  for (const p of Object.values(policies)) {
    const roles = (p.Properties?.Roles ?? []) as unknown[];
    if (!roles.some((r) => JSON.stringify(r) === JSON.stringify({ Ref: roleLogicalId }))) continue;
    const doc = p.Properties?.PolicyDocument as { Statement: { Effect: string; Action: string | string[] }[] };
    for (const s of doc.Statement) if (s.Effect === 'Allow') actions.push(...[s.Action].flat());
  }
  return actions;
}

/** Logical ids each resource refers to (Ref, Fn::GetAtt, DependsOn). */
export function dependencyGraph(template: Template): Map<string, Set<string>> {
  const resources = template.toJSON().Resources as Resources;
  const graph = new Map<string, Set<string>>();
  const collect = (node: unknown, into: Set<string>): void => {
    if (Array.isArray(node)) node.forEach((n) => collect(n, into));
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (k === 'Ref' && typeof v === 'string' && v in resources) into.add(v);
        else if (k === 'Fn::GetAtt' && Array.isArray(v) && typeof v[0] === 'string') into.add(v[0]);
        else collect(v, into);
      }
    }
  };
  for (const [id, r] of Object.entries(resources)) {
    const deps = new Set<string>();
    collect(r.Properties ?? {}, deps);
    for (const d of [r.DependsOn ?? []].flat()) if (typeof d === 'string') deps.add(d);
    graph.set(id, deps);
  }
  return graph;
}

/** A dependency cycle, if any (CloudFormation rejects those at deploy time; synth does not notice). */
export function findCycle(graph: Map<string, Set<string>>): string[] | undefined {
  const state = new Map<string, 'visiting' | 'done'>();
  const path: string[] = [];
  const visit = (id: string): string[] | undefined => {
    if (state.get(id) === 'done') return undefined;
    if (state.get(id) === 'visiting') return [...path.slice(path.indexOf(id)), id];
    state.set(id, 'visiting');
    path.push(id);
    for (const d of graph.get(id) ?? []) {
      const cycle = visit(d);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(id, 'done');
    return undefined;
  };
  for (const id of graph.keys()) {
    const cycle = visit(id);
    if (cycle) return cycle;
  }
  return undefined;
}
