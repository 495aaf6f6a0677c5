/**
 * 产品种类 (企业基本信息 › 产品种类): the kinds of goods the enterprise makes or trades, added and deleted by the
 * enterprise itself, each in one of the categories it works in.
 *
 * A name is unique within its category: the product's id is derived from (category, name), so a second one is
 * the same key and its `attribute_not_exists` Put fails — the uniqueness is the item's own condition, with no
 * claim item and no read before the write (a double-click can't add it twice either).
 */
import { itemsOf } from '../lib/transactions';
import { createWriteTransaction } from 'electrodb';
import { createHash } from 'node:crypto';
import type { ProductInput } from '../../shared/api/enterprise';
import { category as categoryOf, isCategoryCode } from '../../shared/reference/categories';
import { actorOf, transactWithAudit, type AuditEntryInput } from '../lib/audit';
import { badRequest, conflict, notFound } from '../lib/http/errors';
import { isConditionFailure } from '../lib/register/entry-writes';
import { categoriesOf } from '../lib/register/scope';
import type { Store } from '../store';
import { ownEnterprise, type EnterprisePrincipal, type RequestContext } from './own-enterprise';

/** Full-width and half-width, upper and lower case, runs of spaces: one name however it is typed. */
export function productNameKey(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

export function productIdOf(category: string, name: string): string {
  const digest = createHash('sha256')
    .update(`${category}\n${productNameKey(name)}`)
    .digest('hex');
  return `prd-${digest.slice(0, 32)}`;
}

function entry(
  p: EnterprisePrincipal,
  ctx: RequestContext,
  action: 'create' | 'delete',
  product: { productId: string; category: string; name: string },
): AuditEntryInput {
  return {
    actor: actorOf(p),
    action: `enterprise.product.${action}`,
    object: { type: 'product', id: product.productId, label: product.name },
    outcome: 'success',
    sourceIp: ctx.sourceIp,
    requestId: ctx.requestId,
    details: { enterpriseId: p.enterpriseId, category: product.category, name: product.name },
  };
}

/** 新增 a 产品种类 in one of the enterprise's categories; the same name again in that category is a 409. */
export async function addProduct(store: Store, p: EnterprisePrincipal, input: ProductInput, ctx: RequestContext) {
  const e = await ownEnterprise(store, p.enterpriseId);
  if (!categoriesOf(e.segments).includes(input.category)) {
    const name = isCategoryCode(input.category) ? categoryOf(input.category).name : input.category;
    const message = `本企业不从事${name}，请选择本企业的物品类别`;
    throw badRequest(message, [{ path: 'body.category', message }]);
  }
  const product = {
    productId: productIdOf(input.category, input.name),
    enterpriseId: e.enterpriseId,
    category: input.category,
    name: input.name,
    createdAt: new Date().toISOString(),
  };
  const items = itemsOf(
    createWriteTransaction({ products: store.products }, ({ products }) => [products.create(product).commit()]),
  );
  try {
    await transactWithAudit(store, entry(p, ctx, 'create', product), items);
  } catch (err) {
    if (isConditionFailure(err)) throw conflict('该产品种类已存在');
    throw err;
  }
  const { productId, category, name, createdAt } = product;
  return { productId, category, name, createdAt };
}

/** 删除 a 产品种类 of the caller's own enterprise (another's id is simply not in its partition: 404). */
export async function removeProduct(store: Store, p: EnterprisePrincipal, productId: string, ctx: RequestContext) {
  const enterpriseId = p.enterpriseId;
  await ownEnterprise(store, enterpriseId);
  const { data: product } = await store.products.get({ enterpriseId, productId }).go({ consistent: true });
  if (!product) throw notFound('产品种类不存在或已删除');
  const items = itemsOf(
    createWriteTransaction({ products: store.products }, ({ products }) => [
      products
        .delete({ enterpriseId, productId })
        .where((a, op) => op.exists(a.productId))
        .commit(),
    ]),
  );
  try {
    await transactWithAudit(store, entry(p, ctx, 'delete', product), items);
  } catch (err) {
    if (isConditionFailure(err)) throw notFound('产品种类不存在或已删除');
    throw err;
  }
  return { productId };
}
