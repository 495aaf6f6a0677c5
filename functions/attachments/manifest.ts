import {
  AttachmentDownload,
  AttachmentIdParams,
  AttachmentUpload,
  AttachmentUploadRequest,
  AttachmentView,
} from '../../shared/api/attachments';
import { defineContext, defineRoute } from '../lib/wiring';

/**
 * Attachments (README: Attachments): regulators and enterprises alike upload files for what they submit; who may read
 * one is decided by the domain code against the attachment (its uploader, or the scope of the enterprise it
 * is linked to), so every route admits any signed-in account.
 */
const ANYONE = { kind: 'any' } as const;

export const requestAttachmentUpload = defineRoute({
  operationId: 'requestAttachmentUpload',
  method: 'POST',
  path: '/api/attachments',
  public: false,
  access: ANYONE,
  summary: '附件：申请上传（返回直传 S3 的表单地址和字段，10 分钟内有效）',
  tags: ['attachments'],
  body: AttachmentUploadRequest,
  response: AttachmentUpload,
  successStatus: 201,
});

export const completeAttachmentUpload = defineRoute({
  operationId: 'completeAttachmentUpload',
  method: 'POST',
  path: '/api/attachments/{attachmentId}/complete',
  public: false,
  access: ANYONE,
  summary: '附件：确认上传完成（核对文件大小和类型）',
  tags: ['attachments'],
  params: AttachmentIdParams,
  response: AttachmentView,
});

export const getAttachment = defineRoute({
  operationId: 'getAttachment',
  method: 'GET',
  path: '/api/attachments/{attachmentId}',
  public: false,
  access: ANYONE,
  readOnly: true,
  summary: '附件：文件名、类型、大小和状态',
  tags: ['attachments'],
  params: AttachmentIdParams,
  response: AttachmentView,
});

export const downloadAttachment = defineRoute({
  operationId: 'downloadAttachment',
  method: 'GET',
  path: '/api/attachments/{attachmentId}/download',
  public: false,
  access: ANYONE,
  summary: '附件：下载地址（5 分钟内有效）',
  tags: ['attachments'],
  params: AttachmentIdParams,
  response: AttachmentDownload,
});

export const attachmentsManifest = defineContext({
  context: 'attachments',
  entry: 'functions/attachments/handler.ts',
  description: 'attachments: presigned uploads to S3 and scope-checked presigned downloads',
  routes: [requestAttachmentUpload, completeAttachmentUpload, getAttachment, downloadAttachment],
  subscriptions: [],
  schedules: [],
  grants: { table: { write: ['attachments', 'sessions', 'audit'], read: ['accounts'] }, attachments: 'readwrite' },
});
