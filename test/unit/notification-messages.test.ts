import { describe, expect, it } from 'vitest';
import { refOf } from '../../functions/notifications/inbox';
import { messageOf, notificationIdOf } from '../../functions/notifications/on-change-decided';
import { ChangeRequestDecided } from '../../shared/events/register';
import { NOTIFICATION_REF } from '../../shared/api/notifications';

const detail = (over: Partial<ChangeRequestDecided> = {}): ChangeRequestDecided => ({
  requestId: 'chg-2026-abc123',
  kind: 'correct',
  status: 'approved',
  enterpriseId: 'ent-000001',
  enterpriseName: '泉州市恒安化工有限公司',
  requestedBy: 'ent-acct-1',
  decidedByName: '李明',
  decidedAt: '2026-03-01T02:00:00Z',
  ...over,
});

/** What a ChangeRequestDecided event becomes in the requester's inbox (the words of the seed). */
describe('change-request messages', () => {
  it('says who approved what and what it did, per kind', () => {
    expect(messageOf(detail())).toEqual({
      title: '企业信息纠错审核通过',
      body: '您提交的「泉州市恒安化工有限公司」企业信息纠错已由李明审核通过，信息已更新。',
    });
    expect(messageOf(detail({ kind: 'create' })).title).toBe('新增企业审核通过');
    expect(messageOf(detail({ kind: 'remove' })).title).toBe('删除企业审核通过');
    expect(messageOf(detail({ kind: 'correct-licence' })).body).toContain(
      '证书信息纠正已由李明审核通过，证书信息已更新。',
    );
  });

  it('gives the reason of a rejection once, without doubling its full stop', () => {
    const m = messageOf(detail({ kind: 'create', status: 'rejected', decisionReason: '营业执照附件不清晰。' }));
    expect(m).toEqual({
      title: '新增企业审核未通过',
      body: '您提交的「泉州市恒安化工有限公司」新增企业已由李明审核未通过，原因：营业执照附件不清晰。',
    });
    expect(messageOf(detail({ status: 'rejected' })).body).toMatch(/审核未通过。$/);
  });

  it('names nobody when the reviewer’s name is missing', () => {
    expect(messageOf(detail({ decidedByName: '' })).body).toBe(
      '您提交的「泉州市恒安化工有限公司」企业信息纠错已审核通过，信息已更新。',
    );
  });

  it('derives one id per request and outcome, addressable by the API’s handle', () => {
    const d = detail();
    expect(notificationIdOf(d)).toBe('chg-chg-2026-abc123-approved');
    expect(notificationIdOf({ ...d, status: 'rejected' })).toBe('chg-chg-2026-abc123-rejected');
    const longest = notificationIdOf({ requestId: 'x'.repeat(100), status: 'rejected' });
    const ref = refOf({ createdAt: new Date(8.64e15).toISOString(), notificationId: longest });
    expect(ref).toMatch(NOTIFICATION_REF);
    expect(refOf({ createdAt: '2026-03-01T02:00:00.000Z', notificationId: 'chg-x-approved' })).toBe(
      `${Date.parse('2026-03-01T02:00:00.000Z').toString(36)}.chg-x-approved`,
    );
  });

  it('refuses a detail it cannot trust', () => {
    expect(ChangeRequestDecided.payload.safeParse(detail()).success).toBe(true);
    expect(ChangeRequestDecided.payload.safeParse({ ...detail(), status: 'pending' }).success).toBe(false);
    expect(ChangeRequestDecided.payload.safeParse({ ...detail(), decidedAt: '' }).success).toBe(false);
    expect(ChangeRequestDecided.payload.safeParse({ ...detail(), requestId: 'chg/../x' }).success).toBe(false);
    expect(ChangeRequestDecided.payload.safeParse({ ...detail(), requestedBy: '' }).success).toBe(false);
  });
});
