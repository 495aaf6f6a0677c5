/**
 * The hash chain: which shard a record joins, what is hashed, and how a chained record maps to the stored
 * item and back. One function (`hashOf`) serves both the writer and the verifier, so they can't disagree.
 */
import { createHash } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { AUDIT_SHARD_COUNT } from '../../../shared/api/audit';
import type { AuditModel } from '../../store/entities/audit';
import {
  AUDIT_TTL_DAYS,
  auditDayOf,
  canonicalJson,
  type AuditActorKind,
  type AuditEntry,
  type AuditJson,
  type AuditOutcome,
  type NormalisedEntry,
} from './entry';

/** What the audit functions need of the store (the whole `Store` fits). */
export interface AuditStore {
  client: DynamoDBDocumentClient;
  audit: AuditModel;
}

/**
 * Number of independent chains. Every append serialises on its shard's head item, so more shards means
 * less contention and no single hot item for the whole platform; the viewer never cares (it reads by day,
 * actor or object), only verification walks each shard. Changing it later is safe: a shard is identified
 * by its number, and old shards keep verifying.
 */
export const AUDIT_SHARDS = AUDIT_SHARD_COUNT;

/** `prevHash` of the first record of a shard. */
export const GENESIS_HASH = '0'.repeat(64);

/** Version of the hashed serialisation, hashed with it so a future format can't be confused with this one. */
const HASH_VERSION = 1;

export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** The shard of a request: the same request always appends to the same chain. */
export function shardOf(key: string, shards = AUDIT_SHARDS): number {
  return createHash('sha256').update(key, 'utf8').digest().readUInt32BE(0) % shards;
}

/** A record as chained and stored: the normalised entry with its place in the chain. */
export interface ChainedRecord extends NormalisedEntry {
  shard: number;
  seq: number;
  prevHash: string;
  /** `at` of the previous record in the shard (absent for the first). */
  prevAt?: string;
  hash: string;
  /** Epoch seconds: DynamoDB TTL removes the record after this. */
  expiresAt: number;
}

/** A record as callers and the viewer see it: `details` parsed back to JSON. */
export interface AuditRecord extends Omit<AuditEntry, 'details'> {
  shard: number;
  seq: number;
  prevHash: string;
  prevAt?: string;
  hash: string;
  expiresAt: number;
  details?: AuditJson;
}

/** Everything a record says, except its own hash, in canonical JSON. */
export function hashInput(r: Omit<ChainedRecord, 'hash'>): string {
  return canonicalJson({
    v: HASH_VERSION,
    shard: r.shard,
    seq: r.seq,
    prevHash: r.prevHash,
    prevAt: r.prevAt,
    at: r.at,
    actor: {
      kind: r.actor.kind,
      accountId: r.actor.accountId,
      login: r.actor.login,
      name: r.actor.name,
      roles: r.actor.roles?.length ? [...r.actor.roles] : undefined,
    },
    action: r.action,
    object: { type: r.object.type, id: r.object.id, label: r.object.label },
    outcome: r.outcome,
    reason: r.reason,
    sourceIp: r.sourceIp,
    requestId: r.requestId,
    details: r.details,
    expiresAt: r.expiresAt,
  });
}

export const hashOf = (r: Omit<ChainedRecord, 'hash'>): string => sha256Hex(hashInput(r));

/** Expiry for a record written at `writtenAt` (see AUDIT_TTL_DAYS for why 400 days). */
export const expiresAtFor = (writtenAt: Date): number =>
  Math.floor(writtenAt.getTime() / 1000) + AUDIT_TTL_DAYS * 86_400;

/** Chain an entry after the head (seq, hash, at of the last record). */
export function chain(
  entry: NormalisedEntry,
  shard: number,
  prev: { seq: number; hash: string; at?: string },
  writtenAt: Date,
): ChainedRecord {
  const unhashed: Omit<ChainedRecord, 'hash'> = {
    ...entry,
    shard,
    seq: prev.seq + 1,
    prevHash: prev.hash,
    prevAt: prev.at,
    expiresAt: expiresAtFor(writtenAt),
  };
  return { ...unhashed, hash: hashOf(unhashed) };
}

/** Actor index partition: the account, else the login typed, else the kind of actor. */
export function actorKeyOf(actor: { accountId?: string; login?: string; kind: string }): string {
  if (actor.accountId) return `account:${actor.accountId}`;
  if (actor.login) return `login:${actor.login}`;
  return actor.kind;
}

/** Object index partition: type and id, or the type alone. */
export const objectRefOf = (object: { type: string; id?: string }): string =>
  object.id ? `${object.type}:${object.id}` : object.type;

/** The stored item's attributes (ElectroDB builds the keys). */
export function toItem(r: ChainedRecord) {
  return {
    auditShard: r.shard,
    seq: r.seq,
    at: r.at,
    auditDay: auditDayOf(r.at),
    actorKind: r.actor.kind,
    actorAccountId: r.actor.accountId,
    actorLogin: r.actor.login,
    actorName: r.actor.name,
    actorRoles: r.actor.roles?.length ? [...r.actor.roles] : undefined,
    actorKey: actorKeyOf(r.actor),
    action: r.action,
    objectType: r.object.type,
    objectId: r.object.id,
    objectLabel: r.object.label,
    objectRef: objectRefOf(r.object),
    outcome: r.outcome,
    reason: r.reason,
    sourceIp: r.sourceIp,
    requestId: r.requestId,
    details: r.details,
    prevHash: r.prevHash,
    prevAt: r.prevAt,
    hash: r.hash,
    expiresAt: r.expiresAt,
  };
}

export type AuditItem = ReturnType<typeof toItem>;

/** Attributes as read back (ElectroDB's view of a stored item), loosely typed: a tampered item may be anything. */
export interface StoredAuditItem {
  auditShard: number;
  seq: number;
  at: string;
  auditDay?: string;
  actorKind: string;
  actorAccountId?: string;
  actorLogin?: string;
  actorName?: string;
  actorRoles?: string[];
  actorKey?: string;
  action: string;
  objectType: string;
  objectId?: string;
  objectLabel?: string;
  objectRef?: string;
  outcome: string;
  reason?: string;
  sourceIp: string;
  requestId: string;
  details?: string;
  prevHash: string;
  prevAt?: string;
  hash: string;
  expiresAt: number;
}

export function fromItem(i: StoredAuditItem): ChainedRecord {
  return {
    shard: i.auditShard,
    seq: i.seq,
    at: i.at,
    actor: {
      kind: i.actorKind as AuditActorKind,
      accountId: i.actorAccountId,
      login: i.actorLogin,
      name: i.actorName,
      roles: i.actorRoles?.length ? [...i.actorRoles] : undefined,
    },
    action: i.action,
    object: { type: i.objectType, id: i.objectId, label: i.objectLabel },
    outcome: i.outcome as AuditOutcome,
    reason: i.reason,
    sourceIp: i.sourceIp,
    requestId: i.requestId,
    details: i.details,
    prevHash: i.prevHash,
    prevAt: i.prevAt,
    hash: i.hash,
    expiresAt: i.expiresAt,
  };
}

const parseDetails = (text: string | undefined): AuditJson | undefined => {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as AuditJson;
  } catch {
    return text;
  }
};

/** The public view of a chained record: undefined members dropped, `details` parsed. */
export function publicRecord(r: ChainedRecord): AuditRecord {
  const drop = <T extends object>(o: T): T =>
    Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
  return drop({
    ...r,
    actor: drop({ ...r.actor }),
    object: drop({ ...r.object }),
    details: parseDetails(r.details),
  });
}
