/**
 * The double-random draw (双随机), `hmac-sha256-lowest-k/v1`: deterministic from a published record, so
 * anyone can re-run it and get the same enterprises, teams and experts (README: Verifiable draws). Shared by the
 * API (which draws) and the portal (which re-runs a published draw in the browser); Web Crypto only, so it runs
 * the same in Node ≥ 20 and every browser.
 *
 * The algorithm, exactly:
 * - candidates: eligible enterprise ids and eligible officer ids, each sorted ascending by UTF-8 bytes;
 *   snapshotHash = hex SHA-256( enterprise ids joined by "\n" + "\n--\n" + officer ids joined by "\n" );
 * - the server draws a 32-byte random seed and records commitment = hex SHA-256(seed) with the snapshotHash in
 *   the audit trail before drawing; the draw record reveals the seed (hex);
 * - key(label, id) = hex HMAC-SHA256(key = seed bytes, message = label + ":" + id), label `enterprise`,
 *   `officer` or `expert`;
 * - for each quota { regionPrefix, count } in order (one quota { "", n } when not per region), take the `count`
 *   candidates not yet chosen whose regionCode starts with regionPrefix, smallest key first (tie: id) — enterprises
 *   by `enterpriseQuotas`, officers by `officerQuotas`; a ratio becomes a count (ceil) before the draw;
 * - teams: drawn enterprises in ascending key order; each gets the `teamSize` drawn officers with the fewest
 *   assignments so far among those without a declared conflict with it, ties by smaller officer key, then id;
 * - experts: the `expertCount` smallest expert keys, for the whole draw.
 * A draw that cannot satisfy a quota or a team fails whole, with the reason; it never returns part of a result.
 */

import { hmacSha256 } from './hmac-sha256';

export const DRAW_ALGORITHM = 'hmac-sha256-lowest-k/v1';

export interface Candidate {
  id: string;
  regionCode: string;
}
export interface Quota {
  regionPrefix: string;
  count: number;
}
export interface DrawParams {
  enterpriseQuotas: Quota[];
  officerQuotas: Quota[];
  teamSize: number;
  expertCount: number;
}
export interface DrawInput {
  /** 32 bytes, hex. */
  seed: string;
  enterprises: Candidate[];
  officers: Candidate[];
  experts: { id: string }[];
  conflicts: { officerId: string; enterpriseId: string }[];
  params: DrawParams;
}
export interface DrawResult {
  enterprises: { id: string; officers: string[] }[];
  experts: string[];
}
export type DrawOutcome = { ok: true; result: DrawResult } | { ok: false; reason: string };

const encoder = new TextEncoder();
const subtle = () => globalThis.crypto.subtle;

