/**
 * The import's files in the attachments bucket: the uploaded 清单 (read by its attachment's key), and what the
 * import writes beside it under `imports/<importId>/` — the checked rows, each batch's outcome, the error
 * report. A small interface so the domain code takes it as an argument (S3 here, s3rver locally).
 */
import { GetObjectCommand, NoSuchKey, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';

export interface ImportFiles {
  /** The object's bytes; null when there is none under the key. */
  get(key: string): Promise<Buffer | null>;
  put(key: string, body: Buffer | string, contentType: string): Promise<void>;
}

export const planKey = (importId: string) => `imports/${importId}/rows.json`;
export const batchKey = (importId: string, offset: number) => `imports/${importId}/batches/${offset}.json`;
export const reportKey = (importId: string) => `imports/${importId}/report.xlsx`;

export function s3Files(s3: S3Client, bucket: string): ImportFiles {
  return {
    async get(key) {
      try {
        const out = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        return out.Body ? Buffer.from(await out.Body.transformToByteArray()) : null;
      } catch (err) {
        if (err instanceof NoSuchKey || (err as { name?: string }).name === 'NoSuchKey') return null;
        throw err;
      }
    },
    async put(key, body, contentType) {
      await s3.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: key,
          Body: body,
          ContentType: contentType,
        }),
      );
    },
  };
}
