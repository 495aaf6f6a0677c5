/**
 * s3rver, an S3 emulator, in-process. It serves presigned URLs and bucket CORS like S3, but it checks
 * neither SigV4 signatures nor POST policies (size range, key prefix, content type): tests assert the
 * policy we generate by decoding it (README, "emulators' limits").
 */
import fs from 'node:fs';
import S3rver from 's3rver';
import { assertPortFree } from './ports';

export interface S3Local {
  endpoint: string;
  port: number;
  stop(): Promise<void>;
}

/** Bucket CORS: the site's origin may POST (presigned uploads) and GET (presigned downloads). */
export function corsConfiguration(siteOrigin: string): string {
  return `<CORSConfiguration>
  <CORSRule>
    <AllowedOrigin>${siteOrigin}</AllowedOrigin>
    <AllowedMethod>GET</AllowedMethod>
    <AllowedMethod>POST</AllowedMethod>
    <AllowedMethod>PUT</AllowedMethod>
    <AllowedHeader>*</AllowedHeader>
    <ExposeHeader>ETag</ExposeHeader>
    <MaxAgeSeconds>3000</MaxAgeSeconds>
  </CORSRule>
</CORSConfiguration>`;
}

export async function startS3Local(opts: {
  port: number;
  directory: string;
  bucket: string;
  /** Buckets the browser never reaches (no CORS), e.g. the audit anchors. */
  otherBuckets?: readonly string[];
  siteOrigin: string;
}): Promise<S3Local> {
  await assertPortFree(opts.port, 's3rver', 'S3_PORT');
  fs.mkdirSync(opts.directory, { recursive: true });
  const server = new S3rver({
    port: opts.port,
    address: '127.0.0.1',
    directory: opts.directory,
    silent: true,
    // Configures the bucket on every start (creating it if missing), so CORS follows the site's origin.
    configureBuckets: [
      { name: opts.bucket, configs: [corsConfiguration(opts.siteOrigin)] },
      ...(opts.otherBuckets ?? []).map((name) => ({ name, configs: [] })),
    ],
  });
  await server.run();
  return {
    endpoint: `http://127.0.0.1:${opts.port}`,
    port: opts.port,
    stop: () => server.close(),
  };
}
