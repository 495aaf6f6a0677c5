import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../functions/local/stack';
import { routeKey } from '../../functions/lib/wiring';
import { MANIFEST } from '../../functions/manifest';
import { ctx, httpEvent } from '../support/events';

/**
 * Every declared route that is not public answers 401 to a caller without a session — walked over the whole
 * manifest, through each context's real handler, so a new route can't slip out unguarded.
 */
describe('the route walk', () => {
  const guarded = MANIFEST.flatMap((c) => c.routes.filter((r) => !r.public).map((r) => ({ context: c, route: r })));

  it('finds guarded routes to walk', () => {
    expect(guarded.length).toBeGreaterThan(0);
  });

  it.each(guarded.map((g) => [routeKey(g.route), g] as const))(
    '%s answers 401 without a session',
    async (_key, { context, route }) => {
      const { handler } = (await import(pathToFileURL(path.join(REPO_ROOT, context.entry)).href)) as {
        handler: (e: unknown, c: unknown) => Promise<{ statusCode: number; body: string }>;
      };
      const concretePath = route.path.replace(/\{(\w+)\+?\}/g, 'x');
      const res = await handler(
        httpEvent({
          method: route.method,
          path: concretePath,
          routePath: route.path,
          ...(route.method === 'GET' ? {} : { body: {} }),
        }),
        ctx(),
      );
      expect(res.statusCode).toBe(401);
      expect(JSON.parse(res.body).error.code).toBe('UNAUTHENTICATED');
    },
  );
});
