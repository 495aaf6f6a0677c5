/**
 * The enterprise's own pages (企业服务平台 › 企业信息管理) as they call the API: its entry, staff and products
 * are read through the register's routes (the same as a regulator's 查看), and written through
 * `/api/enterprise/*` (functions/enterprise) — 产品种类 and 从业人员, which need no review — or as change requests
 * (企业信息纠正, 证书信息纠正), which do.
 */
import type * as z from 'zod/mini';
import type {
  PersonnelDeleted as PersonnelDeletedSchema,
  ProductInput,
  ProductRemoved as ProductRemovedSchema,
} from '$shared/api/enterprise';
import type { PersonView, ProductView as ProductViewSchema } from '$shared/api/register';
import { GENDERS, type Person } from '$shared/domain/register';
import { CATEGORIES, isCategoryCode } from '$shared/reference/categories';
import {
  PERSONNEL_CERTIFICATE_TYPES,
  certificateType,
  certificateTypesFor,
  isCertificateTypeCode,
} from '$shared/reference/certificates';
import { api } from '$lib/api/client';
import type { Option } from '$lib/ui/options';

export type ProductView = z.infer<typeof ProductViewSchema>;
export type PersonnelDeleted = z.infer<typeof PersonnelDeletedSchema>;
export type ProductRemoved = z.infer<typeof ProductRemovedSchema>;
export type { Person, PersonView, ProductInput };

export const PRODUCTS_PATH = '/api/enterprise/products';
export const PERSONNEL_PATH = '/api/enterprise/personnel';

// ---------------------------------------------------------------------------------------------------------------
// 产品种类

export function addProduct(input: ProductInput): Promise<ProductView> {
  return api.post<ProductView>(PRODUCTS_PATH, { category: input.category, name: input.name.trim() });
}

export function removeProduct(productId: string): Promise<ProductRemoved> {
  return api.delete<ProductRemoved>(`${PRODUCTS_PATH}/${encodeURIComponent(productId)}`);
}

// ---------------------------------------------------------------------------------------------------------------
// 从业人员

export function addPerson(person: Person): Promise<PersonView> {
  return api.post<PersonView>(PERSONNEL_PATH, person);
}

/** 编辑, for the version the form was opened with: a person changed since is refused (409). */
export function updatePerson(personId: string, person: Person, version: number): Promise<PersonView> {
  return api.put<PersonView>(`${PERSONNEL_PATH}/${encodeURIComponent(personId)}`, { person, version });
}

/** 删除 of the checked rows, all or none. */
export function deletePersonnel(items: readonly { personId: string; version: number }[]): Promise<PersonnelDeleted> {
  return api.post<PersonnelDeleted>(`${PERSONNEL_PATH}/delete`, {
    items: items.map((i) => ({ personId: i.personId, version: i.version })),
  });
}

// ---------------------------------------------------------------------------------------------------------------
// How the values read

export function categoryName(code: string): string {
  return CATEGORIES.find((c) => c.code === code)?.name ?? code;
}

/** The enterprise's categories as choices (产品种类 新增). */
export function categoryOptions(categories: readonly string[]): Option[] {
  return categories.map((c) => ({ value: c, label: categoryName(c) }));
}

export function genderName(code: string | undefined): string {
  return GENDERS.find((g) => g.code === code)?.name ?? code ?? '';
}

export function certificateName(code: string): string {
  return isCertificateTypeCode(code) ? certificateType(code).name : code;
}

/**
 * The certificate types the enterprise's staff may hold: those of its categories (人员资质 by category), plus any
 * a person already holds (old data, or a category the enterprise has since left), in the reference's order.
 */
export function certificateOptions(categories: readonly string[], held: readonly string[] = []): Option[] {
  const codes = new Set<string>(held);
  for (const c of categories) if (isCategoryCode(c)) for (const t of certificateTypesFor(c)) codes.add(t.code);
  return PERSONNEL_CERTIFICATE_TYPES.filter((t) => codes.has(t.code)).map((t) => ({ value: t.code, label: t.name }));
}

/**
 * A 身份证号 in a list: only its last four characters (the table is seen over shoulders; the form shows the
 * whole number to the person editing it).
 */
export function maskIdCard(no: string): string {
  if (no.length <= 4) return no;
  return `${'*'.repeat(no.length - 4)}${no.slice(-4)}`;
}
