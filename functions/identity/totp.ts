/**
 * TOTP (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits) — what every authenticator app speaks. A code is
 * accepted for the current step ±1 (clock drift), and never twice: the caller stores the last step used.
 */
import { createHmac, randomBytes } from 'node:crypto';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
export const STEP_SECONDS = 30;

export function base32Encode(buf: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of buf) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

export function base32Decode(s: string): Buffer {
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const ch of s.replace(/=+$/, '').toUpperCase()) {
    const i = BASE32.indexOf(ch);
    if (i < 0) throw new Error('invalid base32');
    value = (value << 5) | i;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

export const newTotpSecret = (): string => base32Encode(randomBytes(20));

export function hotp(secret: Buffer, counter: number, digits = 6): string {
  const msg = Buffer.alloc(8);
  msg.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac('sha1', secret).update(msg).digest();
  const offset = mac[mac.length - 1]! & 0xf;
  const code = (mac.readUInt32BE(offset) & 0x7fffffff) % 10 ** digits;
  return String(code).padStart(digits, '0');
}

export const stepAt = (ms: number): number => Math.floor(ms / 1000 / STEP_SECONDS);

export function totpAt(secretBase32: string, ms: number): string {
  return hotp(base32Decode(secretBase32), stepAt(ms));
}

/** The step the code belongs to (now ±1), or null. Steps at or before `lastStep` are refused (replay). */
export function matchTotp(secretBase32: string, code: string, ms: number, lastStep?: number): number | null {
  const key = base32Decode(secretBase32);
  const now = stepAt(ms);
  for (const step of [now - 1, now, now + 1]) {
    if (lastStep !== undefined && step <= lastStep) continue;
    if (hotp(key, step) === code) return step;
  }
  return null;
}

/** True when the code is one of a step already used (≤ lastStep, within now ±1): a replay, not a guess. */
export function usedTotpStep(secretBase32: string, code: string, ms: number, lastStep?: number): boolean {
  if (lastStep === undefined) return false;
  const key = base32Decode(secretBase32);
  const now = stepAt(ms);
  return [now - 1, now, now + 1].some((step) => step <= lastStep && hotp(key, step) === code);
}

export function otpauthUri(secretBase32: string, login: string): string {
  const issuer = '福建危险物品一体化平台';
  return `otpauth://totp/${encodeURIComponent(`${issuer}:${login}`)}?secret=${secretBase32}&issuer=${encodeURIComponent(issuer)}&algorithm=SHA1&digits=6&period=${STEP_SECONDS}`;
}
