import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import {
  AttachmentUploadRequest,
  ATTACHMENT_MAX_BYTES,
  contentTypeOf,
  describeFileProblem,
  DOCX_CONTENT_TYPE,
  FILE_SIZE_MESSAGE,
  FILE_TYPE_MESSAGE,
  IMPORT_TYPE_MESSAGE,
  XLSX_CONTENT_TYPE,
} from '../../shared/api/attachments';
import { presignUpload, issueUpload } from '../../functions/attachments/presign';
import {
  contentDisposition,
  newAttachmentId,
  sanitiseFileName,
  UPLOAD_EXPIRES_SECONDS,
} from '../../functions/attachments/policy';
import type { Principal } from '../../functions/lib/auth/principal';
import { AppError } from '../../functions/lib/http/errors';
import { createStore } from '../../functions/store';

/**
 * The presigned POST's policy, decoded: s3rver does not enforce policies, so this is where the rules that S3
 * enforces on AWS are proved — bucket, the owner/purpose/attachment key prefix, the exact content type, the
 * size range and a 10-minute expiry. And bad requests are refused before anything is signed or written.
 */
const BUCKET = 'hazmat-attachments-test';
const s3 = new S3Client({
  region: 'cn-north-1',
  credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' },
});

const base = { accountId: 'acct-1', sessionId: 's-1', login: 'x', name: '测试', stage: 'active' as const };
const ENTERPRISE: Principal = { ...base, kind: 'enterprise', enterpriseId: 'ent-000001' };
const REGULATOR: Principal = {
  ...base,
  accountId: 'reg-13900000028',
  kind: 'regulator',
  department: 'anjian',
  regionCode: '3505',
  categories: ['hazchem'],
  roles: ['inspector'],
  category: 'hazchem',
};

type Condition = Record<string, string> | [string, string | number, string | number];
const decode = (policy: string) =>
  JSON.parse(Buffer.from(policy, 'base64').toString('utf8')) as { expiration: string; conditions: Condition[] };

describe('the presigned POST policy', () => {
  it('pins bucket, key prefix (owner/purpose/attachment), content type, size range and a 10-minute expiry', async () => {
    const id = newAttachmentId();
    const before = Date.now();
    const post = await presignUpload(
      s3,
      BUCKET,
      ENTERPRISE,
      { purpose: 'business-licence', fileName: '营业执照（副本）.pdf', contentType: 'application/pdf' },
      id,
    );
    const prefix = `attachments/enterprise/ent-000001/business-licence/${id}/`;
    expect(post.key).toBe(`${prefix}营业执照_副本_.pdf`);
    // The regional virtual-hosted endpoint: the origin the site's CSP allows (cdk attachmentsOrigin).
    expect(post.url).toBe(`https://${BUCKET}.s3.cn-north-1.amazonaws.com.cn/`);
    expect(post.fields.key).toBe(post.key);
    expect(post.fields['Content-Type']).toBe('application/pdf');
    expect(post.fields.bucket).toBe(BUCKET);

    const policy = decode(post.fields.Policy!);
    const c = policy.conditions;
    expect(c).toContainEqual({ bucket: BUCKET });
    expect(c).toContainEqual(['starts-with', '$key', prefix]);
    expect(c).toContainEqual({ key: post.key });
    expect(c).toContainEqual(['eq', '$Content-Type', 'application/pdf']);
    expect(c).toContainEqual({ 'Content-Type': 'application/pdf' });
    expect(c).toContainEqual(['content-length-range', 1, 20_971_520]);
    expect(ATTACHMENT_MAX_BYTES).toBe(20_971_520);
    // Nothing else loosens it: the remaining conditions are the signature's own fields.
    const others = c.filter(
      (x) => !Array.isArray(x) && !['bucket', 'key', 'Content-Type'].includes(Object.keys(x)[0]!),
    ) as Record<string, string>[];
    expect(others.map((x) => Object.keys(x)[0]).sort()).toEqual(['X-Amz-Algorithm', 'X-Amz-Credential', 'X-Amz-Date']);
    expect(c.filter(Array.isArray)).toHaveLength(3);

    const expiresIn = Date.parse(policy.expiration) - before;
    expect(expiresIn).toBeGreaterThan((UPLOAD_EXPIRES_SECONDS - 5) * 1000);
    expect(expiresIn).toBeLessThanOrEqual((UPLOAD_EXPIRES_SECONDS + 5) * 1000);
    expect(UPLOAD_EXPIRES_SECONDS).toBe(600);
  });

  it("puts a regulator's uploads under their own account, and an import list's type is xlsx", async () => {
    const id = newAttachmentId();
    const post = await presignUpload(
      s3,
      BUCKET,
      REGULATOR,
      { purpose: 'register-import', fileName: '导入清单.xlsx', contentType: XLSX_CONTENT_TYPE },
      id,
    );
    const prefix = `attachments/regulator/reg-13900000028/register-import/${id}/`;
    const c = decode(post.fields.Policy!).conditions;
    expect(c).toContainEqual(['starts-with', '$key', prefix]);
    expect(c).toContainEqual(['eq', '$Content-Type', XLSX_CONTENT_TYPE]);
    expect(post.key.startsWith(prefix)).toBe(true);
  });

  it('keeps file names out of the key structure and makes unique ids', () => {
    expect(sanitiseFileName('../../etc/passwd')).toBe('etc_passwd');
    expect(sanitiseFileName('a/b\\c.pdf')).toBe('a_b_c.pdf');
    expect(sanitiseFileName('...')).toBe('file');
    expect(sanitiseFileName('身份证 正面.JPG')).toBe('身份证_正面.JPG');
    const ids = new Set(Array.from({ length: 50 }, newAttachmentId));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(id).toMatch(/^att-[0-9a-f]{32}$/);
  });

  it('names the download with RFC 5987 encoding, so Chinese names and quotes survive', () => {
    expect(contentDisposition('营业执照.pdf')).toBe(
      "attachment; filename*=UTF-8''%E8%90%A5%E4%B8%9A%E6%89%A7%E7%85%A7.pdf",
    );
    expect(contentDisposition("a'b (1)*.pdf")).toBe("attachment; filename*=UTF-8''a%27b%20%281%29%2A.pdf");
  });
});

