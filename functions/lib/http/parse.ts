import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type * as z from 'zod/mini';
import type { FieldIssue } from '../../../shared/api/errors';
import { installChineseErrors } from '../../../shared/api/zod-zh';
import type { RouteDef } from '../wiring';
import { AppError, badRequest, validationFailed } from './errors';

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
  const params = part('params', def.params, event.pathParameters ?? {});
  const query = part('query', def.query, event.queryStringParameters ?? {});
  const rawBody = def.body ? readBody(event) : undefined;
  const body = def.body ? part('body', def.body, rawBody ?? {}) : undefined;
  if (issues.length) throw validationFailed(issues);
  return { params, query, body };
}
