/**
 * A small seeded PRNG for demo data. The generator must give byte-identical output for the same seed on
 * every machine and Node version, so we do not use Math.random() and keep the arithmetic in 32-bit
 * integers (Math.imul, >>> 0), which JavaScript defines exactly.
 */

/** A source of uniform numbers in [0, 1). Structural, so shared/validation generators accept it too. */
export type Rng = () => number;

/** mulberry32 (Tommy Ettinger): 32-bit state, fast, good enough for demo data (not for secrets). */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * FNV-1a over the parts joined by '|': turns (seed, stream name, index) into an independent 32-bit seed,
 * so enterprise #i is the same whatever was generated before it or how many personnel each one has.
 */
export function hashSeed(...parts: readonly (string | number)[]): number {
  const s = parts.join('|');
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A PRNG for one named stream of a seed. */
export function streamOf(seed: number | string, ...parts: readonly (string | number)[]): Rng {
  return mulberry32(hashSeed(seed, ...parts));
}

/** Integer in [min, max], both inclusive. */
export function int(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

/** True with probability p. */
export function chance(rng: Rng, p: number): boolean {
  return rng() < p;
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  if (items.length === 0) throw new Error('pick from an empty list');
  return items[Math.floor(rng() * items.length)] as T;
}

/** Picks by weight; weights need not sum to 1. */
export function weighted<T>(rng: Rng, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((sum, [, w]) => sum + w, 0);
  let r = rng() * total;
  for (const [item, w] of items) {
    r -= w;
    if (r < 0) return item;
  }
  const last = items[items.length - 1];
  if (!last) throw new Error('weighted pick from an empty list');
  return last[0];
}

/** A string of `length` characters drawn from `alphabet`. */
export function chars(rng: Rng, alphabet: string, length: number): string {
  let s = '';
  for (let i = 0; i < length; i++) s += alphabet[Math.floor(rng() * alphabet.length)];
  return s;
}

/** Zero-padded decimal. */
export function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}
