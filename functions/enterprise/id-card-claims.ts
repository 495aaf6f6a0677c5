/**
 * Who holds a 身份证号 among an enterprise's staff: one claim item per number, written with the person in the
 * same transaction — `attribute_not_exists` when a person is added, "absent or mine" when one is edited — so
 * two requests can't put one person on the staff list twice (a Query of the staff would see neither of two
 * concurrent adds). It lives in the enterprise's partition, outside the `enterpriseDetail` collection, so the
 * register's reads never see it. Private to this context: nobody else writes staff.
 *
 * People written before claims existed (the demo data) have none; `idCardHolder` also looks at the staff
 * themselves, and an edit of such a person writes its claim.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Entity } from 'electrodb';
import type { Store } from '../store';
import { SERVICE } from '../store/service-name';

export const idCardClaimModel = (client: DynamoDBDocumentClient, table: string) =>
  new Entity(
    {
      model: { entity: 'idCardClaim', version: '1', service: SERVICE },
      attributes: {
        enterpriseId: { type: 'string', required: true, readOnly: true },
        idCardNo: { type: 'string', required: true, readOnly: true },
        personId: { type: 'string', required: true },
      },
      indexes: {
        byNumber: {
          pk: { field: 'pk', composite: ['enterpriseId'] },
          sk: { field: 'sk', composite: ['idCardNo'] },
        },
      },
    },
    { client, table },
  );

export type IdCardClaims = ReturnType<typeof idCardClaimModel>;

const built = new WeakMap<Store, IdCardClaims>();

/** The claims entity on the store's client and table (built once per store). */
export function idCardClaims(store: Store): IdCardClaims {
  let claims = built.get(store);
  if (!claims) {
    claims = idCardClaimModel(store.client, store.table);
    built.set(store, claims);
  }
  return claims;
}

/**
 * The person of the enterprise who holds `idCardNo`, if any: the claim (one consistent GetItem), else the
 * staff written before claims existed (one Query of the enterprise's staff, filtered on the number).
 */
export async function idCardHolder(store: Store, enterpriseId: string, idCardNo: string): Promise<string | null> {
  const claim = await idCardClaims(store).get({ enterpriseId, idCardNo }).go({ consistent: true });
  if (claim.data) return claim.data.personId;
  const { data } = await store.personnel.query
    .byEnterprise({ enterpriseId })
    .where((a, op) => op.eq(a.idCardNo, idCardNo))
    .go({ consistent: true, pages: 'all', attributes: ['personId'] });
  return data[0]?.personId ?? null;
}
