/**
 * What an audit record says (等保2.0 level 3: time, account, role, action, object, outcome, source address),
 * and the rules that keep it small and free of secrets before it is hashed and stored.
 */
import { ACTION_PATTERN, AUDIT_ACTOR_KINDS, AUDIT_OUTCOMES, OBJECT_TYPE_PATTERN } from '../../../shared/api/audit';
import type { Principal } from '../auth/principal';

export { ACTION_PATTERN, AUDIT_ACTOR_KINDS, AUDIT_OUTCOMES };

export type AuditActorKind = (typeof AUDIT_ACTOR_KINDS)[number];
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

export interface AuditActor {
  accountId?: string;
  /** The login typed or used (mobile number, 统一社会信用代码, 注册号). */
  login?: string;
  name?: string;
  kind: AuditActorKind;
  roles?: readonly string[];
}

export interface AuditObject {
  /** What kind of thing was touched: `account`, `session`, `enterprise`, `licence`, `changeRequest` … */
  type: string;
  id?: string;
  /** A human-readable name for the viewer (企业名称, 账号). */
  label?: string;
}

/** Any JSON value; `details` must be one (before/after of a change, a count, a code). */
export type AuditJson = string | number | boolean | null | AuditJson[] | { [key: string]: AuditJson | undefined };

export interface AuditEntry {
  /** When it happened, ISO 8601 UTC. */
  at: string;
  actor: AuditActor;
  /** Dotted code: `auth.login`, `auth.password.change`, `account.create`, `enterprise.change.approve`. */
  action: string;
  object: AuditObject;
  outcome: AuditOutcome;
  /** Why, in a few Chinese words, for failures and denials: `密码错误`, `账号已锁定`. */
  reason?: string;
  sourceIp: string;
  requestId: string;
  /** Small JSON: before/after of a change. Secrets are redacted; more than 4 KB is replaced by a digest. */
  details?: AuditJson;
}

/** What callers hand in: `at` defaults to the moment of writing. */
export type AuditEntryInput = Omit<AuditEntry, 'at'> & { at?: string };

/**
 * Records expire (DynamoDB TTL on `expiresAt`) 400 days after they are written. The rule is "kept at least
 * 180 days"; 400 leaves room for a full year of look-back (annual 等保 assessments ask for the past year)
 * plus a month, and TTL deletes late rather than early, so nothing younger than 400 days ever disappears.
 */
export const AUDIT_TTL_DAYS = 400;
/** The retention the rule requires: a missing record younger than this is a deletion, not an expiry. */
export const AUDIT_RETENTION_MIN_DAYS = 180;

/** Canonical `details` larger than this (UTF-8 bytes) are replaced by their size and SHA-256. */
export const AUDIT_DETAILS_MAX_BYTES = 4096;

const MAX_ID = 128;
const MAX_LABEL = 200;
const MAX_REASON = 200;

/** Keys whose values never reach the audit log, at any depth of `details`. */
const SECRET_WORDS = ['password', 'passwd', 'secret', 'token', 'totp', 'captcha', 'cookie', 'credential', 'privatekey'];
const isSecretKey = (key: string): boolean => {
  const k = key.toLowerCase();
  return k === 'otp' || k === 'pin' || k.endsWith('hash') || SECRET_WORDS.some((w) => k.includes(w));
};
export const REDACTED = '[已隐去]';

const cap = (s: string | undefined, max: number): string | undefined => {
  if (s === undefined || s === null) return undefined;
  const t = String(s).trim();
  return t ? [...t].slice(0, max).join('') : undefined;
};

/** Anything → a JSON value with secrets redacted: dates become ISO strings, undefined keys vanish. */
function toJson(value: unknown, depth = 0): AuditJson {
  if (value === null || value === undefined) return null;
  if (depth > 8) return '[…]';
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((v) => toJson(v, depth + 1));
  if (value instanceof Set) return [...value].map((v) => toJson(v, depth + 1));
  if (typeof value === 'object') {
    const out: Record<string, AuditJson> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (v === undefined || typeof v === 'function') continue;
      out[k] = isSecretKey(k) ? REDACTED : toJson(v, depth + 1);
    }
    return out;
  }
  return String(value);
}

