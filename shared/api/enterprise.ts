/**
 * Contracts of the enterprise's own pages (企业服务平台 › 企业信息管理): 产品种类 新增/删除 and 从业人员管理
 * 新增/编辑/删除. The enterprise is always the caller's own (its session names it), so no request carries an
 * enterprise id. Reads go through the register's routes (shared/api/register.ts: EnterpriseDetail, PersonPage),
 * and corrections of the entry and its licences through its change requests.
 */
import * as z from 'zod/mini';
import { Person } from '../domain/register';
import { CATEGORY_CODES } from '../reference/categories';
import { PersonView, ProductView } from './register';

/** 勾选 then 删除 removes at most this many people at once (one transaction with their list rows and audit records). */
export const PERSONNEL_DELETE_MAX = 20;

export const PRODUCT_NAME_MAX = 50;

const version = z
  .number({ error: '缺少版本号，请刷新页面后重试' })
  .check(z.int({ error: '版本号不正确' }), z.gte(1, { error: '版本号不正确' }));

/** `psn-…` for people added here; the demo data and imports from the old systems use `per-…`. */
const personId = z
  .string({ error: '人员编号不正确' })
  .check(z.regex(/^(psn|per)-[\w-]{1,60}$/, { error: '人员编号不正确' }), z.meta({ title: '人员编号' }));

export const PersonIdParams = z.object({ personId });

export const ProductIdParams = z.object({
  productId: z
    .string({ error: '产品种类编号不正确' })
    .check(z.regex(/^prd-[\w-]{1,60}$/, { error: '产品种类编号不正确' }), z.meta({ title: '产品种类编号' })),
});

/** 产品种类 新增: a kind of goods in one of the enterprise's categories. */
export const ProductInput = z
  .object({
    category: z.enum(CATEGORY_CODES, { error: '请选择物品类别' }).check(z.meta({ title: '物品类别' })),
    name: z
      .string({ error: '请填写产品名称' })
      .check(
        z.trim(),
        z.minLength(1, { error: '请填写产品名称' }),
        z.maxLength(PRODUCT_NAME_MAX, { error: `产品名称不能超过${PRODUCT_NAME_MAX}个字` }),
        z.meta({ title: '产品名称' }),
      ),
  })
  .check(z.meta({ id: 'ProductInput' }));
export type ProductInput = z.infer<typeof ProductInput>;

export const ProductRemoved = z.object({ productId: z.string() }).check(z.meta({ id: 'ProductRemoved' }));

/** 从业人员 编辑: the whole person as the form has it, for the version the form was opened with. */
export const PersonUpdateInput = z
  .object({
    person: Person,
    version,
  })
  .check(z.meta({ id: 'PersonUpdateInput' }));
export type PersonUpdateInput = z.infer<typeof PersonUpdateInput>;

/** 从业人员 删除: the checked rows, each at the version the list showed. */
export const PersonnelDeleteInput = z
  .object({
    items: z.array(z.object({ personId, version }), { error: '请勾选要删除的人员' }).check(
      z.minLength(1, { error: '请勾选要删除的人员' }),
      z.maxLength(PERSONNEL_DELETE_MAX, { error: `一次最多删除${PERSONNEL_DELETE_MAX}名人员` }),
      z.refine((items) => new Set(items.map((i) => i.personId)).size === items.length, {
        error: '勾选的人员有重复',
      }),
    ),
  })
  .check(z.meta({ id: 'PersonnelDeleteInput' }));
export type PersonnelDeleteInput = z.infer<typeof PersonnelDeleteInput>;

export const PersonnelDeleted = z.object({ deleted: z.array(z.string()) }).check(z.meta({ id: 'PersonnelDeleted' }));

export { Person, PersonView, ProductView };
