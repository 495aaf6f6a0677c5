import { describe, expect, it } from 'vitest';
import {
  ROLES,
  isRoleCode,
  requiresSecondFactor,
  role,
  violatesSeparationOfDuties,
} from '../../shared/reference/roles';

describe('regulator roles', () => {
  it('has the six roles with their Chinese labels', () => {
    expect(ROLES.map((r) => [r.code, r.name])).toEqual([
      ['inspector', '检查人员'],
      ['reviewer', '审核人员'],
      ['dept-admin', '部门管理员'],
      ['sys-admin', '系统管理员'],
      ['sec-admin', '安全管理员'],
      ['audit-admin', '审计管理员'],
    ]);
    expect(role('audit-admin').name).toBe('审计管理员');
    expect(isRoleCode('root')).toBe(false);
  });

  it('asks admins for a second factor and forbids one account two of the three separated admin roles', () => {
    expect(requiresSecondFactor(['inspector', 'reviewer'])).toBe(false);
    expect(requiresSecondFactor(['dept-admin'])).toBe(true);
    expect(violatesSeparationOfDuties(['sys-admin'])).toBe(false);
    expect(violatesSeparationOfDuties(['sys-admin', 'inspector', 'dept-admin'])).toBe(false);
    expect(violatesSeparationOfDuties(['sys-admin', 'audit-admin'])).toBe(true);
  });
});
