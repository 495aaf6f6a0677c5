/**
 * The viewer's address. Behind CloudFront, API Gateway's sourceIp is a CloudFront edge, so a viewer-request
 * function on the `/api/*` behaviour (cdk/lib/constructs/site.ts) writes the viewer's address into this
 * header, overwriting any value the viewer sent; the local gateway does the same with the connection's
 * address. The header can be trusted only because the functions accept nothing that bypassed CloudFront
 * (origin-verify.ts). It must still be one well-formed IP address; otherwise the connection's is used.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { isIP } from 'node:net';

export const VIEWER_ADDRESS_HEADER = 'x-viewer-address';

/** CloudFront Function (cloudfront-js-2.0) code that stamps the header. */
export const VIEWER_ADDRESS_FUNCTION_CODE = `function handler(event) {
  var request = event.request;
  request.headers['${VIEWER_ADDRESS_HEADER}'] = { value: event.viewer.ip };
  return request;
}`;

/** One IPv4 or IPv6 address in a canonical spelling (lower case; IPv4-mapped IPv6 as IPv4), else null. */
export function canonicalAddress(value: string | undefined): string | null {
  if (!value || value.length > 45) return null;
  const v = value.toLowerCase();
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(v);
  if (mapped && isIP(mapped[1]!) === 4) return mapped[1]!;
  return isIP(v) === 0 ? null : v;
}

export function clientAddress(event: APIGatewayProxyEventV2): string {
  return (
    canonicalAddress(event.headers?.[VIEWER_ADDRESS_HEADER]) ??
    canonicalAddress(event.requestContext?.http?.sourceIp) ??
    ''
  );
}
