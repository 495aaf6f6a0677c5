/**
 * HMAC-SHA256 (RFC 2104 over FIPS 180-4), synchronous and in plain TypeScript, for the draw's keys: a draw
 * computes one HMAC per candidate (6,500 at full scale) and Web Crypto's promise per call cost ~60 µs each —
 * most of a 400 ms draw. With the key's inner and outer pad states computed once, a short message costs two
 * compressions. Checked against node:crypto in test/unit/inspection-draw.test.ts (the draw's reference) and
 * test/unit/hmac-sha256.test.ts.
 */
const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2,
]);
const IV = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];

const W = new Uint32Array(64);

/** One compression of the 64-byte block at `bytes[off…]` into `h`. */
function compress(h: Uint32Array, bytes: Uint8Array, off: number): void {
  for (let i = 0; i < 16; i++) {
    const j = off + i * 4;
    W[i] = ((bytes[j]! << 24) | (bytes[j + 1]! << 16) | (bytes[j + 2]! << 8) | bytes[j + 3]!) >>> 0;
  }
  for (let i = 16; i < 64; i++) {
    const a = W[i - 15]!;
    const b = W[i - 2]!;
    const s0 = ((a >>> 7) | (a << 25)) ^ ((a >>> 18) | (a << 14)) ^ (a >>> 3);
    const s1 = ((b >>> 17) | (b << 15)) ^ ((b >>> 19) | (b << 13)) ^ (b >>> 10);
    W[i] = (W[i - 16]! + s0 + W[i - 7]! + s1) >>> 0;
  }
  let a = h[0]!,
    b = h[1]!,
    c = h[2]!,
    d = h[3]!,
    e = h[4]!,
    f = h[5]!,
    g = h[6]!,
    k = h[7]!;
  for (let i = 0; i < 64; i++) {
    const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const ch = (e & f) ^ (~e & g);
    const t1 = (k + S1 + ch + K[i]! + W[i]!) >>> 0;
    const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const maj = (a & b) ^ (a & c) ^ (b & c);
    const t2 = (S0 + maj) >>> 0;
    k = g;
    g = f;
    f = e;
    e = (d + t1) >>> 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) >>> 0;
  }
  h[0] = (h[0]! + a) >>> 0;
  h[1] = (h[1]! + b) >>> 0;
  h[2] = (h[2]! + c) >>> 0;
  h[3] = (h[3]! + d) >>> 0;
  h[4] = (h[4]! + e) >>> 0;
  h[5] = (h[5]! + f) >>> 0;
  h[6] = (h[6]! + g) >>> 0;
  h[7] = (h[7]! + k) >>> 0;
}

/** SHA-256 of `msg` continuing from state `start` after `prefixLength` bytes already hashed. */
function finish(start: Uint32Array, prefixLength: number, msg: Uint8Array): Uint32Array {
  const h = new Uint32Array(start);
  const total = prefixLength + msg.length;
  const padded = new Uint8Array(Math.ceil((msg.length + 9) / 64) * 64);
  padded.set(msg);
  padded[msg.length] = 0x80;
  const bits = total * 8;
  const n = padded.length;
  padded[n - 4] = (bits >>> 24) & 0xff;
  padded[n - 3] = (bits >>> 16) & 0xff;
  padded[n - 2] = (bits >>> 8) & 0xff;
  padded[n - 1] = bits & 0xff;
  padded[n - 5] = Math.floor(bits / 2 ** 32) & 0xff;
  for (let off = 0; off < n; off += 64) compress(h, padded, off);
  return h;
}

function stateBytes(h: Uint32Array): Uint8Array {
  const out = new Uint8Array(32);
  for (let i = 0; i < 8; i++) {
    out[i * 4] = h[i]! >>> 24;
    out[i * 4 + 1] = (h[i]! >>> 16) & 0xff;
    out[i * 4 + 2] = (h[i]! >>> 8) & 0xff;
    out[i * 4 + 3] = h[i]! & 0xff;
  }
  return out;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** A keyed HMAC-SHA256: `(message) => hex`. Keys longer than 64 bytes are hashed first, as RFC 2104 says. */
export function hmacSha256(key: Uint8Array): (message: Uint8Array) => string {
  const k = new Uint8Array(64);
  k.set(key.length > 64 ? stateBytes(finish(new Uint32Array(IV), 0, key)) : key);
  const inner = new Uint32Array(IV);
  const outer = new Uint32Array(IV);
  compress(
    inner,
    k.map((b) => b ^ 0x36),
    0,
  );
  compress(
    outer,
    k.map((b) => b ^ 0x5c),
    0,
  );
  // Scratch space reused by every call: a draw's messages are short, so each costs two compressions and
  // allocates only its hex string.
  const h = new Uint32Array(8);
  const block = new Uint8Array(64);
  const outerBlock = new Uint8Array(64);
  outerBlock[32] = 0x80;
  outerBlock[62] = (768 >>> 8) & 0xff; // (64 + 32) bytes = 768 bits
  outerBlock[63] = 768 & 0xff;
  return (message) => {
    let innerDigest: Uint32Array;
    if (message.length <= 55) {
      block.fill(0);
      block.set(message);
      block[message.length] = 0x80;
      const bits = (64 + message.length) * 8;
      block[62] = (bits >>> 8) & 0xff;
      block[63] = bits & 0xff;
      h.set(inner);
      compress(h, block, 0);
      innerDigest = h;
    } else {
      innerDigest = finish(inner, 64, message);
    }
    for (let i = 0; i < 8; i++) {
      const w = innerDigest[i]!;
      outerBlock[i * 4] = w >>> 24;
      outerBlock[i * 4 + 1] = (w >>> 16) & 0xff;
      outerBlock[i * 4 + 2] = (w >>> 8) & 0xff;
      outerBlock[i * 4 + 3] = w & 0xff;
    }
    h.set(outer);
    compress(h, outerBlock, 0);
    let s = '';
    for (let i = 0; i < 8; i++) {
      const w = h[i]!;
      s += HEX[w >>> 24]! + HEX[(w >>> 16) & 0xff]! + HEX[(w >>> 8) & 0xff]! + HEX[w & 0xff]!;
    }
    return s;
  };
}
