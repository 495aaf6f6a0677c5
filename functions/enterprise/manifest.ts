import {
  Person,
  PersonIdParams,
  PersonnelDeleted,
  PersonnelDeleteInput,
  PersonUpdateInput,
  PersonView,
  ProductIdParams,
  ProductInput,
  ProductRemoved,
  ProductView,
} from '../../shared/api/enterprise';
import { defineContext, defineRoute } from '../lib/wiring';
import { StaffCertificatesChanged } from '../../shared/events/enterprise';

/**
 * The enterprise's own data (企业服务平台 › 企业信息管理): 产品种类 and 从业人员, which the enterprise keeps
 * itself without review. Every route acts on the signed-in account's own enterprise (the session names it);
 * nothing in a request says whose data it is. The entry itself and its licences change only by review
 * (the register's change requests), and reads go through the register's routes.
 */
const ENTERPRISE = { kind: 'enterprise' } as const;

export const addProduct = defineRoute({
  operationId: 'addProduct',
  method: 'POST',
  path: '/api/enterprise/products',
  public: false,
  access: ENTERPRISE,
  summary: '企业基本信息 › 产品种类：新增（同一物品类别下名称不能重复）',
  tags: ['enterprise'],
  body: ProductInput,
  response: ProductView,
  successStatus: 201,
});

export const removeProduct = defineRoute({
  operationId: 'removeProduct',
  method: 'DELETE',
  path: '/api/enterprise/products/{productId}',
  public: false,
  access: ENTERPRISE,
  summary: '企业基本信息 › 产品种类：删除',
  tags: ['enterprise'],
  params: ProductIdParams,
  response: ProductRemoved,
});

export const addPerson = defineRoute({
  operationId: 'addPerson',
  method: 'POST',
  path: '/api/enterprise/personnel',
  public: false,
  access: ENTERPRISE,
  summary: '从业人员管理：新增（身份证号在本企业内不能重复；员工总数随之增加）',
  tags: ['enterprise'],
  body: Person,
  response: PersonView,
  successStatus: 201,
});

export const updatePerson = defineRoute({
  operationId: 'updatePerson',
  method: 'PUT',
  path: '/api/enterprise/personnel/{personId}',
  public: false,
  access: ENTERPRISE,
  summary: '从业人员管理：编辑（按打开时的版本，已被修改则拒绝）',
  tags: ['enterprise'],
  params: PersonIdParams,
  body: PersonUpdateInput,
  response: PersonView,
});

export const deletePersonnel = defineRoute({
  operationId: 'deletePersonnel',
  method: 'POST',
  path: '/api/enterprise/personnel/delete',
  public: false,
  access: ENTERPRISE,
  summary: '从业人员管理：删除勾选的人员（一次提交，全部删除或都不删除；员工总数随之减少）',
  tags: ['enterprise'],
  body: PersonnelDeleteInput,
  response: PersonnelDeleted,
});

export const enterpriseManifest = defineContext({
  context: 'enterprise',
  entry: 'functions/enterprise/handler.ts',
  description: "the enterprise's own 产品种类 and 从业人员 (企业信息管理), kept without review",
  routes: [addProduct, removeProduct, addPerson, updatePerson, deletePersonnel],
  subscriptions: [],
  schedules: [],
  publishes: [StaffCertificatesChanged],
  grants: {
    table: {
      write: ['enterprises', 'enterpriseListings', 'personnel', 'products', 'sessions', 'audit', 'outboxEvents'],
      read: ['accounts', 'licences', 'creditCodeClaims', 'enterpriseCounters'],
    },
  },
});
