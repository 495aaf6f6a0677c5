/** The enterprise context's Lambda: the enterprise's own 产品种类 and 从业人员 (企业信息管理). */
import { defineHandler } from '../lib/handler';
import { enterpriseManifest } from './manifest';
import { addPerson, deletePersonnel, updatePerson } from './personnel';
import { addProduct, removeProduct } from './products';

const ctxOf = (input: { requestId: string; sourceIp: string }) => ({
  requestId: input.requestId,
  sourceIp: input.sourceIp,
});

// Every route admits enterprise accounts only (the manifest's access), so `principal` is the enterprise's.
export const handler = defineHandler(enterpriseManifest, ({ store }) => ({
  routes: {
    addProduct: async (input) => addProduct(store, input.principal, input.body, ctxOf(input)),
    removeProduct: async (input) => removeProduct(store, input.principal, input.params.productId, ctxOf(input)),
    addPerson: async (input) => addPerson(store, input.principal, input.body, ctxOf(input)),
    updatePerson: async (input) =>
      updatePerson(store, input.principal, input.params.personId, input.body, ctxOf(input)),
    deletePersonnel: async (input) => deletePersonnel(store, input.principal, input.body.items, ctxOf(input)),
  },
}));
