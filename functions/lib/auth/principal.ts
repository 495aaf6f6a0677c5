import { BACKGROUND_HEADER } from '../../../shared/api/headers';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { SessionStage } from '../../../shared/api/identity';
import type { CategoryCode } from '../../../shared/reference/categories';
import type { DepartmentCode } from '../../../shared/reference/departments';
import type { RoleCode } from '../../../shared/reference/roles';
import { processStore } from '../process-store';
import { csrfMatches, resolveAccessToken, type SessionRecord } from './sessions';
import { COOKIE, CSRF_HEADER, readCookies } from './tokens';

interface PrincipalBase {
  accountId: string;
  sessionId: string;
  login: string;
  name: string;
  /** `active`, or the step of signing in the session still has to do. */
  stage: SessionStage;
}

/** Who is asking: a regulator signed in to one category's platform, or an enterprise account. */
export type Principal =
  | (PrincipalBase & {
      kind: 'regulator';
      department: DepartmentCode;
      /** '35' for 省直, a city (4 digits) or a county (6 digits): the prefix of what they may see. */
      regionCode: string;
      categories: CategoryCode[];
      roles: RoleCode[];
      /** The category platform this session signed in to. */
      category: CategoryCode;
    })
  | (PrincipalBase & { kind: 'enterprise'; enterpriseId: string });

export type Regulator = Extract<Principal, { kind: 'regulator' }>;
export type EnterpriseAccount = Extract<Principal, { kind: 'enterprise' }>;

export function principalOf(s: SessionRecord): Principal {
  const base = {
    accountId: s.accountId,
    sessionId: s.sessionId,
    login: s.login,
    name: s.name,
    stage: s.stage as SessionStage,
  };
  return s.kind === 'regulator'
    ? {
        ...base,
        kind: 'regulator',
        department: s.department as DepartmentCode,
        regionCode: s.regionCode ?? '',
        categories: (s.categories ?? []) as CategoryCode[],
        roles: (s.roles ?? []) as RoleCode[],
        category: s.category as CategoryCode,
      }
    : { ...base, kind: 'enterprise', enterpriseId: s.enterpriseId ?? '' };
}

export type AuthOutcome =
  { principal: Principal } | { failure: 'missing' | 'invalid' | 'expired' | 'idle' | 'revoked' | 'csrf' };

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Resolve the caller's session from the request: the access-token cookie names a live session (one
 * GetItem), and an unsafe method must echo the session's CSRF token. Every context's routes pass through
 * here (functions/lib/http/route.ts), so the rule lives in one place.
 */
export async function authenticate(event: APIGatewayProxyEventV2, now = Date.now()): Promise<AuthOutcome> {
  const token = readCookies(event.cookies)[COOKIE.access];
  if (!token) return { failure: 'missing' };
  const resolved = await resolveAccessToken(processStore(), token, now, {
    background: event.headers?.[BACKGROUND_HEADER] === '1',
  });
  if ('failure' in resolved) return resolved;
  if (
    UNSAFE.has(event.requestContext?.http?.method ?? '') &&
    !csrfMatches(resolved.session, event.headers?.[CSRF_HEADER])
  ) {
    return { failure: 'csrf' };
  }
  return { principal: principalOf(resolved.session) };
}
