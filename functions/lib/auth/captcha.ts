/**
 * The enterprise login's 验证码: four characters drawn as SVG paths. Only the SHA-256 of the answer is stored;
 * the challenge is single-use and expires in five minutes. (A deterrent against scripted guessing, on top of
 * the lockout and the per-address limits.)
 *
 * No `<text>`: a script read the answer straight out of the markup. Each character is a stroke skeleton
 * (GLYPHS) that every draw turns, slants, scales, cuts into a different number of pieces, shakes point by
 * point and bends with a wave across the whole image, so the same character never yields the same path
 * twice; noise curves in the same pen and colours cross it, and all paths are shuffled so their order says
 * nothing about which are characters.
 */
import { randomInt } from 'node:crypto';
import type { Store } from '../../store';
import { AppError } from '../http/errors';
import { limitPerAddress } from './guard';
import { newId, sha256 } from './tokens';

/** No 0/O, 1/I/L, 2/Z, 5/S: characters people confuse. */
const ALPHABET = '346789ABCDEFGHJKMNPQRTUVWXY';
export const CAPTCHA_TTL_SECONDS = 300;
/** Captchas one address may fetch per minute: each is a write, and unauthenticated. */
export const CAPTCHA_LIMIT_PER_MINUTE = 30;

type Point = readonly [number, number];
/** Strokes on a 10 × 14 grid, y down. */
// prettier-ignore
const GLYPHS: Record<string, readonly (readonly Point[])[]> = {
  '3': [[[1, 2], [3, 0.5], [7, 0.5], [9, 2.5], [8, 5], [5, 7], [8, 8.5], [9.5, 11], [8, 13.5], [4, 14], [1, 12]]],
  '4': [[[7, 14], [7, 0], [0.5, 10], [10, 10]]],
  '6': [[[8.5, 1.5], [6, 0], [3, 0.5], [1, 4], [0.5, 9], [1.5, 12.5], [5, 14], [8.5, 12.5], [9.5, 9.5], [8, 7], [5, 6.5], [2, 8], [0.7, 10]]],
  '7': [[[0.5, 0], [9.5, 0], [4, 14]]],
  '8': [[[5, 7], [2, 5.5], [1.5, 2.5], [3, 0.5], [7, 0.5], [8.5, 2.5], [8, 5.5], [5, 7], [1.5, 9], [1, 11.5], [3, 13.8], [7, 13.8], [9, 11.5], [8.5, 9], [5, 7]]],
  '9': [[[9.3, 4], [8, 6.5], [5, 7.5], [2, 6.5], [0.8, 4], [2, 1], [5, 0], [8, 1], [9.3, 4], [9, 9], [7.5, 12.5], [5, 14], [2, 13]]],
  A: [[[0.5, 14], [5, 0], [9.5, 14]], [[2.3, 9], [7.7, 9]]],
  B: [[[1, 14], [1, 0], [6, 0], [8.5, 1.3], [8.5, 5], [6, 7], [1, 7]], [[6, 7], [9, 8.5], [9, 12.5], [6.5, 14], [1, 14]]],
  C: [[[9, 2], [7, 0.2], [4, 0.2], [1.5, 2], [0.5, 7], [1.5, 12], [4, 13.8], [7, 13.8], [9, 12]]],
  D: [[[1, 0], [1, 14], [5, 14], [8, 12], [9.3, 7], [8, 2], [5, 0], [1, 0]]],
  E: [[[9, 0], [1, 0], [1, 14], [9, 14]], [[1, 7], [7, 7]]],
  F: [[[9, 0], [1, 0], [1, 14]], [[1, 7], [7, 7]]],
  G: [[[9, 2], [7, 0.2], [4, 0.2], [1.5, 2], [0.5, 7], [1.5, 12], [4, 13.8], [7, 13.8], [9, 12], [9, 8], [5.5, 8]]],
  H: [[[1, 0], [1, 14]], [[9, 0], [9, 14]], [[1, 7], [9, 7]]],
  J: [[[3.5, 0], [9.5, 0]], [[8, 0], [8, 10.5], [6.5, 13.5], [4, 14], [1.5, 12.5]]],
  K: [[[1, 0], [1, 14]], [[9, 0], [1, 8.5]], [[3.8, 5.5], [9.5, 14]]],
  M: [[[0.5, 14], [1, 0], [5, 9], [9, 0], [9.5, 14]]],
  N: [[[1, 14], [1, 0], [9, 14], [9, 0]]],
  P: [[[1, 14], [1, 0], [6.5, 0], [9, 1.5], [9, 5.5], [6.5, 7], [1, 7]]],
  Q: [[[5, 0], [1.5, 1.5], [0.5, 7], [1.5, 12.5], [5, 14], [8.5, 12.5], [9.5, 7], [8.5, 1.5], [5, 0]], [[6, 10], [9.5, 14.5]]],
  R: [[[1, 14], [1, 0], [6.5, 0], [9, 1.5], [9, 5.5], [6.5, 7], [1, 7]], [[5, 7], [9.5, 14]]],
  T: [[[0, 0], [10, 0]], [[5, 0], [5, 14]]],
  U: [[[1, 0], [1, 10], [2.5, 13.3], [5, 14], [7.5, 13.3], [9, 10], [9, 0]]],
  V: [[[0.5, 0], [5, 14], [9.5, 0]]],
  W: [[[0, 0], [2.5, 14], [5, 5], [7.5, 14], [10, 0]]],
  X: [[[1, 0], [9, 14]], [[9, 0], [1, 14]]],
  Y: [[[0.5, 0], [5, 7], [9.5, 0]], [[5, 7], [5, 14]]],
};

