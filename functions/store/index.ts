/**
 * The store: every ElectroDB entity of the single table, bound to one client and table name.
 * Handlers build it once per container and pass it to domain modules; tests build it against DynamoDB Local.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { accountModel } from './entities/account';
import { accountNoticeModel } from './entities/account-notice';
import { attachmentModel } from './entities/attachment';
import { importJobModel } from './entities/import-job';
import { changeRequestModel } from './entities/change-request';
import { changeRequestTaskModel } from './entities/change-request-task';
import { enterpriseCounterModel } from './entities/enterprise-counter';
import { creditCodeClaimModel } from './entities/credit-code-claim';
import { notificationModel } from './entities/notification';
import { inboxCounterModel } from './entities/inbox-counter';
import { productModel } from './entities/product';
import { accountCounterModel } from './entities/account-counter';
import { auditModel } from './entities/audit';
import { enterpriseModel } from './entities/enterprise';
import { enterpriseListingModel } from './entities/enterprise-listing';
import { licenceModel } from './entities/licence';
import { loginClaimModel } from './entities/login-claim';
import { loginGuardModel } from './entities/login-guard';
import { captchaModel } from './entities/captcha';
import { rateWindowModel } from './entities/rate-window';
import { personModel } from './entities/person';
import { scheduleRunModel } from './entities/schedule-run';
import { registrationModel } from './entities/registration';
import { registrationGuardModel } from './entities/registration-guard';
import { registrationTaskModel } from './entities/registration-task';
import { seedRunModel } from './entities/seed-run';
import { sessionModel } from './entities/session';
import { outboxEventModel } from './entities/outbox-event';
import { officerConflictModel } from './entities/officer-conflict';
import { officerConflictTallyModel } from './entities/officer-conflict-tally';
import { expertModel } from './entities/expert';
import { expertConflictModel } from './entities/expert-conflict';
import { checklistModel } from './entities/checklist';
import { checklistVersionModel } from './entities/checklist-version';
import { checklistItemModel } from './entities/checklist-item';
import { noticeModel } from './entities/notice';
import { noticeListingModel } from './entities/notice-listing';
import { selfInspectionModel } from './entities/self-inspection';
import {
  inspectionJointDepartmentModel,
  inspectionTaskMemberModel,
  inspectionTaskModel,
} from './entities/inspection-task';
import { inspectionDrawModel } from './entities/inspection-draw';
import { inspectionBurdenModel } from './entities/inspection-burden';
import { hazardModel } from './entities/hazard';
import { hazardListingModel } from './entities/hazard-listing';
import { hazardStepModel } from './entities/hazard-step';
import { inspectionAnswerModel } from './entities/inspection-answer';
import {
  inspectionPublicationDueModel,
  inspectionResultModel,
  inspectionResultNameModel,
} from './entities/inspection-result';
import { statsCounterModel } from './entities/stats-counter';
import { warehouseModel } from './entities/warehouse';
import { stockLineModel } from './entities/stock-line';
import { stockMovementModel } from './entities/stock-movement';
import { shipmentModel } from './entities/shipment';
import { custodyEventModel } from './entities/custody-event';
import { warehouseKeeperModel } from './entities/warehouse-keeper';
import { flowCounterModel, waybillListingModel, waybillModel, waybillRevisionModel } from './entities/waybill';
import { warningModel } from './entities/warning';
import { warningListingModel } from './entities/warning-listing';
import { warningStepModel } from './entities/warning-step';
import { warningCounterModel } from './entities/warning-counter';
import { warningOpenSetModel } from './entities/warning-open-set';
import { warningScanRunModel } from './entities/warning-scan-run';

/** Each entity of the table by its name in the store, and the function that builds it on a client and table. */
const MODELS = {
  scheduleRuns: scheduleRunModel,
  seedRuns: seedRunModel,
  enterprises: enterpriseModel,
  enterpriseListings: enterpriseListingModel,
  licences: licenceModel,
  personnel: personModel,
  products: productModel,
  enterpriseCounters: enterpriseCounterModel,
  creditCodeClaims: creditCodeClaimModel,
  changeRequests: changeRequestModel,
  changeRequestTasks: changeRequestTaskModel,
  notifications: notificationModel,
  inboxCounters: inboxCounterModel,
  attachments: attachmentModel,
  importJobs: importJobModel,
  accounts: accountModel,
  loginClaims: loginClaimModel,
  accountCounters: accountCounterModel,
  audit: auditModel,
  sessions: sessionModel,
  loginGuards: loginGuardModel,
  rateWindows: rateWindowModel,
  captchas: captchaModel,
  registrations: registrationModel,
  registrationTasks: registrationTaskModel,
  registrationGuards: registrationGuardModel,
  outboxEvents: outboxEventModel,
  accountNotices: accountNoticeModel,
  officerConflicts: officerConflictModel,
  officerConflictTallies: officerConflictTallyModel,
  experts: expertModel,
  expertConflicts: expertConflictModel,
  checklists: checklistModel,
  checklistVersions: checklistVersionModel,
  checklistItems: checklistItemModel,
  notices: noticeModel,
  noticeListings: noticeListingModel,
  selfInspections: selfInspectionModel,
  inspectionTasks: inspectionTaskModel,
  inspectionTaskMembers: inspectionTaskMemberModel,
  inspectionJointDepartments: inspectionJointDepartmentModel,
  inspectionDraws: inspectionDrawModel,
  inspectionBurdens: inspectionBurdenModel,
  inspectionAnswers: inspectionAnswerModel,
  inspectionResults: inspectionResultModel,
  inspectionResultNames: inspectionResultNameModel,
  inspectionPublicationDue: inspectionPublicationDueModel,
  hazards: hazardModel,
  hazardListings: hazardListingModel,
  hazardSteps: hazardStepModel,
  statsCounters: statsCounterModel,
  warehouses: warehouseModel,
  stockLines: stockLineModel,
  stockMovements: stockMovementModel,
  shipments: shipmentModel,
  custodyEvents: custodyEventModel,
  warehouseKeepers: warehouseKeeperModel,
  waybills: waybillModel,
  waybillRevisions: waybillRevisionModel,
  waybillListings: waybillListingModel,
  flowCounters: flowCounterModel,
  warnings: warningModel,
  warningListings: warningListingModel,
  warningSteps: warningStepModel,
  warningCounters: warningCounterModel,
  warningOpenSets: warningOpenSetModel,
  warningScanRuns: warningScanRunModel,
};

type Models = typeof MODELS;

export type Store = { readonly table: string; readonly client: DynamoDBDocumentClient } & {
  readonly [K in keyof Models]: ReturnType<Models[K]>;
};

/**
 * Entities are built on first use: building one (ElectroDB checks its model against a JSON schema) costs
 * milliseconds — building all 26 took longer here than importing the whole bundle — and a function
 * touches a handful. The store reads as a plain object of entities either way.
 */
export function createStore(client: DynamoDBDocumentClient, table: string): Store {
  const store = { table, client };
  for (const [name, model] of Object.entries(MODELS)) {
    let entity: unknown;
    Object.defineProperty(store, name, {
      enumerable: true,
      get: () => (entity ??= model(client, table)),
    });
  }
  return store as Store;
}
