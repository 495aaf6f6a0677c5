import { S3Client } from '@aws-sdk/client-s3';
import { ENV } from '../env-names';
import { endpointFrom } from './endpoint';

/** The S3 client, once per container. s3rver serves buckets by path only; real S3 works either way. */
export const s3 = new S3Client({
  ...endpointFrom(ENV.s3Endpoint),
  forcePathStyle: Boolean(process.env[ENV.s3Endpoint]),
});
