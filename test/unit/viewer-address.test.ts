import { describe, expect, it } from 'vitest';
import {
  clientAddress,
  VIEWER_ADDRESS_FUNCTION_CODE,
  VIEWER_ADDRESS_HEADER,
} from '../../functions/lib/http/viewer-address';
import { httpEvent } from '../support/events';

describe('the viewer address', () => {
  it('is stamped by the CloudFront function, overwriting what the viewer sent', () => {
    // Prepare: run the function's code as CloudFront would, on a request carrying a forged header.
    const handler = new Function(`${VIEWER_ADDRESS_FUNCTION_CODE}; return handler;`)() as (e: unknown) => {
      headers: Record<string, { value: string }>;
    };
    // Act
    const out = handler({
      viewer: { ip: '203.0.113.9' },
      request: { headers: { [VIEWER_ADDRESS_HEADER]: { value: '1.1.1.1' } } },
    });
    // Assess
    expect(out.headers[VIEWER_ADDRESS_HEADER]).toEqual({ value: '203.0.113.9' });
  });

  it('is read from the stamped header, else from the connection, and never from a malformed value', () => {
    expect(clientAddress(httpEvent({ path: '/api/x', headers: { [VIEWER_ADDRESS_HEADER]: '203.0.113.9' } }))).toBe(
      '203.0.113.9',
    );
    expect(clientAddress(httpEvent({ path: '/api/x' }))).toBe('192.0.2.1');
    expect(clientAddress(httpEvent({ path: '/api/x', headers: { [VIEWER_ADDRESS_HEADER]: '1.1.1.1, evil' } }))).toBe(
      '192.0.2.1',
    );
  });
});

describe('the viewer address is one well-formed IP address', () => {
  it('refuses what only looks like one, and spells the same address one way', () => {
    const from = (value: string) =>
      clientAddress(httpEvent({ path: '/api/x', headers: { [VIEWER_ADDRESS_HEADER]: value } }));
    // Passed the old character-class check, yet no address: each would have been a fresh rate-limit counter.
    for (const forged of ['....', '1.2.3.4.5', '999.1.1.1', ':::::', 'abc', 'f'.repeat(60), '1.1.1.1 ']) {
      expect(from(forged)).toBe('192.0.2.1');
    }
    expect(from('2001:DB8::1')).toBe('2001:db8::1');
    expect(from('::ffff:203.0.113.9')).toBe('203.0.113.9');
  });
});
