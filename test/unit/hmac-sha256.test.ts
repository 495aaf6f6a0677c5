import { createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hmacSha256 } from '../../shared/inspections/hmac-sha256';

/** The draw's synchronous HMAC equals node:crypto's for every message length around the block boundaries. */
describe('hmacSha256', () => {
  it('matches node:crypto for keys of 0–100 bytes and messages of 0–200 bytes', () => {
    for (const keyLength of [0, 1, 32, 63, 64, 65, 100]) {
      const key = randomBytes(keyLength);
      const mac = hmacSha256(new Uint8Array(key));
      for (let n = 0; n <= 200; n += n < 70 ? 1 : 13) {
        const msg = randomBytes(n);
        expect(mac(new Uint8Array(msg)), `key ${keyLength} msg ${n}`).toBe(
          createHmac('sha256', key).update(msg).digest('hex'),
        );
      }
    }
  });
});
