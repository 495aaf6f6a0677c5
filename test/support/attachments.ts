import { expect } from 'vitest';
import type { ApiClient } from './api-client';

/** A tiny but real PDF. */
export const SAMPLE_PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/** The multipart POST the browser makes: the signed fields in order, then the file, last, named `file`. */
export async function postToS3(
  upload: { url: string; fields: Record<string, string> },
  bytes: Uint8Array,
  type: string,
  overrides: Record<string, string> = {},
) {
  const form = new FormData();
  for (const [k, v] of Object.entries({ ...upload.fields, ...overrides })) form.append(k, v);
  form.append('file', new Blob([bytes as Uint8Array<ArrayBuffer>], { type }), 'upload.bin');
  return fetch(upload.url, { method: 'POST', body: form });
}

/** Upload a file as the browser does (presigned POST, then complete); its attachment id. */
export async function uploadAttachment(
  c: ApiClient,
  { bytes = SAMPLE_PDF, fileName = '营业执照.pdf', contentType = 'application/pdf', purpose = 'business-licence' } = {},
): Promise<string> {
  const r = await c.post('/api/attachments', { purpose, fileName, contentType, size: bytes.length });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  expect((await postToS3(r.body, bytes, contentType)).status).toBe(204);
  const done = await c.post(`/api/attachments/${r.body.attachmentId}/complete`);
  expect(done.status, JSON.stringify(done.body)).toBe(200);
  return r.body.attachmentId as string;
}
