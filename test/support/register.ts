import { REGISTER_FIELDS } from '../../functions/lib/register/entry-writes';
import { generateUscc } from '../../shared/validation/uscc';

/** The form's fields of an entry as `GET /api/register/enterprises/{id}` returns it: what a correction sends. */
export function editableFields(view: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(REGISTER_FIELDS.filter((f) => view[f] !== undefined).map((f) => [f, view[f]]));
}

/** A 新增企业 request of a 民爆物品 销售 unit in 泉州市丰泽区, with a fresh credit code from `rng`. */
export function newExplosivesSeller(rng: () => number, name: string) {
  return {
    kind: 'create',
    category: 'explosives',
    enterprise: {
      name,
      regionCode: '350503',
      unitType: 'limited-liability',
      registrationStatus: 'in-business',
      creditCode: generateUscc(rng, { regionCode: '350503' }),
      legalRepresentative: '张三',
      phone: '0595-22345678',
      address: '泉州市丰泽区东海街道1号',
      segments: [{ category: 'explosives', segment: 'sales' }],
    },
  };
}
