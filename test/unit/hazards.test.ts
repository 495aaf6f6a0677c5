import { describe, expect, it } from 'vitest';
import { inspectionHazardId, problemOf } from '../../functions/hazards/issue';
import { hazardMessageOf, hazardNotificationId } from '../../functions/notifications/on-hazard';
import { HAZARD_ID_PATTERN, HazardInput, isOverdue } from '../../shared/api/hazards';
import { defaultResponsibleDepartment, supervisingDepartment } from '../../shared/reference/segments';
import { addDays, todayInChina } from '../../shared/validation/dates';

const base = {
  hazardId: inspectionHazardId('tsk-1', 2),
  name: '2026年独立检查-泉州市测试化工有限公司',
  enterpriseId: 'ent-1',
  enterpriseName: '泉州市测试化工有限公司',
  regionCode: '350503',
  category: 'hazchem' as const,
  sendingDepartment: 'gongan' as const,
  responsibleDepartment: 'anjian' as const,
  deadline: '2026-03-08',
  round: 0,
};

describe('hazards', () => {
  it('gives an inspection item one id, whatever the delivery, and a different one to every other item', () => {
    expect(inspectionHazardId('tsk-1', 2)).toBe(inspectionHazardId('tsk-1', 2));
    expect(inspectionHazardId('tsk-1', 2)).not.toBe(inspectionHazardId('tsk-1', 3));
    expect(inspectionHazardId('tsk-1', 2)).not.toBe(inspectionHazardId('tsk-2', 2));
    expect(inspectionHazardId('tsk-1', 2)).toMatch(HAZARD_ID_PATTERN);
  });

  it('words 存在问题和隐患 as the seed does, then the inspector’s description', () => {
    expect(problemOf({ content: '建立出入库台账', description: '缺两个月' })).toBe(
      '[建立出入库台账], 该项目检查不通过.\n缺两个月',
    );
  });

  it('defaults 督促整改责任单位 to the department licensing the segment, else the category’s lead', () => {
    expect(supervisingDepartment('firearms', 'distribution')).toBe('gongan');
    expect(defaultResponsibleDepartment([{ category: 'firearms', segment: 'distribution' }], 'firearms')).toBe(
      'gongan',
    );
    expect(defaultResponsibleDepartment([], 'hazchem')).toBe('anjian');
  });

  it('is 已超期 from the day after its 整改时限 (China days), never once 已整改', () => {
    const now = new Date('2026-03-08T15:59:00Z'); // 23:59 in China on the 8th
    expect(isOverdue({ deadline: '2026-03-08', status: 'issued' }, now)).toBe(false);
    expect(isOverdue({ deadline: '2026-03-08', status: 'issued' }, new Date('2026-03-08T16:00:00Z'))).toBe(true);
    expect(isOverdue({ deadline: '2026-03-01', status: 'confirmed' }, now)).toBe(false);
  });

  it('refuses a 整改时限 before today', () => {
    const input = { name: '隐患', enterpriseId: 'ent-1', problem: '问题' };
    expect(HazardInput.safeParse({ ...input, deadline: addDays(todayInChina(), -1) }).success).toBe(false);
    expect(HazardInput.safeParse({ ...input, deadline: todayInChina() }).success).toBe(true);
    expect(HazardInput.safeParse({ ...input, deadline: '2026-02-30' }).success).toBe(false);
  });

  it('words each event for the inbox, one message id per hazard, event and round', () => {
    const returned = hazardMessageOf('HazardReturned', {
      ...base,
      round: 1,
      reason: '照片不清晰。',
      returnedByName: '李检查',
      returnedAt: '2026-03-03T02:00:00.000Z',
    });
    expect(returned.body).toBe(
      '隐患「2026年独立检查-泉州市测试化工有限公司」的整改情况被退回，原因：照片不清晰。新的整改时限：2026-03-08。',
    );
    expect(hazardMessageOf('HazardIssued', { ...base, issuedAt: '2026-03-01T02:00:00.000Z' }).body).toContain(
      '福建省公安厅下发隐患',
    );
    const ids = new Set([
      hazardNotificationId('HazardIssued', base),
      hazardNotificationId('RectificationSubmitted', base),
      hazardNotificationId('RectificationSubmitted', { ...base, round: 1 }),
      hazardNotificationId('HazardReturned', { ...base, round: 1 }),
      hazardNotificationId('HazardConfirmed', { ...base, round: 1 }),
    ]);
    expect(ids.size).toBe(5);
    for (const id of ids) expect(id).toMatch(/^[\w-]{1,120}$/);
  });
});
