/**
 * The enterprise login's 验证码: four characters drawn as an SVG with jitter, rotation and noise lines.
 * Only the SHA-256 of the answer is stored; the challenge is single-use and expires in five minutes.
 * (A deterrent against scripted guessing, on top of the lockout and the per-address rate limit.)
 */
import { randomInt } from 'node:crypto';
import type { Store } from '../../store';
import { AppError } from '../http/errors';
import { newId, sha256 } from './tokens';

/** No 0/O, 1/I/L, 2/Z, 5/S: characters people confuse. */
const ALPHABET = '346789ABCDEFGHJKMNPQRTUVWXY';
export const CAPTCHA_TTL_SECONDS = 300;

export function drawCaptcha(text: string, rnd: (max: number) => number = randomInt): string {
  const w = 120;
  const h = 40;
  const lines = Array.from({ length: 5 }, () => {
    const hue = rnd(360);
    return `<line x1="${rnd(w)}" y1="${rnd(h)}" x2="${rnd(w)}" y2="${rnd(h)}" stroke="hsl(${hue},45%,55%)" stroke-width="1"/>`;
  }).join('');
  const dots = Array.from({ length: 24 }, () => `<circle cx="${rnd(w)}" cy="${rnd(h)}" r="1" fill="#8899aa"/>`).join(
    '',
  );
  const chars = [...text]
    .map((c, i) => {
      const x = 14 + i * 26 + rnd(6);
      const y = 27 + rnd(8);
      const rot = rnd(50) - 25;
      const hue = rnd(360);
      return `<text x="${x}" y="${y}" transform="rotate(${rot} ${x} ${y})" font-family="monospace" font-size="24" font-weight="bold" fill="hsl(${hue},60%,32%)">${c}</text>`;
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" role="img" aria-label="验证码"><rect width="100%" height="100%" fill="#f3f6fa"/>${lines}${dots}${chars}</svg>`;
}

export async function issueCaptcha(store: Store, now = Date.now()): Promise<{ captchaId: string; svg: string }> {
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
