/**
 * The audit entry and its hash, without a database: canonical serialisation, normalisation (codes, caps,
 * redaction), what the hash covers, shard choice and expiry.
 */
import { describe, expect, it } from 'vitest';
import {
  actorOf,
  AUDIT_DETAILS_MAX_BYTES,
  AUDIT_RETENTION_MIN_DAYS,
  AUDIT_SHARDS,
  AUDIT_TTL_DAYS,
  auditDayOf,
  canonicalJson,
  GENESIS_HASH,
  hashOf,
  shardOf,
} from '../../functions/lib/audit';
import { chain, expiresAtFor, sha256Hex, type ChainedRecord } from '../../functions/lib/audit/chain';
import { normaliseEntry, type AuditEntryInput } from '../../functions/lib/audit/entry';
import type { Principal } from '../../functions/lib/auth/principal';

const NOW = new Date('2026-03-10T04:00:00.000Z');

const input = (over: Partial<AuditEntryInput> = {}): AuditEntryInput => ({
  actor: {
    kind: 'regulator',
    accountId: 'acc-1',
    login: '13800000001',
    name: '张三',
    roles: ['reviewer', 'inspector'],
  },
  action: 'enterprise.change.approve',
  object: { type: 'enterprise', id: 'ent-1', label: '福州某化工有限公司' },
  outcome: 'success',
  sourceIp: '192.0.2.1',
  requestId: 'req-1',
  details: { before: { name: '甲' }, after: { name: '乙' } },
  ...over,
});

const normalise = (over: Partial<AuditEntryInput> = {}) => normaliseEntry(input(over), NOW, sha256Hex);

describe('canonical JSON', () => {
  it('sorts keys at every depth, drops undefined members and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, 1], c: '中' }, u: undefined })).toBe('{"a":{"c":"中","d":[3,1]},"b":1}');
  });

  it('gives the same text for the same value built in any key order', () => {
    expect(canonicalJson({ x: 1, y: { p: true, q: null } })).toBe(canonicalJson({ y: { q: null, p: true }, x: 1 }));
  });

  it('is a fixed point: parsing and re-serialising changes nothing', () => {
    const text = canonicalJson({ z: [1.5, -0, 1e21, 'a"b'], a: { '\u00e9': 'é' } });
    expect(canonicalJson(JSON.parse(text))).toBe(text);
  });

  it('refuses what JSON cannot say', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow(TypeError);
  });
});

describe('normalising an entry', () => {
  it('fills in the time, sorts roles and trims empty texts away', () => {
    const e = normalise({ reason: '   ', actor: { kind: 'regulator', roles: ['b', 'a', 'b'] } });
    expect(e.at).toBe(NOW.toISOString());
    expect(e.actor.roles).toEqual(['a', 'b']);
    expect(e.reason).toBeUndefined();
  });

  it('keeps a given time, as ISO UTC', () => {
    expect(normalise({ at: '2026-03-09T08:00:00+08:00' }).at).toBe('2026-03-09T00:00:00.000Z');
  });

  it('refuses codes that are not dotted codes, unknown outcomes and a missing request id', () => {
    expect(() => normalise({ action: 'Auth Login' })).toThrow(/dotted code/);
    expect(() => normalise({ action: 'auth..login' })).toThrow(/dotted code/);
    expect(() => normalise({ object: { type: 'Enterprise X' } })).toThrow(/object.type/);
    expect(() => normalise({ outcome: 'maybe' as never })).toThrow(/outcome/);
    expect(() => normalise({ requestId: '' })).toThrow(/requestId/);
    expect(() => normalise({ at: 'yesterday' })).toThrow(/ISO/);
  });

  it('stores details as canonical JSON with secrets redacted at any depth', () => {
    const e = normalise({
      details: {
        after: { password: 'P@ss', nested: [{ accessToken: 't', refreshHash: 'h' }], name: '乙' },
        otp: '123456',
      },
    });
    expect(JSON.parse(e.details!)).toEqual({
      after: { password: '[已隐去]', nested: [{ accessToken: '[已隐去]', refreshHash: '[已隐去]' }], name: '乙' },
      otp: '[已隐去]',
    });
    expect(e.details).not.toMatch(/P@ss|123456/);
  });

  it('replaces details over the cap by their size and digest', () => {
    const big = { text: '危'.repeat(AUDIT_DETAILS_MAX_BYTES) };
    const e = normalise({ details: big });
    const d = JSON.parse(e.details!) as { truncated: boolean; bytes: number; sha256: string };
    expect(d.truncated).toBe(true);
    expect(d.bytes).toBeGreaterThan(AUDIT_DETAILS_MAX_BYTES);
    expect(d.sha256).toBe(sha256Hex(canonicalJson(big)));
  });

  it('caps labels and reasons', () => {
    const e = normalise({ reason: '错'.repeat(500), object: { type: 'enterprise', label: '名'.repeat(500) } });
    expect([...e.reason!]).toHaveLength(200);
    expect([...e.object.label!]).toHaveLength(200);
  });
});

