/**
 * The audit trail (等保2.0 level 3): every login, password change, account change and write is appended —
 * time, account, role, action, object, outcome, source address — to per-shard hash chains that nobody can
 * edit. Writers append from their own contexts; the `audit` context only reads and verifies.
 */
export {
  appendAudit,
  auditRecord,
  AuditContentionError,
  isAuditConflict,
  MAX_TRANSACT_ITEMS,
  transactWithAudit,
  withAuditRetry,
  type AuditWrite,
  type AuditWriteOptions,
  type DocumentTransactItem,
  type TransactItem,
} from './append';
export {
  AUDIT_SHARDS,
  GENESIS_HASH,
  actorKeyOf,
  hashOf,
  objectRefOf,
  shardOf,
  type AuditRecord,
  type AuditStore,
} from './chain';
export {
  ACTION_PATTERN,
  AUDIT_DETAILS_MAX_BYTES,
  AUDIT_RETENTION_MIN_DAYS,
  AUDIT_TTL_DAYS,
  SYSTEM_ACTOR,
  actorOf,
  auditDayOf,
  auditFrom,
  canonicalJson,
  type AuditActor,
  type AuditActorKind,
  type AuditEntry,
  type AuditEntryInput,
  type AuditJson,
  type AuditObject,
  type AuditOutcome,
} from './entry';
export { verifyChain, verifyChains, type BrokenLink, type ChainProblem, type ChainVerification } from './verify';
