/**
 * The double-random draw at the platform's full scale (issue 10 §11): 6,000 enterprises × 500 officers with
 * 回避 conflicts, 100 enterprises drawn in teams of 2 by 50 officers, 5 experts of 200 — runDraw in-process
 * (the API adds its reads and one write around it). p95 of 20 draws, each with a fresh seed, after 3 warm-ups.
 */
import { randomBytes } from 'node:crypto';
import { runDraw, type Candidate, type DrawInput } from '../shared/inspections/draw';
import { percentile, round, timeRuns } from './stats';
import type { Row } from './run';

const REGIONS = ['350102', '350203', '350303', '350403', '350503', '350583', '350603', '350702', '350802', '350902'];

export function drawAtScale(seed = randomBytes(32).toString('hex')): DrawInput {
  const pool = (prefix: string, n: number): Candidate[] =>
    Array.from({ length: n }, (_, i) => ({
      id: `${prefix}-${String(i).padStart(5, '0')}`,
      regionCode: REGIONS[i % 10]!,
    }));
  const enterprises = pool('ent', 6000);
  const officers = pool('o', 500);
  // Each officer declared 回避 for 3 enterprises.
  const conflicts = officers.flatMap((o, i) =>
    [0, 1, 2].map((k) => ({ officerId: o.id, enterpriseId: enterprises[(i * 7 + k * 1999) % 6000]!.id })),
  );
  return {
    seed,
    enterprises,
    officers,
    experts: pool('x', 200).map((x) => ({ id: x.id })),
    conflicts,
    params: {
      enterpriseQuotas: [{ regionPrefix: '', count: 100 }],
      officerQuotas: [{ regionPrefix: '', count: 50 }],
      teamSize: 2,
      expertCount: 5,
    },
  };
}

export async function measureInspectionDraw(): Promise<Row[]> {
  const pools = drawAtScale();
  const samples = await timeRuns(
    async () => {
      const outcome = await runDraw({ ...pools, seed: randomBytes(32).toString('hex') });
      if (!outcome.ok) throw new Error(outcome.reason);
    },
    20,
    3,
  );
  return [
    { name: 'inspections.draw_6000x500.p50', unit: 'ms', value: round(percentile(samples, 50)) },
    { name: 'inspections.draw_6000x500.p95', unit: 'ms', value: round(percentile(samples, 95)), goal: 50 },
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  void measureInspectionDraw().then((rows) => console.table(rows));
}
