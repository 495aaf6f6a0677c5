import { describe, expect, it } from 'vitest';
import { CertificateFixInput, WarningCloseInput, warningIdOfRef, warningRefOf } from '../../shared/api/warnings';

/**
 * A warning in a URL (shared/api/warnings.ts): its id holds '/' and a certificate number's own characters, which an
 * API Gateway HTTP API would decode out of `%2F` before routing; the path carries base64url of it instead.
 */
describe('warning refs', () => {
  it('round-trips ids with slashes, colons and Chinese certificate numbers, as one URL-safe path segment', () => {
    for (const id of [
      'licence:ent-000001/lic-000001-1',
      'personCert:ent-000001/psn-0a1b/（闽）公枪制字〔2023〕第001号',
      'flow:stock/stk-1',
      'hazard:hz-0123456789abcdef0123456789abcdef',
    ]) {
      const ref = warningRefOf(id);
      expect(ref).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(warningIdOfRef(ref)).toBe(id);
    }
  });

  it('reads anything else as no warning (the route answers 404, never 500)', () => {
    expect(warningIdOfRef('not base64!')).toBeUndefined();
    expect(warningIdOfRef(warningRefOf('other:thing'))).toBeUndefined();
    expect(warningIdOfRef(warningRefOf('licence:'))).toBeUndefined();
    // Not canonical (padding bits set): the same id must have one ref only.
    const ref = warningRefOf('flow:stock/ab'); // 13 bytes: the last of 18 characters carries 4 unused bits
    const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const twin = ALPHABET[ALPHABET.indexOf(ref.at(-1)!) ^ 1]!;
    expect(warningIdOfRef(`${ref.slice(0, -1)}${twin}`)).toBeUndefined();
    // Invalid UTF-8.
    expect(warningIdOfRef('_____________')).toBeUndefined();
  });

  it('修改 needs real dates, the end not before the start; 关闭预警 needs a reason', () => {
    expect(CertificateFixInput.safeParse({ validFrom: '2026-01-01', validTo: '2029-01-01', version: 1 }).success).toBe(
      true,
    );
    const backwards = CertificateFixInput.safeParse({ validFrom: '2029-01-01', validTo: '2026-01-01', version: 1 });
    expect(backwards.success).toBe(false);
    expect(backwards.error!.issues[0]!.path).toEqual(['validTo']);
    expect(CertificateFixInput.safeParse({ validFrom: '2026-02-30', validTo: '2029-01-01', version: 1 }).success).toBe(
      false,
    );
    expect(WarningCloseInput.safeParse({ reason: ' 。', version: 1 }).success).toBe(false);
    expect(WarningCloseInput.safeParse({ reason: '已核实', version: 1 }).success).toBe(true);
  });
});
