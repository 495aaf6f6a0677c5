import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  EXPIRED_SHARE,
  EXPIRING_SHARE,
  demoRegulators,
  generateDemoData,
  iterateDemoData,
  type DemoData,
} from '../../functions/seed/generate';
import { Enterprise, Licence, Person } from '../../shared/domain/register';
import { CATEGORIES, CATEGORY_CODES, type CategoryCode } from '../../shared/reference/categories';
import { certificateTypesFor } from '../../shared/reference/certificates';
import { isDepartmentCode } from '../../shared/reference/departments';
import { CITIES, COUNTIES, cityOf, isRegionCode, regionCode6 } from '../../shared/reference/regions';
import { isRoleCode, violatesSeparationOfDuties } from '../../shared/reference/roles';
import { ALL_SEGMENTS, findSegment, segmentKey } from '../../shared/reference/segments';
import { addDays } from '../../shared/validation/dates';
import { validateIdCard } from '../../shared/validation/idcard';
import { isMobile } from '../../shared/validation/phone';
import { usccRegionCode, validateUscc } from '../../shared/validation/uscc';

const TODAY = '2025-06-01';
const OPTIONS = { seed: 2017, enterprises: 300, today: TODAY };

function sha256(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

/** Expired (validTo before today) and expiring (within 30 days) shares of a list of documents. */
function shares(docs: { validTo: string }[]) {
  const horizon = addDays(TODAY, 30);
  const expired = docs.filter((d) => d.validTo < TODAY).length / docs.length;
  const expiring = docs.filter((d) => d.validTo >= TODAY && d.validTo <= horizon).length / docs.length;
  return { expired, expiring };
}

const data: DemoData = generateDemoData(OPTIONS);

describe('demo data generator: determinism', () => {
  it('gives deep-equal output for the same options', () => {
    expect(generateDemoData(OPTIONS)).toEqual(data);
  });

  it('gives the same bytes on every run and machine (pinned hash)', () => {
    // The generator changed on purpose? Update the pin, and say so in the change.
    expect(sha256(generateDemoData({ seed: 1, enterprises: 40, personnelPerEnterprise: 2, today: TODAY }))).toBe(
      'dd8276079790a1eb4274d8bdc7dad5cb7758a002c12064449812e8efdb6e0f3d',
    );
  });

  it('gives different data for a different seed', () => {
    expect(sha256(generateDemoData({ ...OPTIONS, seed: 2018 }))).not.toBe(sha256(data));
  });

  it('streams the same bundles that generateDemoData collects', () => {
    const bundles = [...iterateDemoData(OPTIONS)];
    expect(bundles.map((b) => b.enterprise)).toEqual(data.enterprises);
    expect(bundles.flatMap((b) => b.licences)).toEqual(data.licences);
    expect(bundles.flatMap((b) => b.personnel)).toEqual(data.personnel);
    expect(bundles.flatMap((b) => (b.account ? [b.account] : []))).toEqual(data.enterpriseAccounts);
  });

  it('keeps enterprises and licences unchanged when only the personnel count changes', () => {
    const more = generateDemoData({ ...OPTIONS, personnelPerEnterprise: 7 });
    expect(more.enterprises).toEqual(data.enterprises);
    expect(more.licences).toEqual(data.licences);
    expect(more.personnel).toHaveLength(300 * 7);
  });

  it('rejects options it cannot honour', () => {
    expect(() => generateDemoData({ ...OPTIONS, today: '2025-6-1' })).toThrow(/ISO date/);
    expect(() => generateDemoData({ ...OPTIONS, enterprises: -1 })).toThrow();
    expect(() => generateDemoData({ ...OPTIONS, personnelPerEnterprise: 1.5 })).toThrow();
  });
});

describe('demo data generator: shape and identifiers', () => {
  it('numbers everything with deterministic, unique ids', () => {
    expect(data.enterprises[0]?.id).toBe('ent-000001');
    expect(data.enterprises[299]?.id).toBe('ent-000300');
    expect(data.licences[0]?.id).toBe('lic-000001-1');
    expect(data.personnel[0]?.id).toBe('per-000001-001');
    for (const list of [data.enterprises, data.licences, data.personnel]) {
      expect(new Set(list.map((x) => x.id)).size).toBe(list.length);
    }
    expect(data.personnel).toHaveLength(300 * 3);
  });

  it('gives unique names and credit codes, as a register would', () => {
    expect(new Set(data.enterprises.map((e) => e.name)).size).toBe(300);
    expect(new Set(data.enterprises.map((e) => e.creditCode)).size).toBe(300);
  });

  it('passes the register schemas for every enterprise, licence and person', () => {
    for (const { id: _id, ...e } of data.enterprises) {
      const r = Enterprise.safeParse(e);
      expect(r.success, `${e.name}: ${JSON.stringify(r.error?.issues)}`).toBe(true);
    }
    for (const { id: _id, enterpriseId: _e, ...l } of data.licences) {
      const r = Licence.safeParse(l);
      expect(r.success, `${l.number}: ${JSON.stringify(r.error?.issues)}`).toBe(true);
    }
    for (const { id: _id, enterpriseId: _e, ...p } of data.personnel) {
      const r = Person.safeParse(p);
      expect(r.success, `${p.name}: ${JSON.stringify(r.error?.issues)}`).toBe(true);
    }
  });

  it('gives every enterprise a valid credit code registered in its own region', () => {
    for (const e of data.enterprises) {
      const code = e.creditCode as string;
      expect(validateUscc(code), code).toEqual({ ok: true });
      expect(usccRegionCode(code)).toBe(regionCode6(e.regionCode));
    }
  });

  it('gives every person and informant a valid 身份证号 born 1960–2000 and a valid mobile', () => {
    const people = [...data.personnel, ...data.enterpriseAccounts.map((a) => a.informant)];
    for (const p of people) {
      expect(validateIdCard(p.idCardNo, TODAY), p.idCardNo).toEqual({ ok: true });
      const born = p.idCardNo.slice(6, 10);
      expect(born >= '1960' && born <= '2000', p.idCardNo).toBe(true);
      expect(isMobile(p.mobile), p.mobile).toBe(true);
    }
  });

  it('gives one licence per (enterprise, segment), named as the segment’s licence', () => {
    const byEnterprise = new Map(data.enterprises.map((e) => [e.id, e]));
    expect(data.licences).toHaveLength(data.enterprises.reduce((n, e) => n + e.segments.length, 0));
    for (const l of data.licences) {
      const e = byEnterprise.get(l.enterpriseId);
      expect(e?.segments).toContainEqual({ category: l.category, segment: l.segment });
      expect(l.licenceName).toBe(findSegment(l.category, l.segment)?.licenceName);
    }
    expect(new Set(data.licences.map((l) => `${l.licenceName}:${l.number}`)).size).toBe(data.licences.length);
  });

  it('gives personnel only certificates their enterprise’s categories use', () => {
    const byEnterprise = new Map(data.enterprises.map((e) => [e.id, e]));
    for (const p of data.personnel) {
      const categories = new Set((byEnterprise.get(p.enterpriseId)?.segments ?? []).map((s) => s.category));
      const allowed = new Set([...categories].flatMap((c) => certificateTypesFor(c).map((t) => t.code)));
      for (const c of p.certificates) expect(allowed.has(c.type), `${p.id} ${c.type}`).toBe(true);
    }
    const blasters = data.personnel.filter((p) => p.position === '爆破员');
    expect(blasters.length).toBeGreaterThan(0);
    for (const p of blasters) expect(p.certificates.map((c) => c.type)).toContain('blasting-operator');
    const drivers = data.personnel.filter((p) => p.position === '驾驶员');
    expect(drivers.length).toBeGreaterThan(0);
    for (const p of drivers) expect(p.certificates.map((c) => c.type)).toContain('driving-licence');
  });
});

describe('demo data generator: distribution', () => {
  it('covers every category and every segment', () => {
    const held = new Set(data.enterprises.flatMap((e) => e.segments.map((s) => segmentKey(s.category, s.segment))));
    for (const s of ALL_SEGMENTS)
      expect(held.has(segmentKey(s.category, s.code)), `${s.category}/${s.code}`).toBe(true);
    const categories = new Set(data.enterprises.flatMap((e) => e.segments.map((s) => s.category)));
    expect([...categories].sort()).toEqual([...CATEGORY_CODES].sort());
  });

  it('covers every city, every county but 金门, and 平潭', () => {
    const regions = new Set(data.enterprises.map((e) => e.regionCode));
    const cities = new Set(data.enterprises.map((e) => cityOf(e.regionCode)));
    expect([...cities].sort()).toEqual(CITIES.map((c) => c.code));
    for (const c of COUNTIES) expect(regions.has(c.code), c.fullName).toBe(c.code !== '350527');
    expect(regions.has('350128')).toBe(true);
    expect(data.enterprises.some((e) => e.regionCode.length === 4)).toBe(true);
  });

  it('has roughly 8% expired and 10% expiring-within-30-days licences and certificates', () => {
    const certificates = data.personnel.flatMap((p) => p.certificates);
    for (const docs of [data.licences, certificates]) {
      const s = shares(docs);
      expect(Math.abs(s.expired - EXPIRED_SHARE)).toBeLessThan(0.02);
      expect(Math.abs(s.expiring - EXPIRING_SHARE)).toBeLessThan(0.02);
    }
  });

  it('mostly lists enterprises 在管(开业), and always the ones with a login', () => {
    const active = data.enterprises.filter((e) => e.registrationStatus === 'in-business').length;
    expect(active / data.enterprises.length).toBeGreaterThan(0.85);
    expect(data.enterprises.some((e) => e.registrationStatus !== 'in-business')).toBe(true);
  });
});

describe('demo accounts', () => {
  it('opens logins for the first 20 enterprises, by credit code, with a valid informant', () => {
    expect(data.enterpriseAccounts).toHaveLength(20);
    data.enterpriseAccounts.forEach((a, i) => {
      const e = data.enterprises[i];
      expect(a.enterpriseId).toBe(e?.id);
      expect(a.login).toBe(e?.creditCode);
      expect(e?.registrationStatus).toBe('in-business');
    });
  });

  it('has, for each category, an inspector and a reviewer of its lead department at province level', () => {
    const regulators = demoRegulators(2017);
    for (const c of CATEGORIES) {
      for (const role of ['inspector', 'reviewer'] as const) {
        const found = regulators.find(
          (r) =>
            r.regionCode === '35' && r.department === c.lead && r.categories.includes(c.code) && r.roles.includes(role),
        );
        expect(found, `${c.code} ${role}`).toBeDefined();
      }
    }
  });

  it('has city inspectors for 泉州 and 三明, a department admin and the three separated admins', () => {
    const regulators = data.regulators;
    for (const city of ['3505', '3504']) {
      expect(regulators.some((r) => r.regionCode === city && r.roles.includes('inspector'))).toBe(true);
    }
    expect(regulators.some((r) => r.roles.includes('dept-admin'))).toBe(true);
    for (const admin of ['sys-admin', 'sec-admin', 'audit-admin'] as const) {
      expect(regulators.filter((r) => r.roles.includes(admin))).toHaveLength(1);
    }
    for (const r of regulators) expect(violatesSeparationOfDuties(r.roles)).toBe(false);
  });

  it('gives regulators unique valid mobiles and only reference codes', () => {
    const regulators = data.regulators;
    expect(new Set(regulators.map((r) => r.mobile)).size).toBe(regulators.length);
    for (const r of regulators) {
      expect(isMobile(r.mobile), r.mobile).toBe(true);
      expect(isDepartmentCode(r.department)).toBe(true);
      expect(isRegionCode(r.regionCode)).toBe(true);
      expect(r.categories.length).toBeGreaterThan(0);
      for (const c of r.categories) expect(CATEGORY_CODES).toContain(c as CategoryCode);
      for (const role of r.roles) expect(isRoleCode(role)).toBe(true);
    }
    expect(demoRegulators(2017)).toEqual(regulators);
  });
});

describe('demo data generator: scale', () => {
  it('streams 6,000 enterprises × 17 people (102,000) with unique credit codes', { timeout: 60_000 }, () => {
    let people = 0;
    let enterprises = 0;
    const codes = new Set<string>();
    for (const b of iterateDemoData({ seed: 1, enterprises: 6000, personnelPerEnterprise: 17, today: TODAY })) {
      enterprises++;
      people += b.personnel.length;
      codes.add(b.enterprise.creditCode as string);
    }
    expect(enterprises).toBe(6000);
    expect(people).toBe(102_000);
    expect(codes.size).toBe(6000);
  });
});

describe('the demo covers its city and county logins', () => {
  const covered = generateDemoData({ ...OPTIONS, coverDemoJurisdictions: true });
  const plain = generateDemoData(OPTIONS);

  it('finds a unit in every list of each sub-province demo regulator, in their jurisdiction', () => {
    const listed = new Set(
      covered.enterprises.flatMap((e) =>
        e.segments.flatMap((s) =>
          [e.regionCode.slice(0, 4), e.regionCode].map((p) => `${s.category}/${s.segment}@${p}`),
        ),
      ),
    );
    const regulators = covered.regulators.filter(
      (r) => r.regionCode.length >= 4 && r.roles.some((x) => x === 'inspector' || x === 'reviewer'),
    );
    expect(regulators.length).toBeGreaterThan(2);
    const missing = regulators.flatMap((r) =>
      ALL_SEGMENTS.filter((s) => (r.categories as string[]).includes(s.category))
        .map((s) => `${s.category}/${s.code}@${r.regionCode}`)
        .filter((k) => !listed.has(k)),
    );
    expect(missing).toEqual([]);
  });

  it('adds units after the drawn ones, leaving those as they were', () => {
    expect(covered.enterprises.length).toBeGreaterThan(plain.enterprises.length);
    expect(covered.enterprises.slice(0, plain.enterprises.length)).toEqual(plain.enterprises);
    expect(new Set(covered.enterprises.map((e) => e.creditCode)).size).toBe(covered.enterprises.length);
  });
});