/**
 * Canonical JSON: object keys sorted by code unit, no whitespace, undefined members dropped. The same value
 * always gives the same string, on every machine, which is what a hash needs.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError('canonicalJson: non-finite number');
    return JSON.stringify(value);
  }
  if (typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v)).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  throw new TypeError(`canonicalJson: unsupported ${typeof value}`);
}

/** `details` as stored: redacted canonical JSON, or a digest of it when larger than the cap. */
export function detailsText(details: unknown, sha256Hex: (s: string) => string): string | undefined {
  if (details === undefined) return undefined;
  const text = canonicalJson(toJson(details));
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes <= AUDIT_DETAILS_MAX_BYTES) return text;
  return canonicalJson({ truncated: true, bytes, sha256: sha256Hex(text) });
}

/** An entry made safe to store: validated codes, capped texts, sorted roles, ISO time. */
export interface NormalisedEntry extends Omit<AuditEntry, 'details'> {
  /** Canonical JSON text of the (redacted, capped) details. */
  details?: string;
}

export function normaliseEntry(input: AuditEntryInput, now: Date, sha256Hex: (s: string) => string): NormalisedEntry {
  if (!ACTION_PATTERN.test(input.action)) throw new Error(`audit: action must be a dotted code, got "${input.action}"`);
  if (!OBJECT_TYPE_PATTERN.test(input.object?.type ?? '')) {
    throw new Error(`audit: object.type must be a code, got "${input.object?.type}"`);
  }
  if (!AUDIT_OUTCOMES.includes(input.outcome)) throw new Error(`audit: unknown outcome "${input.outcome}"`);
  if (!AUDIT_ACTOR_KINDS.includes(input.actor?.kind)) throw new Error(`audit: unknown actor kind`);
  const requestId = cap(input.requestId, MAX_ID);
  if (!requestId) throw new Error('audit: requestId is required');
  const atMs = input.at === undefined ? now.getTime() : Date.parse(input.at);
  if (!Number.isFinite(atMs)) throw new Error(`audit: at must be an ISO time, got "${input.at}"`);
  const roles = input.actor.roles?.length ? [...new Set(input.actor.roles.map(String))].sort() : undefined;
  return {
    at: new Date(atMs).toISOString(),
    actor: {
      kind: input.actor.kind,
      accountId: cap(input.actor.accountId, MAX_ID),
      login: cap(input.actor.login, MAX_ID),
      name: cap(input.actor.name, MAX_LABEL),
      roles,
    },
    action: input.action,
    object: {
      type: input.object.type,
      id: cap(input.object.id, MAX_ID),
      label: cap(input.object.label, MAX_LABEL),
    },
    outcome: input.outcome,
    reason: cap(input.reason, MAX_REASON),
    sourceIp: cap(input.sourceIp, 64) ?? '-',
    requestId,
    details: detailsText(input.details, sha256Hex),
  };
}

/**
 * The actor of a signed-in request. Callers in a route write
 * `{ ...auditFrom(input), action, object, outcome }` where `input` is the route's `RouteInput`.
 */
export function actorOf(principal: Principal | null | undefined): AuditActor {
  if (!principal) return { kind: 'anonymous' };
  const p = principal;
  return {
    kind: p.kind,
    accountId: p.accountId,
    login: p.login,
    name: p.name,
    roles: p.kind === 'regulator' ? [...p.roles] : undefined,
  };
}

/** Actor, source address and request id of a route's input, the part of an entry every route shares. */
export function auditFrom(input: {
  principal: Principal | null;
  sourceIp: string;
  requestId: string;
}): Pick<AuditEntryInput, 'actor' | 'sourceIp' | 'requestId'> {
  return { actor: actorOf(input.principal), sourceIp: input.sourceIp, requestId: input.requestId };
}

/** The system itself (schedules, event consumers) as an actor. */
export const SYSTEM_ACTOR: AuditActor = Object.freeze({ kind: 'system', name: '系统' }) as AuditActor;

/** The Asia/Shanghai calendar day (UTC+8, no DST) of an ISO instant: the viewer's day partition. */
export function auditDayOf(at: string): string {
  return new Date(Date.parse(at) + 8 * 3_600_000).toISOString().slice(0, 10);
}
