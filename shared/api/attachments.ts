/**
 * Contracts of attachments (README: Attachments): 营业执照附件, 证书附件, 人员证件附件 and 导入清单文件 go from the browser
 * straight to S3 through a presigned POST, and come back through a presigned GET issued after the scope check
 * of what they belong to. The allow-list and the size limit live here so the web checks a file with the same
 * words before it uploads, and the API refuses the same things if the check is skipped.
 */
import * as z from 'zod/mini';

export const ATTACHMENT_PURPOSES = [
  'business-licence',
  'licence',
  'certificate',
  'register-import',
  'notice',
  'self-inspection',
  'inspection-task',
  'hazard',
  'rectification',
  'inspection-evidence',
] as const;
export type AttachmentPurpose = (typeof ATTACHMENT_PURPOSES)[number];
export const ATTACHMENT_PURPOSE_NAMES: Record<AttachmentPurpose, string> = {
  'business-licence': '营业执照附件',
  licence: '证书附件',
  certificate: '人员证件附件',
  'register-import': '导入清单文件',
  notice: '通报附件',
  'self-inspection': '整改附件',
  'inspection-task': '检查任务附件',
  hazard: '隐患附件',
  rectification: '整改照片或文件',
  'inspection-evidence': '检查照片或文件',
};

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DOCX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The content types S3 accepts (the POST policy pins the one declared), with the file name endings of each. */
export const ATTACHMENT_CONTENT_TYPES = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  XLSX_CONTENT_TYPE,
  DOCX_CONTENT_TYPE,
] as const;
export type AttachmentContentType = (typeof ATTACHMENT_CONTENT_TYPES)[number];
export const ATTACHMENT_EXTENSIONS: Record<AttachmentContentType, readonly string[]> = {
  'application/pdf': ['.pdf'],
  'image/jpeg': ['.jpg', '.jpeg'],
  'image/png': ['.png'],
  [XLSX_CONTENT_TYPE]: ['.xlsx'],
  [DOCX_CONTENT_TYPE]: ['.docx'],
};

/** 20 MiB: the POST policy's content-length-range and the check after the upload. */
export const ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;
export const ATTACHMENT_FILE_NAME_MAX = 100;

export const FILE_TYPE_MESSAGE = '只能上传 PDF、JPG、PNG、XLSX、DOCX 文件';
export const FILE_SIZE_MESSAGE = '文件不能超过 20 MB';
export const FILE_EMPTY_MESSAGE = '文件内容为空';
export const IMPORT_TYPE_MESSAGE = '导入清单文件只能是 XLSX 文件';
export const EVIDENCE_TYPE_MESSAGE = '检查照片或文件只能是 JPG、PNG 或 PDF';
const FILE_NAME_CHARS_MESSAGE = '文件名包含不能使用的字符';

/** What each purpose accepts: an import list is read as a spreadsheet, so only .xlsx. */
export function contentTypesFor(purpose: AttachmentPurpose): readonly AttachmentContentType[] {
  if (purpose === 'register-import') return [XLSX_CONTENT_TYPE];
  // 登记's evidence: photos from the phone's camera and scans; a spreadsheet proves nothing on the spot.
  if (purpose === 'inspection-evidence') return ['image/jpeg', 'image/png', 'application/pdf'];
  return ATTACHMENT_CONTENT_TYPES;
}

/** What a purpose says of a file type it does not take. */
export function typeMessageFor(purpose: AttachmentPurpose): string {
  return purpose === 'inspection-evidence' ? EVIDENCE_TYPE_MESSAGE : IMPORT_TYPE_MESSAGE;
}

/** The `accept` attribute of a file input for a purpose: types and endings (some systems know only endings). */
export function acceptFor(purpose: AttachmentPurpose): string {
  return contentTypesFor(purpose)
    .flatMap((t) => [...ATTACHMENT_EXTENSIONS[t], t])
    .join(',');
}

const isAllowedType = (t: string): t is AttachmentContentType =>
  (ATTACHMENT_CONTENT_TYPES as readonly string[]).includes(t);

/**
 * The content type to declare for a chosen file: the browser's, when it is on the allow-list, else the one its
 * name ends with (browsers leave `type` empty for .docx/.xlsx on some systems). Null when neither is allowed.
 */
export function contentTypeOf(file: { name: string; type?: string }): AttachmentContentType | null {
  if (file.type && isAllowedType(file.type)) return file.type;
  const name = file.name.toLowerCase();
  return ATTACHMENT_CONTENT_TYPES.find((t) => ATTACHMENT_EXTENSIONS[t].some((ext) => name.endsWith(ext))) ?? null;
}

// Control characters and path separators: never part of a name a person chose.
// eslint-disable-next-line no-control-regex
const BAD_NAME_CHARS = /[\u0000-\u001f\u007f/\\]/;

