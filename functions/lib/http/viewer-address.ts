/**
 * The viewer's address. Behind CloudFront, API Gateway's sourceIp is a CloudFront edge, so a viewer-request
 * function on the `/api/*` behaviour (cdk/lib/constructs/site.ts) writes the viewer's address into this
 * header, overwriting any value the viewer sent. Without it (local gateway, direct calls) the connection's
 * address is used.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';

export const VIEWER_ADDRESS_HEADER = 'x-viewer-address';

/** CloudFront Function (cloudfront-js-2.0) code that stamps the header. */
export const VIEWER_ADDRESS_FUNCTION_CODE = `function handler(event) {
  var request = event.request;
  request.headers['${VIEWER_ADDRESS_HEADER}'] = { value: event.viewer.ip };
  return request;
}`;

export function clientAddress(event: APIGatewayProxyEventV2): string {
  const viewer = event.headers?.[VIEWER_ADDRESS_HEADER];
  if (viewer && /^[\d.]+$|^[\da-f:]+$/i.test(viewer)) return viewer;
  return event.requestContext?.http?.sourceIp ?? '';
}
