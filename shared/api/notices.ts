/**
 * Contracts of 归口通报 (统一监管平台 › 检查通报管理 › 归口通报管理): 登记通报问题 sends a notice about an enterprise
 * from the caller's department to other departments; 发出的通报 lists what the caller's department sent, with
 * each receiver's 未读 / 已读; 收到的通报 what it received. A receiver marks it read by opening it and may answer
 * with its 处理情况.
 */
import * as z from 'zod/mini';
import { DEPARTMENT_CODES } from '../reference/departments';
import { pageQueryFields } from './paging';

export const NOTICE_TEXT_MAX = 2000;
export const NOTICE_REPLY_MAX = 2000;
export const NOTICE_ATTACHMENTS_MAX = 9;
export const NOTICE_PAGE_MAX = 50;

const id = (label: string, prefix: string) =>
  z
    .string({ error: `${label}不正确` })
    .check(z.regex(new RegExp(`^${prefix}[\\w-]{1,60}$`), { error: `${label}不正确` }), z.meta({ title: label }));

const text = (label: string, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .check(
      z.trim(),
      z.minLength(1, { error: `请填写${label}` }),
      z.maxLength(max, { error: `${label}不能超过${max}个字` }),
      z.meta({ title: label }),
    );

const attachmentIds = (label: string) =>
  z
    ._default(
      z
        .array(id('附件编号', 'att-'), { error: '附件格式不正确' })
        .check(z.maxLength(NOTICE_ATTACHMENTS_MAX, { error: `附件不能超过${NOTICE_ATTACHMENTS_MAX}个` })),
      [],
    )
    .check(z.meta({ title: label }));

export const NoticeIdParams = z.object({ noticeId: id('通报编号', 'ntc-') });

/** 登记通报问题. 通报单位 is the caller's department; the form never names it. */
export const NoticeInput = z
  .object({
    receivers: z
      .array(z.enum(DEPARTMENT_CODES, { error: '接收通报单位不正确' }), { error: '请选择接收通报单位' })
      .check(
        z.minLength(1, { error: '请选择接收通报单位' }),
        z.maxLength(DEPARTMENT_CODES.length - 1, { error: '接收通报单位过多' }),
        z.refine((a) => new Set(a).size === a.length, { error: '接收通报单位不能重复' }),
        z.meta({ title: '接收通报单位' }),
      ),
    enterpriseId: id('通报对象', 'ent-'),
    description: text('问题描述', NOTICE_TEXT_MAX),
    result: text('检查结果', NOTICE_TEXT_MAX),
    attachmentIds: attachmentIds('附件'),
  })
  .check(z.meta({ id: 'NoticeInput' }));
export type NoticeInput = z.output<typeof NoticeInput>;

/** A receiver's 处理情况. */
export const NoticeReplyInput = z
  .object({ reply: text('处理情况', NOTICE_REPLY_MAX) })
  .check(z.meta({ id: 'NoticeReplyInput' }));
export type NoticeReplyInput = z.output<typeof NoticeReplyInput>;

/**
 * One receiving department: 未读 until someone of it opened the notice; its 处理情况 once given. People are named,
 * never identified by account (an account id may carry a mobile number).
 */
export const NoticeReceipt = z.object({
  department: z.string(),
  departmentName: z.string(),
  readAt: z.optional(z.string()),
  readByName: z.optional(z.string()),
  /** 处理情况: only in a notice's detail (the lists say whether and when, not what). */
  reply: z.optional(z.string()),
  repliedAt: z.optional(z.string()),
  repliedByName: z.optional(z.string()),
});
export type NoticeReceipt = z.infer<typeof NoticeReceipt>;

/** A row of 发出的通报 / 收到的通报. */
export const NoticeListItem = z
  .object({
    noticeId: z.string(),
    department: z.string().check(z.describe('通报单位')),
    departmentName: z.string(),
    enterpriseId: z.string(),
    enterpriseName: z.string().check(z.describe('通报对象')),
    regionCode: z.string().check(z.describe('通报对象所在地区')),
    summary: z.string().check(z.describe('问题描述（前 60 字）')),
    receipts: z.array(NoticeReceipt),
    sentAt: z.string(),
    sentByName: z.string(),
  })
  .check(z.meta({ id: 'NoticeListItem' }));
export type NoticeListItem = z.infer<typeof NoticeListItem>;

export const NoticePage = z
  .object({ items: z.array(NoticeListItem), cursor: z.nullable(z.string()) })
  .check(z.meta({ id: 'NoticePage' }));
export type NoticePage = z.infer<typeof NoticePage>;

export const NoticeQuery = z
  .object({
    ...pageQueryFields({ max: NOTICE_PAGE_MAX, fallback: 10 }),
    /** 收到的通报: only what the caller's department has not opened yet. */
    unread: z
      .optional(
        z.pipe(
          z.enum(['true', 'false'], { error: '「只看未读」应为 true 或 false' }),
          z.transform((v) => v === 'true'),
        ),
      )
      .check(z.meta({ title: '只看未读' })),
  })
  .check(z.meta({ id: 'NoticeQuery' }));
export type NoticeQuery = z.output<typeof NoticeQuery>;

export const NoticeView = z
  .object({
    noticeId: z.string(),
    department: z.string(),
    departmentName: z.string(),
    enterpriseId: z.string(),
    enterpriseName: z.string(),
    creditCode: z.optional(z.string()),
    regionCode: z.string(),
    regionName: z.string(),
    description: z.string(),
    result: z.string(),
    attachmentIds: z.array(z.string()),
    receipts: z.array(NoticeReceipt),
    sentAt: z.string(),
    sentByName: z.string(),
    /** How the caller stands to it: of the sending department, or of a receiving one (which may reply). */
    viewer: z.enum(['sender', 'receiver']),
    version: z.number(),
  })
  .check(z.meta({ id: 'NoticeView' }));
export type NoticeView = z.infer<typeof NoticeView>;

export const NoticeSentView = z
  .object({ noticeId: z.string(), sentAt: z.string() })
  .check(z.meta({ id: 'NoticeSentView' }));
