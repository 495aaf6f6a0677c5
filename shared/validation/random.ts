/**
 * The generators beside the validators take any `() => number` in [0, 1) — the seeded PRNG of the demo
 * generator, or Math.random in a quick script — so shared code does not depend on functions/seed.
 */
export type Random = () => number;

export function randomInt(rng: Random, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

export function randomChar(rng: Random, alphabet: string): string {
  return alphabet[Math.floor(rng() * alphabet.length)] as string;
}
