import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { reference } from '../support/draw-reference';
import {
  commitmentOf,
  compareUtf8,
  countOfRatio,
  runDraw,
  snapshotHash,
  type Candidate,
  type DrawInput,
} from '../../shared/inspections/draw';

const REGIONS = ['350102', '350203', '350503', '350583', '350681'];
const pool = (prefix: string, n: number): Candidate[] =>
  Array.from({ length: n }, (_, i) => ({ id: `${prefix}-${String(i).padStart(4, '0')}`, regionCode: REGIONS[i % 5]! }));

function input(over: Partial<DrawInput> = {}, params: Partial<DrawInput['params']> = {}): DrawInput {
  return {
    seed: randomBytes(32).toString('hex'),
    enterprises: pool('ent', 60),
    officers: pool('off', 12),
    experts: Array.from({ length: 8 }, (_, i) => ({ id: `exp-${i}` })),
    conflicts: [],
    params: {
      enterpriseQuotas: [{ regionPrefix: '', count: 10 }],
      officerQuotas: [{ regionPrefix: '', count: 8 }],
      teamSize: 2,
      expertCount: 2,
      ...params,
    },
    ...over,
  };
}

describe('the verifiable draw (hmac-sha256-lowest-k/v1)', () => {
  it('hashes the candidate snapshot and the seed commitment exactly as stated', async () => {
    const seed = 'ab'.repeat(32);
    expect(await commitmentOf(seed)).toBe(createHash('sha256').update(Buffer.from(seed, 'hex')).digest('hex'));
    const expected = createHash('sha256').update('e-1\ne-2\n--\no-1\no-9').digest('hex');
    expect(await snapshotHash(['e-2', 'e-1'], ['o-9', 'o-1'])).toBe(expected);
  });

  it('orders ids by UTF-8 bytes, not UTF-16 units', () => {
    // U+FF21 (one UTF-16 unit, 3 UTF-8 bytes EF BC A1) sorts after U+1F600 (surrogates D83D…, 4 bytes F0…) in
    // UTF-16 order but before it in UTF-8 byte order.
    expect(compareUtf8('\uFF21', '\u{1F600}')).toBeLessThan(0);
    expect(['b', 'a', 'ab'].sort(compareUtf8)).toEqual(['a', 'ab', 'b']);
  });

  it('equals the independent re-implementation, per region too', async () => {
    for (let i = 0; i < 25; i++) {
      const conflicts = [
        { officerId: 'off-0001', enterpriseId: `ent-${String(i).padStart(4, '0')}` },
        { officerId: 'off-0002', enterpriseId: `ent-${String(i + 1).padStart(4, '0')}` },
      ];
      const x = input(
        { conflicts },
        {
          enterpriseQuotas: [
            { regionPrefix: '3505', count: 4 },
            { regionPrefix: '3501', count: 3 },
            { regionPrefix: '', count: 3 },
          ],
          officerQuotas: [
            { regionPrefix: '3505', count: 3 },
            { regionPrefix: '', count: 4 },
          ],
          teamSize: 2 + (i % 2),
        },
      );
      const got = await runDraw(x);
      expect(got).toEqual({ ok: true, result: reference(x) });
    }
  });

  it('re-running a draw from its record gives the same result', async () => {
    const x = input();
    expect(await runDraw(structuredClone(x))).toEqual(await runDraw(x));
  });

  it('never puts an officer on an enterprise they declared a conflict with, and keeps loads within 1', async () => {
    for (let i = 0; i < 40; i++) {
      const conflicts = Array.from({ length: 15 }, (_, j) => ({
        officerId: `off-${String((i + j) % 12).padStart(4, '0')}`,
        enterpriseId: `ent-${String((i * 7 + j * 3) % 60).padStart(4, '0')}`,
      }));
      const x = input({ conflicts }, { enterpriseQuotas: [{ regionPrefix: '', count: 16 }] });
      const out = await runDraw(x);
      if (!out.ok) throw new Error(out.reason);
      const loads = new Map<string, number>();
      for (const e of out.result.enterprises) {
        expect(new Set(e.officers).size).toBe(2);
        for (const o of e.officers) {
          expect(conflicts).not.toContainEqual({ officerId: o, enterpriseId: e.id });
          loads.set(o, (loads.get(o) ?? 0) + 1);
        }
      }
      const counts = [...loads.values()];
      // 16 enterprises × 2 officers over 8 drawn officers: 4 each; a conflict may move one assignment.
      expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(2);
      expect(counts.reduce((a, b) => a + b, 0)).toBe(32);
    }
  });

  it('fails whole, with the reason, when a quota or a team cannot be met', async () => {
    const short = await runDraw(input({}, { enterpriseQuotas: [{ regionPrefix: '3509', count: 1 }] }));
    expect(short).toEqual({ ok: false, reason: expect.stringContaining('行政区划 3509 内可抽取的企业只有 0 个') });
    const allConflicted = input({
      officers: pool('off', 3),
      conflicts: ['off-0000', 'off-0001'].flatMap((o) =>
        pool('ent', 60).map((e) => ({ officerId: o, enterpriseId: e.id })),
      ),
    });
    allConflicted.params.officerQuotas = [{ regionPrefix: '', count: 3 }];
    expect(await runDraw(allConflicted)).toMatchObject({ ok: false, reason: expect.stringContaining('已排除回避') });
    expect(await runDraw(input({}, { teamSize: 1 }))).toMatchObject({ ok: false });
  });

  it('turns a ratio into the count it records (ceil)', () => {
    expect(countOfRatio(145, 0.1)).toBe(15);
    expect(countOfRatio(100, 0.1)).toBe(10);
    expect(countOfRatio(3, 0.5)).toBe(2);
  });

  it('is fair: over 2,000 seeds each of 50 candidates is drawn about equally often (chi-square)', async () => {
    const candidates = pool('ent', 50);
    const hits = new Map(candidates.map((c) => [c.id, 0]));
    const seeds = 2000;
    for (let i = 0; i < seeds; i++) {
      const out = await runDraw(
        input(
          {
            // Fixed seeds: the statistic is the same every run, so the test can't flake.
            seed: createHash('sha256').update(`fair-${i}`).digest('hex'),
            enterprises: candidates,
            officers: pool('off', 2),
            experts: [],
          },
          {
            enterpriseQuotas: [{ regionPrefix: '', count: 5 }],
            officerQuotas: [{ regionPrefix: '', count: 2 }],
            expertCount: 0,
          },
        ),
      );
      if (!out.ok) throw new Error(out.reason);
      for (const e of out.result.enterprises) hits.set(e.id, hits.get(e.id)! + 1);
    }
    const expected = (seeds * 5) / 50;
    const chi2 = [...hits.values()].reduce((s, h) => s + (h - expected) ** 2 / expected, 0);
    // 49 degrees of freedom: a fair draw exceeds 85.35 with probability 0.001.
    expect(chi2).toBeLessThan(85.35);
  });
});
