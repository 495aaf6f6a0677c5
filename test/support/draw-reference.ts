import { createHmac } from 'node:crypto';
import type { Candidate, DrawInput } from '../../shared/inspections/draw';

/**
 * An independent re-implementation of hmac-sha256-lowest-k/v1, written from the README's text with node:crypto
 * (synchronous, no shared code), so the shared Web Crypto version is checked against the statement, not itself.
 */
export function reference(input: DrawInput) {
  const seed = Buffer.from(input.seed, 'hex');
  const key = (label: string, id: string) => createHmac('sha256', seed).update(`${label}:${id}`).digest('hex');
  const order = (a: { k: string; id: string }, b: { k: string; id: string }) =>
    a.k === b.k ? Buffer.compare(Buffer.from(a.id), Buffer.from(b.id)) : a.k < b.k ? -1 : 1;
  const take = (label: string, pool: Candidate[], quotas: DrawInput['params']['enterpriseQuotas']) => {
    const sorted = pool.map((c) => ({ ...c, k: key(label, c.id) })).sort(order);
    const out: typeof sorted = [];
    for (const q of quotas) {
      const got = sorted.filter((c) => !out.includes(c) && c.regionCode.startsWith(q.regionPrefix)).slice(0, q.count);
      if (got.length < q.count) return null;
      out.push(...got);
    }
    return out;
  };
  const es = take('enterprise', input.enterprises, input.params.enterpriseQuotas);
  const os = take('officer', input.officers, input.params.officerQuotas);
  if (!es || !os) return null;
  const load: Record<string, number> = Object.fromEntries(os.map((o) => [o.id, 0]));
  const teams = [];
  for (const e of [...es].sort(order)) {
    const ok = os.filter((o) => !input.conflicts.some((c) => c.officerId === o.id && c.enterpriseId === e.id));
    ok.sort((a, b) => load[a.id]! - load[b.id]! || order(a, b));
    if (ok.length < input.params.teamSize) return null;
    const team = ok.slice(0, input.params.teamSize);
    team.forEach((o) => load[o.id]!++);
    teams.push({ id: e.id, officers: team.map((o) => o.id) });
  }
  const experts = input.experts
    .map((x) => ({ id: x.id, k: key('expert', x.id) }))
    .sort(order)
    .slice(0, input.params.expertCount)
    .map((x) => x.id);
  return { enterprises: teams, experts };
}
