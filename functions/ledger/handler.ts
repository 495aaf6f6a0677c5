/** The ledger context's Lambda: 仓库管理, 仓库人员 and the 台账 (the enterprise's; regulators read). */
import { defineHandler } from '../lib/handler';
import {
  getMovement,
  findReceiver,
  inbound,
  listMovements,
  listStock,
  outbound,
  returnGoods,
  stocktake,
} from './ledger';
import { ledgerManifest } from './manifest';
import {
  addKeeper,
  createWarehouse,
  getWarehouse,
  listKeepers,
  listWarehouses,
  removeKeeper,
  updateKeeper,
  updateWarehouse,
} from './warehouses';

const ctxOf = (input: { requestId: string; sourceIp: string }) => ({
  requestId: input.requestId,
  sourceIp: input.sourceIp,
});

export const handler = defineHandler(ledgerManifest, ({ store }) => ({
  routes: {
    listWarehouses: async ({ principal, query }) => listWarehouses(store, principal, principal.enterpriseId, query),
    createWarehouse: async (input) => createWarehouse(store, input.principal, input.body, ctxOf(input)),
    getWarehouse: async ({ principal, params }) =>
      getWarehouse(store, principal, principal.enterpriseId, params.warehouseId),
    updateWarehouse: async (input) =>
      updateWarehouse(store, input.principal, input.params.warehouseId, input.body, ctxOf(input)),
    listKeepers: async ({ principal, params, query }) =>
      listKeepers(store, principal, principal.enterpriseId, params.warehouseId, query),
    addKeeper: async (input) => addKeeper(store, input.principal, input.params.warehouseId, input.body, ctxOf(input)),
    updateKeeper: async (input) =>
      updateKeeper(store, input.principal, input.params.warehouseId, input.params.keeperId, input.body, ctxOf(input)),
    removeKeeper: async (input) => {
      await removeKeeper(store, input.principal, input.params.warehouseId, input.params.keeperId, ctxOf(input));
      return { keeperId: input.params.keeperId };
    },
    listStock: async ({ principal, params, query }) =>
      listStock(store, principal, principal.enterpriseId, params.warehouseId, query),
    listMovements: async ({ principal, params, query }) =>
      listMovements(store, principal, principal.enterpriseId, params.warehouseId, query),
    getMovement: async ({ principal, params }) =>
      getMovement(store, principal, principal.enterpriseId, params.warehouseId, params.movementId),
    recordStocktake: async (input) =>
      stocktake(store, input.principal, input.params.warehouseId, input.body, ctxOf(input)),
    recordInbound: async (input) => inbound(store, input.principal, input.params.warehouseId, input.body, ctxOf(input)),
    recordOutbound: async (input) =>
      outbound(store, input.principal, input.params.warehouseId, input.body, ctxOf(input)),
    recordReturn: async (input) =>
      returnGoods(store, input.principal, input.params.warehouseId, input.body, ctxOf(input)),
    findReceiver: async ({ principal, query }) => findReceiver(store, principal, query.creditCode),
    listEnterpriseWarehouses: async ({ principal, params, query }) =>
      listWarehouses(store, principal, params.enterpriseId, query),
    getEnterpriseWarehouse: async ({ principal, params }) =>
      getWarehouse(store, principal, params.enterpriseId, params.warehouseId),
    listEnterpriseKeepers: async ({ principal, params, query }) =>
      listKeepers(store, principal, params.enterpriseId, params.warehouseId, query),
    listEnterpriseStock: async ({ principal, params, query }) =>
      listStock(store, principal, params.enterpriseId, params.warehouseId, query),
    listEnterpriseMovements: async ({ principal, params, query }) =>
      listMovements(store, principal, params.enterpriseId, params.warehouseId, query),
    getEnterpriseMovement: async ({ principal, params }) =>
      getMovement(store, principal, params.enterpriseId, params.warehouseId, params.movementId),
  },
}));
