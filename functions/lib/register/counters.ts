/**
 * The live counters of the register (enterprises by category × segment × region, per 登记状态): which
 * counter items a change moves and by how much. Pure: the writer turns the deltas into `ADD` updates in
 * the same transaction as the change, and the bench/seed sums them for a bulk load.
 */
import type { RegistrationStatusCode } from '../../../shared/reference/enterprise-options';

/** Counter field of each 登记状态 (the entity's attribute names). */
export const STATUS_FIELDS = {
  'in-business': 'inBusiness',
  'moved-out': 'movedOut',
  suspended: 'suspended',
  revoked: 'revoked',
  deregistered: 'deregistered',
} as const satisfies Record<RegistrationStatusCode, string>;
export type StatusField = (typeof STATUS_FIELDS)[RegistrationStatusCode];

/** What of an entry the counters see; null = not on the register (new, or removed). */
export interface Counted {
  regionCode: string;
  registrationStatus: string;
  segments: readonly { category: string; segment: string }[];
}

export interface CounterKey {
  category: string;
  segment: string;
  regionCode: string;
}
export interface CounterDelta {
  key: CounterKey;
  total: number;
  byStatus: Partial<Record<StatusField, number>>;
}

/** The region and every level above it: '350503' → ['35', '3505', '350503']. */
export function regionLevels(regionCode: string): string[] {
  const levels: string[] = [];
  for (let n = 2; n <= regionCode.length; n += 2) levels.push(regionCode.slice(0, n));
  return levels;
}

function statusField(status: string): StatusField | undefined {
  return (STATUS_FIELDS as Record<string, StatusField>)[status];
}

/** Net movement of every counter between two states of one entry; counters that don't move are left out. */
export function counterDeltas(before: Counted | null, after: Counted | null): CounterDelta[] {
  const deltas = new Map<string, CounterDelta>();
  const apply = (c: Counted | null, sign: 1 | -1) => {
    if (!c) return;
    const field = statusField(c.registrationStatus);
    for (const s of c.segments) {
      for (const regionCode of regionLevels(c.regionCode)) {
        const id = `${s.category}|${s.segment}|${regionCode}`;
        const d = deltas.get(id) ?? {
          key: { category: s.category, segment: s.segment, regionCode },
          total: 0,
          byStatus: {},
        };
        d.total += sign;
        if (field) d.byStatus[field] = (d.byStatus[field] ?? 0) + sign;
        deltas.set(id, d);
      }
    }
  };
  apply(before, -1);
  apply(after, 1);
  return [...deltas.values()]
    .map((d) => ({
      ...d,
      byStatus: Object.fromEntries(Object.entries(d.byStatus).filter(([, n]) => n !== 0)) as CounterDelta['byStatus'],
    }))
    .filter((d) => d.total !== 0 || Object.keys(d.byStatus).length > 0);
}

/** Sum many entries' deltas (a bulk load writes each counter once). */
export function sumDeltas(list: Iterable<CounterDelta>): CounterDelta[] {
  const sums = new Map<string, CounterDelta>();
  for (const d of list) {
    const id = `${d.key.category}|${d.key.segment}|${d.key.regionCode}`;
    const s = sums.get(id) ?? { key: d.key, total: 0, byStatus: {} };
    s.total += d.total;
    for (const [f, n] of Object.entries(d.byStatus) as [StatusField, number][])
      s.byStatus[f] = (s.byStatus[f] ?? 0) + n;
    sums.set(id, s);
  }
  return [...sums.values()];
}
