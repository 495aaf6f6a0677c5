import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type * as z from 'zod/mini';
import { globalRegistry } from 'zod/v4/core';
import type { FieldIssue } from '../../../shared/api/errors';
import { installChineseErrors } from '../../../shared/api/zod-zh';
import type { RouteDef } from '../wiring';
import { AppError, badRequest, validationFailed } from './errors';
import { unsafeTextIssues } from './text-safety';

installChineseErrors();

/** JSON bodies larger than this are refused before parsing (attachments go to S3, never through the API). */
export const MAX_JSON_BODY_BYTES = 1_000_000;

export interface ParsedRequest {
  params: unknown;
  query: unknown;
  body: unknown;
}

function issuesOf(part: string, error: z.core.$ZodError): FieldIssue[] {
  return error.issues.map((i) => ({
    path: [part, ...i.path.map(String)].join('.'),
    message: i.message,
  }));
}

function readBody(event: APIGatewayProxyEventV2): unknown {
  if (event.body === undefined || event.body === null || event.body === '') return undefined;
  const raw = event.isBase64Encoded ? Buffer.from(event.body, 'base64') : Buffer.from(event.body, 'utf8');
  if (raw.byteLength > MAX_JSON_BODY_BYTES) {
    throw new AppError(413, 'PAYLOAD_TOO_LARGE', `提交的内容过大（上限 ${MAX_JSON_BODY_BYTES / 1_000_000} MB）`);
  }
  const type = (event.headers?.['content-type'] ?? '').toLowerCase();
  if (!type.startsWith('application/json')) {
    throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', '请求内容必须是 JSON（Content-Type: application/json）');
  }
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    throw badRequest('请求内容不是有效的 JSON');
  }
}

interface CoreDef {
  type?: string;
  shape?: Record<string, { _zod?: { def?: CoreDef } }>;
  innerType?: { _zod?: { def?: CoreDef } };
  element?: { _zod?: { def?: CoreDef } };
  in?: { _zod?: { def?: CoreDef } };
}

/**
 * The title (`.meta({ title })`) of the field a path names, read through zod's core definition shared by
 * zod and zod/mini — `body.unit.address` → 单位地址 — or the path itself when the schema gives none.
 */
export function fieldTitle(def: RouteDef, path: string): string {
  const [part, ...keys] = path.split('.');
  let schema = (part === 'body' ? def.body : part === 'query' ? def.query : def.params) as
    { _zod?: { def?: CoreDef } } | undefined;
  const unwrap = () => {
    for (let d = schema?._zod?.def; d && (d.innerType || d.in); d = schema?._zod?.def) schema = d.innerType ?? d.in;
  };
  for (const key of keys) {
    unwrap();
    const d = schema?._zod?.def;
    schema = d?.shape ? d.shape[key] : d?.element;
  }
  unwrap();
  const title = schema ? (globalRegistry.get(schema as never) as { title?: string } | undefined)?.title : undefined;
  return title ?? (keys.join('.') || path);
}

/**
 * Validate path, query and body against the route's schemas. All problems of all parts are reported
 * together, each with its field path, so a form can mark every wrong field at once.
 */
export function parseRequest(def: RouteDef, event: APIGatewayProxyEventV2): ParsedRequest {
  const issues: FieldIssue[] = [];
  const part = (name: string, schema: z.ZodMiniType | undefined, value: unknown): unknown => {
    if (!schema) return undefined;
    const r = schema.safeParse(value);
    if (r.success) return r.data;
    issues.push(...issuesOf(name, r.error));
    return undefined;
  };
  const rawBody = def.body ? readBody(event) : undefined;
  // Control and direction characters are refused in every field of every route, before any schema sees
  // them, so no schema can forget it (text-safety.ts).
  const unsafe = [
    ...unsafeTextIssues('params', event.pathParameters ?? {}),
    ...unsafeTextIssues('query', event.queryStringParameters ?? {}),
    ...unsafeTextIssues('body', rawBody),
  ];
  if (unsafe.length) {
    throw new AppError(
      400,
      'VALIDATION_FAILED',
      `「${fieldTitle(def, unsafe[0]!.path)}」${unsafe[0]!.message}`,
      unsafe,
    );
  }
  const params = part('params', def.params, event.pathParameters ?? {});
  const query = part('query', def.query, event.queryStringParameters ?? {});
  const body = def.body ? part('body', def.body, rawBody ?? {}) : undefined;
  if (issues.length) throw validationFailed(issues);
  return { params, query, body };
}
