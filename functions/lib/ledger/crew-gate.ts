/**
 * The crew gate of an 电子托运单 (issue 13 §3, "drivers' and escorts' certificates are checked the same way"): like
 * the transfer gate for an outbound's receiver, a waybill is refused unless, on its 起运日期,
 * - the 承运人 is on the register (not removed), works in transport for the goods' category (its own category's
 *   运输 segment, or the 运输 platform's) and holds a 道路运输经营许可证 for it valid that day;
 * - the 驾驶员 is on the carrier's staff with a valid 道路危险货物运输从业资格证;
 * - the 押运员 is on the carrier's staff with a valid 押运员证 (or the 从业资格证), and is not the driver.
 * The refusal says why in words the shipper can act on. Reads: the carrier, its licences (one Query), the two
 * people (one BatchGet).
 */
import type { EntityItem } from 'electrodb';
import type { Store } from '../../store';

type Licence = EntityItem<Store['licences']>;
type Person = EntityItem<Store['personnel']>;

/** 从业资格证 accepted per crew role (shared/reference/certificates.ts codes). */
export const CREW_CERTIFICATES = {
  driver: ['dangerous-goods-driver'],
  escort: ['escort', 'dangerous-goods-driver'],
} as const;

export interface CrewMember {
  personId: string;
  name: string;
  certNo: string;
  certValidTo: string;
}

export interface CrewCheck {
  carrier: { enterpriseId: string; name: string; permitNo: string; regionCode: string };
  driver: CrewMember;
  escort: CrewMember;
}

export interface CrewInput {
  carrierEnterpriseId: string;
  driverPersonId: string;
  escortPersonId: string;
  category: string;
  /** 起运日期, yyyy-MM-dd. */
  date: string;
}

const TRANSPORT_SEGMENT = 'transport';

/** The carrier's licence that covers transport of `category` on `date`, if any. */
function transportLicence(licences: readonly Licence[], category: string, date: string): Licence | undefined {
  return licences.find(
    (l) =>
      l.segment === TRANSPORT_SEGMENT &&
      (l.category === category || l.category === 'transport') &&
      l.validFrom <= date &&
      date <= l.validTo,
  );
}

function crewCertificate(
  person: Person | undefined,
  accepted: readonly string[],
  date: string,
): { ok: CrewMember } | { why: 'missing' | 'expired' } {
  const held = (person?.certificates ?? []).filter((c) => accepted.includes(c.type));
  if (!person || held.length === 0) return { why: 'missing' };
  const valid = held.find((c) => c.validFrom <= date && date <= c.validTo);
  if (!valid) return { why: 'expired' };
  return { ok: { personId: person.personId, name: person.name, certNo: valid.number, certValidTo: valid.validTo } };
}

/** The crew if the gate lets the trip through; else the Chinese reason it refuses. */
export async function crewGate(store: Store, input: CrewInput): Promise<{ crew: CrewCheck } | { refusal: string }> {
  if (input.driverPersonId === input.escortPersonId) return { refusal: '驾驶员和押运员不能是同一人' };
  const [carrier, licences, people] = await Promise.all([
    store.enterprises.get({ enterpriseId: input.carrierEnterpriseId }).go(),
    store.licences.query.byEnterprise({ enterpriseId: input.carrierEnterpriseId }).go({ pages: 'all' }),
    store.personnel
      .get([
        { enterpriseId: input.carrierEnterpriseId, personId: input.driverPersonId },
        { enterpriseId: input.carrierEnterpriseId, personId: input.escortPersonId },
      ])
      .go(),
  ]);
  const c = carrier.data;
  if (!c || c.removed) return { refusal: '承运人不在登记的企业名单中' };
  const works = c.segments.some(
    (s) => s.segment === TRANSPORT_SEGMENT && (s.category === input.category || s.category === 'transport'),
  );
  if (!works) return { refusal: `承运人「${c.name}」未登记该类物品的运输环节，不能承运` };
  const licence = transportLicence(licences.data, input.category, input.date);
  if (!licence) {
    const any = licences.data.some((l) => l.segment === TRANSPORT_SEGMENT);
    return {
      refusal: any
        ? `承运人「${c.name}」的道路运输经营许可证在起运日期 ${input.date} 不在有效期内`
        : `承运人「${c.name}」没有道路运输经营许可证`,
    };
  }
  const byId = new Map(people.data.map((p) => [p.personId, p]));
  const driver = crewCertificate(byId.get(input.driverPersonId), CREW_CERTIFICATES.driver, input.date);
  if ('why' in driver) {
    const who = byId.get(input.driverPersonId);
    return {
      refusal: !who
        ? '驾驶员不是承运人的从业人员'
        : driver.why === 'missing'
          ? `驾驶员${who.name}没有道路危险货物运输从业资格证`
          : `驾驶员${who.name}的道路危险货物运输从业资格证在起运日期 ${input.date} 不在有效期内`,
    };
  }
  const escort = crewCertificate(byId.get(input.escortPersonId), CREW_CERTIFICATES.escort, input.date);
  if ('why' in escort) {
    const who = byId.get(input.escortPersonId);
    return {
      refusal: !who
        ? '押运员不是承运人的从业人员'
        : escort.why === 'missing'
          ? `押运员${who.name}没有押运员从业资格证`
          : `押运员${who.name}的押运员从业资格证在起运日期 ${input.date} 不在有效期内`,
    };
  }
  return {
    crew: {
      carrier: { enterpriseId: c.enterpriseId, name: c.name, permitNo: licence.number, regionCode: c.regionCode },
      driver: driver.ok,
      escort: escort.ok,
    },
  };
}

/**
 * A carrier's staff who may drive or escort `category` goods (for the form's pickers): names and roles only —
 * nobody's 身份证号 or certificate numbers leave here. Undefined when the unit does not transport the category.
 */
export async function crewOf(
  store: Store,
  carrierEnterpriseId: string,
  segments: readonly { category: string; segment: string }[],
  category: string,
): Promise<{ personId: string; name: string; roles: ('driver' | 'escort')[] }[] | undefined> {
  const transports = segments.some(
    (s) => s.segment === TRANSPORT_SEGMENT && (s.category === category || s.category === 'transport'),
  );
  if (!transports) return undefined;
  const { data } = await store.personnel.query.byEnterprise({ enterpriseId: carrierEnterpriseId }).go({ pages: 'all' });
  return data.flatMap((p) => {
    const roles = (['driver', 'escort'] as const).filter((r) =>
      p.certificates.some((c) => (CREW_CERTIFICATES[r] as readonly string[]).includes(c.type)),
    );
    return roles.length ? [{ personId: p.personId, name: p.name, roles: [...roles] }] : [];
  });
}