const hex = (bytes: ArrayBuffer | Uint8Array): string =>
  Array.from(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join(
    '',
  );

export function hexToBytes(h: string): Uint8Array {
  if (!/^(?:[0-9a-f]{2})+$/i.test(h)) throw new Error('not a hex string');
  const out = new Uint8Array(h.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(h.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/** Ascending by UTF-8 bytes (JavaScript's own string order is by UTF-16 units, which differs above U+FFFF). */
export function compareUtf8(a: string, b: string): number {
  const x = encoder.encode(a);
  const y = encoder.encode(b);
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return x.length - y.length;
}

export async function sha256Hex(data: string | Uint8Array): Promise<string> {
  const bytes = typeof data === 'string' ? encoder.encode(data) : data;
  return hex(await subtle().digest('SHA-256', bytes as BufferSource));
}

export async function snapshotHash(enterpriseIds: readonly string[], officerIds: readonly string[]): Promise<string> {
  const e = [...enterpriseIds].sort(compareUtf8);
  const o = [...officerIds].sort(compareUtf8);
  return sha256Hex(`${e.join('\n')}\n--\n${o.join('\n')}`);
}

export const commitmentOf = (seedHex: string): Promise<string> => sha256Hex(hexToBytes(seedHex));

/** A ratio of the eligible pool as the count the draw records (ceil). */
export const countOfRatio = (poolSize: number, ratio: number): number => Math.ceil(poolSize * ratio - 1e-9);

type Keyed = Candidate & { key: string };

/**
 * key(label, id): HMAC-SHA256 computed synchronously (./hmac-sha256.ts) — the same bytes Web Crypto gives,
 * without a promise per candidate, which made a full-scale draw take ~400 ms.
 */
function keyer(seedHex: string) {
  const mac = hmacSha256(hexToBytes(seedHex));
  return (label: 'enterprise' | 'officer' | 'expert', id: string) => mac(encoder.encode(`${label}:${id}`));
}

const byKey = (a: { key: string; id: string }, b: { key: string; id: string }) =>
  a.key < b.key ? -1 : a.key > b.key ? 1 : compareUtf8(a.id, b.id);

/** Quotas in order, each taking the smallest keys among the not yet chosen in its region. */
function takeByQuotas(pool: Keyed[], quotas: readonly Quota[], what: string): Keyed[] | string {
  const sorted = [...pool].sort(byKey);
  const chosen = new Set<string>();
  const out: Keyed[] = [];
  for (const q of quotas) {
    const picked = sorted.filter((c) => !chosen.has(c.id) && c.regionCode.startsWith(q.regionPrefix)).slice(0, q.count);
    if (picked.length < q.count) {
      const where = q.regionPrefix ? `行政区划 ${q.regionPrefix} 内` : '';
      return `${where}可抽取的${what}只有 ${picked.length} 个，少于所需的 ${q.count} 个`;
    }
    for (const c of picked) {
      chosen.add(c.id);
      out.push(c);
    }
  }
  return out;
}

export async function runDraw(input: DrawInput): Promise<DrawOutcome> {
  const { params } = input;
  if (!Number.isInteger(params.teamSize) || params.teamSize < 2) {
    return { ok: false, reason: '每个检查组至少需要 2 名执法人员' };
  }
  const key = keyer(input.seed);
  const keyAll = (label: 'enterprise' | 'officer', list: Candidate[]): Keyed[] =>
    list.map((c) => ({ ...c, key: key(label, c.id) }));
  const enterprises = keyAll('enterprise', input.enterprises);
  const officers = keyAll('officer', input.officers);
  const experts = input.experts.map((x) => ({ id: x.id, key: key('expert', x.id) }));
  const drawnEnterprises = takeByQuotas(enterprises, params.enterpriseQuotas, '企业');
  if (typeof drawnEnterprises === 'string') return { ok: false, reason: drawnEnterprises };
  const drawnOfficers = takeByQuotas(officers, params.officerQuotas, '执法人员');
  if (typeof drawnOfficers === 'string') return { ok: false, reason: drawnOfficers };
  if (params.expertCount > experts.length) {
    return { ok: false, reason: `专家库中可抽取的专家只有 ${experts.length} 名，少于所需的 ${params.expertCount} 名` };
  }

  const conflicts = new Set(input.conflicts.map((c) => `${c.officerId}\n${c.enterpriseId}`));
  const load = new Map(drawnOfficers.map((o) => [o.id, 0]));
  const teams: DrawResult['enterprises'] = [];
  for (const e of [...drawnEnterprises].sort(byKey)) {
    const free = drawnOfficers
      .filter((o) => !conflicts.has(`${o.id}\n${e.id}`))
      .sort((a, b) => load.get(a.id)! - load.get(b.id)! || byKey(a, b));
    if (free.length < params.teamSize) {
      return {
        ok: false,
        reason: `企业 ${e.id} 可派的执法人员（已排除回避）只有 ${free.length} 名，少于每组所需的 ${params.teamSize} 名`,
      };
    }
    const team = free.slice(0, params.teamSize);
    for (const o of team) load.set(o.id, load.get(o.id)! + 1);
    teams.push({ id: e.id, officers: team.map((o) => o.id) });
  }
  return {
    ok: true,
    result: {
      enterprises: teams,
      experts: [...experts]
        .sort(byKey)
        .slice(0, params.expertCount)
        .map((x) => x.id),
    },
  };
}
