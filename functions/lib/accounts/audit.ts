/**
 * Audit records of account administration: each create, disable, enable, password reset and import
 * commits in the same transaction as its audit record (functions/lib/audit), so a change can't happen
 * unrecorded, nor a record exist for a change that didn't.
 */
import { SYSTEM_ACTOR, type AuditActor, type AuditEntryInput } from '../audit';
import type { AccountsActor } from './scope';

/** Where the request came from; absent for system writes (the seed). */
export interface AuditContext {
  sourceIp: string;
  requestId: string;
}

/** Two transaction items per audit record: the chain head's update and the record. */
export const AUDIT_ITEMS = 2;

export function auditActorOf(actor: AccountsActor): AuditActor {
  if (actor.kind === 'system') return { ...SYSTEM_ACTOR, name: `系统（${actor.label}）` };
  if (actor.kind === 'regulator') {
    const p = actor as AccountsActor & { login?: string; name?: string };
    return {
      kind: 'regulator',
      accountId: actor.accountId,
      ...(p.login ? { login: p.login } : {}),
      ...(p.name ? { name: p.name } : {}),
      roles: [...actor.roles],
    };
  }
  return { kind: 'enterprise' };
}

export function accountAudit(
  actor: AccountsActor,
  ctx: AuditContext | undefined,
  action: 'account.create' | 'account.disable' | 'account.enable' | 'account.password.reset',
  object: { id?: string; label?: string },
  details?: AuditEntryInput['details'],
): AuditEntryInput {
  return {
    actor: auditActorOf(actor),
    action,
    object: { type: 'account', ...object },
    outcome: 'success',
    sourceIp: ctx?.sourceIp ?? '',
    requestId: ctx?.requestId ?? `system-${Date.now()}`,
    ...(details !== undefined ? { details } : {}),
  };
}