describe('what may be uploaded', () => {
  const ok = { purpose: 'licence', fileName: '许可证.pdf', contentType: 'application/pdf', size: 1024 };
  const messages = (input: unknown) => {
    const r = AttachmentUploadRequest.safeParse(input);
    return r.success ? [] : r.error.issues.map((i) => i.message);
  };

  it('takes the five allowed types up to 20 MB', () => {
    expect(messages(ok)).toEqual([]);
    expect(messages({ ...ok, size: ATTACHMENT_MAX_BYTES })).toEqual([]);
    expect(messages({ ...ok, contentType: DOCX_CONTENT_TYPE, fileName: '说明.docx' })).toEqual([]);
  });

  it('refuses another type, more than 20 MB, an empty file, a bad purpose and a non-xlsx import list', () => {
    expect(messages({ ...ok, contentType: 'text/html' })).toEqual([FILE_TYPE_MESSAGE]);
    expect(messages({ ...ok, size: ATTACHMENT_MAX_BYTES + 1 })).toEqual([FILE_SIZE_MESSAGE]);
    expect(messages({ ...ok, size: 0 })).toEqual(['文件内容为空']);
    expect(messages({ ...ok, purpose: 'avatar' })).toEqual(['附件用途不正确']);
    expect(messages({ ...ok, purpose: 'register-import' })).toEqual([IMPORT_TYPE_MESSAGE]);
    expect(messages({ ...ok, fileName: 'a/b.pdf' })).toEqual(['文件名包含不能使用的字符']);
    expect(messages({ ...ok, fileName: '福'.repeat(101) })).toEqual(['文件名不能超过 100 个字']);
  });

  it('checks a chosen file in the browser with the same words, using the name when the type is empty', () => {
    expect(contentTypeOf({ name: '说明.DOCX', type: '' })).toBe(DOCX_CONTENT_TYPE);
    expect(contentTypeOf({ name: '照片.jpeg', type: 'image/jpeg' })).toBe('image/jpeg');
    expect(contentTypeOf({ name: 'a.exe', type: 'application/x-msdownload' })).toBeNull();
    expect(describeFileProblem({ name: '执照.pdf', size: 10, type: 'application/pdf' })).toBeNull();
    expect(describeFileProblem({ name: 'a.exe', size: 10, type: '' })).toBe(FILE_TYPE_MESSAGE);
    expect(describeFileProblem({ name: '执照.pdf', size: ATTACHMENT_MAX_BYTES + 1, type: 'application/pdf' })).toBe(
      FILE_SIZE_MESSAGE,
    );
    expect(describeFileProblem({ name: '执照.pdf', size: 0, type: 'application/pdf' })).toBe('文件内容为空');
    expect(describeFileProblem({ name: '清单.pdf', size: 10, type: 'application/pdf' }, 'register-import')).toBe(
      IMPORT_TYPE_MESSAGE,
    );
    expect(describeFileProblem({ name: '清单.xlsx', size: 10, type: '' }, 'register-import')).toBeNull();
  });

  it('refuses bad requests with 400 before anything is written', async () => {
    // A real store on an address where nothing listens: any write would fail with a connection error, so a
    // 400 AppError proves the refusal came first. The valid request below shows the store would be reached.
    const nowhere = createStore(
      DynamoDBDocumentClient.from(
        new DynamoDBClient({
          endpoint: 'http://127.0.0.1:9',
          region: 'us-east-1',
          maxAttempts: 1,
          credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
        }),
      ),
      'nowhere',
    );
    const deps = { store: nowhere, s3, bucket: BUCKET };
    const ctx = { sourceIp: '192.0.2.1', requestId: 'unit-attachment' };
    const bad = [
      { ...ok, contentType: 'application/x-msdownload' },
      { ...ok, size: ATTACHMENT_MAX_BYTES + 1 },
      { ...ok, purpose: 'avatar' },
      { ...ok, purpose: 'register-import' },
    ];
    for (const input of bad) {
      const err = await issueUpload(deps, ENTERPRISE, input as never, ctx).catch((e: unknown) => e);
      expect(err, JSON.stringify(input)).toBeInstanceOf(AppError);
      expect((err as AppError).status).toBe(400);
      expect((err as AppError).message).toMatch(/[\u4e00-\u9fff]/);
    }
    const reached = await issueUpload(deps, ENTERPRISE, ok as never, ctx).catch((e: unknown) => e);
    expect(reached).not.toBeInstanceOf(AppError);
    expect(String((reached as Error).message ?? reached)).toMatch(/ECONNREFUSED|connect/i);
  });
});
