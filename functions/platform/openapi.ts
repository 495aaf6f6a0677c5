/**
 * The OpenAPI 3.1 document, generated from the manifest's routes and their zod schemas in shared/, so
 * the description can't drift from what the handlers actually validate. Schemas that carry a
 * `.meta({ id })` become named components.
 */
import * as z from 'zod/mini';
import { ErrorBody } from '../../shared/api/errors';
import { routeKey, type ContextManifest, type RouteDef } from '../lib/wiring';

type Json = Record<string, unknown>;

const REF_PREFIX = '#/components/schemas/';

/** Convert one schema; named sub-schemas are referenced and collected into `components`. */
function convert(schema: z.ZodMiniType, io: 'input' | 'output', components: Json): Json {
  const generated = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' });
  // Local `$defs` become document-wide components: point the references there.
  const out = JSON.parse(JSON.stringify(generated).replaceAll('"#/$defs/', `"${REF_PREFIX}`)) as Json & {
    $defs?: Record<string, Json>;
    $schema?: string;
  };
  const { $defs, $schema: _s, ...rest } = out;
  for (const [id, def] of Object.entries($defs ?? {})) components[id] = def;
  const id = z.globalRegistry.get(schema)?.id;
  if (typeof id === 'string') {
    // A named root comes back as a reference to its own entry in `$defs` (collected above): keep that one.
    if (rest.$ref !== `${REF_PREFIX}${id}`) components[id] = rest;
    return { $ref: `${REF_PREFIX}${id}` };
  }
  return rest;
}

function parameters(route: RouteDef, components: Json): Json[] {
  const params: Json[] = [];
  for (const [where, schema] of [
    ['path', route.params],
    ['query', route.query],
  ] as const) {
    if (!schema) continue;
    const shape = schema.shape as Record<string, z.ZodMiniType>;
    for (const [name, field] of Object.entries(shape)) {
      const description = z.globalRegistry.get(field)?.description;
      params.push({
        name,
        in: where,
        required: where === 'path' || !field.safeParse(undefined).success,
        schema: convert(field, 'input', components),
        ...(description ? { description } : {}),
      });
    }
  }
  return params;
}

export function buildOpenApi(manifest: readonly ContextManifest[], version: string): Json {
  const components: Json = {};
  const paths: Record<string, Json> = {};
  const errorRef = convert(ErrorBody, 'output', components);
  const seen = new Set<string>();
  for (const ctx of manifest) {
    for (const route of ctx.routes) {
      if (seen.has(routeKey(route))) throw new Error(`duplicate route ${routeKey(route)}`);
      seen.add(routeKey(route));
      const ok = String(route.successStatus ?? 200);
      paths[route.path] ??= {};
      paths[route.path]![route.method.toLowerCase()] = {
        operationId: route.operationId,
        summary: route.summary,
        tags: route.tags ?? [ctx.context],
        security: route.public ? [] : [{ session: [] }],
        parameters: parameters(route, components),
        ...(route.body
          ? {
              requestBody: {
                required: true,
                content: { 'application/json': { schema: convert(route.body, 'input', components) } },
              },
            }
          : {}),
        responses: {
          [ok]: {
            description: '成功',
            content: { 'application/json': { schema: convert(route.response, 'output', components) } },
          },
          '400': { description: '输入有误', content: { 'application/json': { schema: errorRef } } },
          ...(route.public
            ? {}
            : { '401': { description: '未登录或会话已过期', content: { 'application/json': { schema: errorRef } } } }),
          default: { description: '其他错误', content: { 'application/json': { schema: errorRef } } },
        },
      };
    }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: '福建省危险物品“一体化”安全监管信息平台 API',
      version,
    },
    servers: [{ url: '/' }],
    paths,
    components: {
      schemas: components,
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'hz_session' } },
    },
  };
}