describe('the hash', () => {
  const first = chain(normalise(), 2, { seq: 0, hash: GENESIS_HASH }, NOW);

  it('chains from the genesis hash at seq 1 and covers its own position', () => {
    expect(first).toMatchObject({ shard: 2, seq: 1, prevHash: GENESIS_HASH });
    expect(first.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashOf(first)).toBe(first.hash);
  });

  it('changes when any field of the record changes', () => {
    const variants: Partial<ChainedRecord>[] = [
      { outcome: 'failure' },
      { at: '2026-03-10T04:00:00.001Z' },
      { action: 'enterprise.change.reject' },
      { actor: { ...first.actor, accountId: 'acc-2' } },
      { actor: { ...first.actor, roles: ['inspector'] } },
      { object: { ...first.object, id: 'ent-2' } },
      { sourceIp: '192.0.2.2' },
      { requestId: 'req-2' },
      { reason: '备注' },
      { details: '{"after":{"name":"丙"}}' },
      { seq: 2 },
      { shard: 3 },
      { prevHash: '1'.repeat(64) },
      { prevAt: '2026-03-01T00:00:00.000Z' },
      { expiresAt: first.expiresAt + 1 },
    ];
    for (const v of variants) expect(hashOf({ ...first, ...v }), JSON.stringify(v)).not.toBe(first.hash);
  });

  it('links the next record to this one', () => {
    const second = chain(normalise({ requestId: 'req-2' }), 2, { seq: 1, hash: first.hash, at: first.at }, NOW);
    expect(second).toMatchObject({ seq: 2, prevHash: first.hash, prevAt: first.at });
  });
});

describe('shards, days and expiry', () => {
  it('sends a request id to the same shard every time, spread over every shard', () => {
    expect(shardOf('req-abc')).toBe(shardOf('req-abc'));
    const counts = new Array<number>(AUDIT_SHARDS).fill(0);
    for (let i = 0; i < 1600; i++) counts[shardOf(`req-${i}`)]!++;
    expect(Math.min(...counts)).toBeGreaterThan(50);
  });

  it('files a record under its Asia/Shanghai day', () => {
    expect(auditDayOf('2026-03-08T15:59:59.999Z')).toBe('2026-03-08');
    expect(auditDayOf('2026-03-08T16:00:00.000Z')).toBe('2026-03-09');
  });

  it('expires a record 400 days after writing: more than the 180 days the rule requires', () => {
    const at = expiresAtFor(NOW);
    expect(at).toBe(NOW.getTime() / 1000 + AUDIT_TTL_DAYS * 86_400);
    expect(AUDIT_TTL_DAYS).toBeGreaterThanOrEqual(AUDIT_RETENTION_MIN_DAYS);
    expect(at - NOW.getTime() / 1000).toBeGreaterThanOrEqual(180 * 86_400);
  });
});

describe('the actor of a request', () => {
  it('takes account, login, name and roles from a regulator session', () => {
    const p = {
      kind: 'regulator',
      accountId: 'reg-1',
      sessionId: 's',
      login: '13900000001',
      name: '李四',
      stage: 'active',
      department: 'gongan',
      regionCode: '3505',
      categories: ['firearms'],
      roles: ['audit-admin'],
      category: 'firearms',
    } as unknown as Principal;
    expect(actorOf(p)).toEqual({
      kind: 'regulator',
      accountId: 'reg-1',
      login: '13900000001',
      name: '李四',
      roles: ['audit-admin'],
    });
  });

  it('calls a request without a session anonymous', () => {
    expect(actorOf(null)).toEqual({ kind: 'anonymous' });
  });
});
