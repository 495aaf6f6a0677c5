/** Percentiles over a sample of durations (nearest-rank), for the bench's rows. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new Error('no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export const round = (n: number, digits = 2): number => Math.round(n * 10 ** digits) / 10 ** digits;

/** Time `n` sequential runs of `fn` after `warmup` unmeasured ones; milliseconds each. */
export async function timeRuns(fn: () => Promise<unknown>, n: number, warmup = 20): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

/**
 * Time several operations round-robin (a, b, c, a, b, c …) so they share the machine's state — JIT warm-up,
 * GC, another process's load — and their ratio says something even when the absolute times drift.
 * Milliseconds per run, one array per operation.
 */
export async function timeInterleaved(
  ops: readonly (() => Promise<unknown>)[],
  n: number,
  warmup = 20,
): Promise<number[][]> {
  for (let i = 0; i < warmup; i++) for (const op of ops) await op();
  const out = ops.map(() => [] as number[]);
  for (let i = 0; i < n; i++) {
    for (const [j, op] of ops.entries()) {
      const t = performance.now();
      await op();
      out[j]!.push(performance.now() - t);
    }
  }
  return out;
}
