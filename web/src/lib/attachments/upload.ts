/**
 * Uploading an attachment (README: Attachments), in three steps: ask the API for a presigned POST (it records the
 * attachment as pending), send the file straight to S3 as a multipart form — the signed fields first, the
 * file last, because S3 ignores every field after `file` — and tell the API it is done, which checks the
 * stored object. The file never passes through our functions. Downloads are presigned GETs, asked for at the
 * moment of the click (they live 5 minutes).
 */
import { api } from '$lib/api/client';
import {
  contentTypeOf,
  describeFileProblem,
  FILE_SIZE_MESSAGE,
  type AttachmentDownload,
  type AttachmentPurpose,
  type AttachmentUpload,
  type AttachmentView,
} from '$shared/api/attachments';

export const ATTACHMENTS_PATH = '/api/attachments';

/** A problem with the file or its transfer, already in the words to show. */
export class UploadError extends Error {
  override readonly name = 'UploadError';
}

export interface UploadOptions {
  /** 0…1 as the file goes to S3. */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

/** Check, request, send, complete. Throws UploadError (file, transfer) or ApiError (the API refused). */
export async function uploadAttachment(
  file: File,
  purpose: AttachmentPurpose,
  options: UploadOptions = {},
): Promise<AttachmentView> {
  const problem = describeFileProblem(file, purpose);
  if (problem) throw new UploadError(problem);
  // describeFileProblem found a type, so there is one.
  const contentType = contentTypeOf(file)!;
  const upload = await api.post<AttachmentUpload>(ATTACHMENTS_PATH, {
    purpose,
    fileName: file.name.trim(),
    contentType,
    size: file.size,
  });
  await sendToStorage(upload, file, options);
  options.onProgress?.(1);
  return api.post<AttachmentView>(`${ATTACHMENTS_PATH}/${encodeURIComponent(upload.attachmentId)}/complete`);
}

/** What S3 (or the emulator) said, as a sentence: its error is XML with a `<Code>`. */
function storageProblem(status: number, body: string): string {
  const code = /<Code>([^<]+)<\/Code>/.exec(body)?.[1];
  if (code === 'EntityTooLarge') return FILE_SIZE_MESSAGE;
  if (code === 'EntityTooSmall') return '文件内容为空';
  if (status === 403) return '上传授权已失效或文件不符合要求，请重新选择文件上传';
  return `文件上传失败（${code ?? `HTTP ${status}`}），请稍后重试`;
}

/** The multipart POST, by XMLHttpRequest because fetch does not report upload progress. */
function sendToStorage(upload: AttachmentUpload, file: File, options: UploadOptions): Promise<void> {
  const form = new FormData();
  for (const [name, value] of Object.entries(upload.fields)) form.append(name, value);
  form.append('file', file);
  return new Promise<void>((resolve, reject) => {
    if (options.signal?.aborted) {
      reject(new DOMException('上传已取消', 'AbortError'));
      return;
    }
    const xhr = new XMLHttpRequest();
    xhr.open('POST', upload.url);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) options.onProgress?.(Math.min(e.loaded / e.total, 0.99));
    };
    xhr.onload = () =>
      xhr.status >= 200 && xhr.status < 300
        ? resolve()
        : reject(new UploadError(storageProblem(xhr.status, xhr.responseText)));
    xhr.onerror = () => reject(new UploadError('文件上传失败，请检查网络连接后重试'));
    xhr.onabort = () => reject(new DOMException('上传已取消', 'AbortError'));
    options.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(form);
  });
}

export function getAttachment(attachmentId: string, signal?: AbortSignal): Promise<AttachmentView> {
  return api.get<AttachmentView>(`${ATTACHMENTS_PATH}/${encodeURIComponent(attachmentId)}`, signal ? { signal } : {});
}

/** Asks for a fresh presigned GET and hands it to the browser; the answer's Content-Disposition names the file. */
export async function downloadAttachment(attachmentId: string): Promise<void> {
  const { url } = await api.get<AttachmentDownload>(`${ATTACHMENTS_PATH}/${encodeURIComponent(attachmentId)}/download`);
  const a = document.createElement('a');
  a.href = url;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
}

/** 1.2 MB, 350 KB: the size as people read it. */
export function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} 字节`;
}