/**
 * Why a file can't be uploaded for `purpose`, in the words the form shows; null when it can. The web calls it
 * before asking for an upload; the API's contract refuses the same files.
 */
export function describeFileProblem(
  file: { name: string; size: number; type?: string },
  purpose: AttachmentPurpose = 'business-licence',
): string | null {
  const name = file.name.trim();
  if (!name) return '请选择文件';
  if ([...name].length > ATTACHMENT_FILE_NAME_MAX)
    return `文件名不能超过 ${ATTACHMENT_FILE_NAME_MAX} 个字，请改名后重新选择`;
  if (BAD_NAME_CHARS.test(name)) return FILE_NAME_CHARS_MESSAGE;
  const type = contentTypeOf(file);
  if (!type) return contentTypesFor(purpose) === ATTACHMENT_CONTENT_TYPES ? FILE_TYPE_MESSAGE : typeMessageFor(purpose);
  if (!contentTypesFor(purpose).includes(type)) return typeMessageFor(purpose);
  if (file.size <= 0) return FILE_EMPTY_MESSAGE;
  if (file.size > ATTACHMENT_MAX_BYTES) return FILE_SIZE_MESSAGE;
  return null;
}

/** `att-` and 32 hex digits (a random UUID without its dashes). */
export const ATTACHMENT_ID_PATTERN = /^att-[0-9a-f]{32}$/;

export const AttachmentIdParams = z.object({
  attachmentId: z
    .string()
    .check(z.regex(ATTACHMENT_ID_PATTERN, { error: '附件编号格式不正确' }), z.meta({ title: '附件编号' })),
});

export const AttachmentUploadRequest = z
  .object({
    purpose: z.enum(ATTACHMENT_PURPOSES, { error: '附件用途不正确' }).check(z.meta({ title: '附件用途' })),
    fileName: z.string({ error: '请提供文件名' }).check(
      z.trim(),
      z.minLength(1, { error: '请提供文件名' }),
      z.maxLength(ATTACHMENT_FILE_NAME_MAX, { error: `文件名不能超过 ${ATTACHMENT_FILE_NAME_MAX} 个字` }),
      z.refine((n) => !BAD_NAME_CHARS.test(n), { error: FILE_NAME_CHARS_MESSAGE }),
      z.meta({ title: '文件名' }),
    ),
    contentType: z.enum(ATTACHMENT_CONTENT_TYPES, { error: FILE_TYPE_MESSAGE }).check(z.meta({ title: '文件类型' })),
    size: z
      .number({ error: '文件大小不正确' })
      .check(
        z.int({ error: '文件大小不正确' }),
        z.gte(1, { error: FILE_EMPTY_MESSAGE }),
        z.lte(ATTACHMENT_MAX_BYTES, { error: FILE_SIZE_MESSAGE }),
        z.meta({ title: '文件大小' }),
      ),
  })
  .check(
    z.superRefine((r, ctx) => {
      if (!contentTypesFor(r.purpose).includes(r.contentType)) {
        ctx.addIssue({ code: 'custom', message: typeMessageFor(r.purpose), path: ['contentType'], input: r });
      }
    }),
    z.meta({ id: 'AttachmentUploadRequest' }),
  );
export type AttachmentUploadRequest = z.infer<typeof AttachmentUploadRequest>;

export const AttachmentUpload = z
  .object({
    attachmentId: z.string(),
    /** POST the form here: `fields` in order, then the file as the last field, named `file`. */
    url: z.string(),
    fields: z.record(z.string(), z.string()),
    /** When the presigned POST stops being accepted (ISO 8601). */
    expiresAt: z.string(),
  })
  .check(z.meta({ id: 'AttachmentUpload' }));
export type AttachmentUpload = z.infer<typeof AttachmentUpload>;

export const ATTACHMENT_STATUSES = ['pending', 'uploaded'] as const;
export type AttachmentStatus = (typeof ATTACHMENT_STATUSES)[number];

export const AttachmentView = z
  .object({
    attachmentId: z.string(),
    purpose: z.enum(ATTACHMENT_PURPOSES),
    fileName: z.string(),
    contentType: z.string(),
    /** Known once the upload is checked. */
    size: z.optional(z.number()),
    status: z.enum(ATTACHMENT_STATUSES),
    createdAt: z.string(),
  })
  .check(z.meta({ id: 'AttachmentView' }));
export type AttachmentView = z.infer<typeof AttachmentView>;

export const AttachmentDownload = z
  .object({ url: z.string(), expiresAt: z.string() })
  .check(z.meta({ id: 'AttachmentDownload' }));
export type AttachmentDownload = z.infer<typeof AttachmentDownload>;