const W = 120;
const H = 40;

/** A random integer below `max` (crypto-strong by default; tests may pass their own). */
export type Random = (max: number) => number;

export function drawCaptcha(text: string, rnd: Random = randomInt): string {
  /** Uniform in [lo, hi). */
  const u = (lo: number, hi: number) => lo + ((hi - lo) * rnd(1_000_000)) / 1_000_000;
  const n = (v: number) => v.toFixed(1);
  // One wave bends the whole image, so characters and noise share the same distortion.
  const wave = { amp: u(1.5, 3.5), len: u(18, 34), phase: u(0, 2 * Math.PI) };
  const warp = ([x, y]: Point): Point => [
    x + u(-0.7, 0.7),
    y + wave.amp * Math.sin(x / wave.len + wave.phase) + u(-0.7, 0.7),
  ];
  const pen = (width: [number, number]) =>
    `stroke="hsl(${rnd(360)},${50 + rnd(20)}%,${26 + rnd(14)}%)" stroke-width="${n(u(...width))}"`;

  /** A polyline as a path: each segment cut into 1–3 pieces, every point shaken, pieces as lines or curves. */
  const stroke = (points: readonly Point[], inked: string): string => {
    const out: Point[] = [warp(points[0]!)];
    for (let i = 1; i < points.length; i++) {
      const [x0, y0] = points[i - 1]!;
      const [x1, y1] = points[i]!;
      const pieces = 1 + rnd(3);
      for (let k = 1; k <= pieces; k++) out.push(warp([x0 + ((x1 - x0) * k) / pieces, y0 + ((y1 - y0) * k) / pieces]));
    }
    let d = `M${n(out[0]![0])} ${n(out[0]![1])}`;
    for (let i = 1; i < out.length; i++) {
      const [x, y] = out[i]!;
      if (rnd(2) === 0) d += `L${n(x)} ${n(y)}`;
      else {
        const [px, py] = out[i - 1]!;
        d += `Q${n((px + x) / 2 + u(-1.5, 1.5))} ${n((py + y) / 2 + u(-1.5, 1.5))} ${n(x)} ${n(y)}`;
      }
    }
    return `<path d="${d}" fill="none" ${inked} stroke-linecap="round" stroke-linejoin="round"/>`;
  };

  const paths: string[] = [];
  [...text].forEach((c, i) => {
    const glyph = GLYPHS[c];
    if (!glyph) throw new Error(`no glyph for ${c}`);
    const scale = u(1.55, 1.95);
    const angle = (u(-25, 25) * Math.PI) / 180;
    const shear = u(-0.3, 0.3);
    const cx = 18 + i * 27 + u(-3, 3);
    const cy = 20 + u(-3, 3);
    const place = ([gx, gy]: Point): Point => {
      const x = (gx - 5 + shear * (gy - 7)) * scale;
      const y = (gy - 7) * scale;
      return [cx + x * Math.cos(angle) - y * Math.sin(angle), cy + x * Math.sin(angle) + y * Math.cos(angle)];
    };
    // One pen per character, so a person sees its strokes belong together.
    const inked = pen([1.8, 2.6]);
    for (const s of glyph) paths.push(stroke(s.map(place), inked));
  });
  // Noise in a pen of the same kind (widths overlap the characters'): curves across the image and short
  // strokes the size of a character's.
  const noise = (points: Point[]) => paths.push(stroke(points, pen([1.4, 2.2])));
  for (let i = 0; i < 2; i++)
    noise([
      [u(0, 20), u(5, 35)],
      [u(40, 80), u(0, 40)],
      [u(100, 120), u(5, 35)],
    ]);
  for (let i = 0; i < 3; i++) {
    const [x, y] = [u(5, 115), u(5, 35)];
    noise([
      [x, y],
      [x + u(-10, 10), y + u(-10, 10)],
    ]);
  }
  // Fisher–Yates: the order of the paths says nothing about which draw a character.
  for (let i = paths.length - 1; i > 0; i--) {
    const j = rnd(i + 1);
    [paths[i], paths[j]] = [paths[j]!, paths[i]!];
  }
  const dots = Array.from(
    { length: 30 },
    () => `<circle cx="${n(u(0, W))}" cy="${n(u(0, H))}" r="${n(u(0.6, 1.4))}" fill="#8899aa"/>`,
  ).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-label="验证码"><rect width="100%" height="100%" fill="#f3f6fa"/>${dots}${paths.join('')}</svg>`;
}

/** A new captcha, after counting the issuance against the caller's address (429 past the limit). */
export async function issueCaptcha(
  store: Store,
  sourceIp: string,
  now = Date.now(),
): Promise<{ captchaId: string; svg: string }> {
  await limitPerAddress(store, 'captcha', sourceIp, CAPTCHA_LIMIT_PER_MINUTE, '获取验证码过于频繁，请稍后再试', now);
  const text = Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  const captchaId = newId();
  await store.captchas
    .create({ captchaId, answerHash: sha256(text), expiresAt: Math.floor(now / 1000) + CAPTCHA_TTL_SECONDS })
    .go();
  return { captchaId, svg: drawCaptcha(text) };
}

/** Check and consume: a captcha answers once, right or wrong (the delete is what makes it single-use). */
export async function consumeCaptcha(
  store: Store,
  captchaId: string,
  answer: string,
  now = Date.now(),
): Promise<boolean> {
  const { data } = await store.captchas.delete({ captchaId }).go({ response: 'all_old' });
  if (!data || data.expiresAt * 1000 < now) return false;
  return sha256(answer.trim().toUpperCase()) === data.answerHash;
}

/** The enterprise login's and the registration's check: a wrong or expired answer is a 400 on the 验证码 field. */
export async function requireCaptcha(store: Store, captchaId: string, answer: string): Promise<void> {
  if (!(await consumeCaptcha(store, captchaId, answer))) {
    throw new AppError(400, 'VALIDATION_FAILED', '验证码不正确或已过期，请重新输入', [
      { path: 'body.captcha', message: '验证码不正确或已过期' },
    ]);
  }
}
