/**
 * The store: every ElectroDB entity of the single table, bound to one client and table name.
 * Handlers build it once per container and pass it to domain modules; tests build it against DynamoDB Local.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { accountModel } from './entities/account';
import { accountNoticeModel } from './entities/account-notice';
import { attachmentModel, importJobModel } from './entities/attachment';
import { changeRequestModel, changeRequestTaskModel } from './entities/change-request';
import { creditCodeClaimModel, enterpriseCounterModel } from './entities/enterprise-counter';
import { inboxCounterModel, notificationModel } from './entities/notification';
import { productModel } from './entities/product';
import { accountCounterModel } from './entities/account-counter';
import { auditModel } from './entities/audit';
import { enterpriseListingModel, enterpriseModel } from './entities/enterprise';
import { licenceModel } from './entities/licence';
import { loginClaimModel } from './entities/login-claim';
import { captchaModel, loginGuardModel, rateWindowModel } from './entities/login-guard';
import { personModel } from './entities/person';
import { scheduleRunModel } from './entities/schedule-run';
import { registrationGuardModel, registrationModel, registrationTaskModel } from './entities/registration';
import { seedRunModel } from './entities/seed-run';
import { sessionModel } from './entities/session';

export function createStore(client: DynamoDBDocumentClient, table: string) {
  return {
    table,
    client,
    scheduleRuns: scheduleRunModel(client, table),
    seedRuns: seedRunModel(client, table),
    enterprises: enterpriseModel(client, table),
    enterpriseListings: enterpriseListingModel(client, table),
    licences: licenceModel(client, table),
    personnel: personModel(client, table),
    products: productModel(client, table),
    enterpriseCounters: enterpriseCounterModel(client, table),
    creditCodeClaims: creditCodeClaimModel(client, table),
    changeRequests: changeRequestModel(client, table),
    changeRequestTasks: changeRequestTaskModel(client, table),
    notifications: notificationModel(client, table),
    inboxCounters: inboxCounterModel(client, table),
    attachments: attachmentModel(client, table),
    importJobs: importJobModel(client, table),
    accounts: accountModel(client, table),
    loginClaims: loginClaimModel(client, table),
    accountNotices: accountNoticeModel(client, table),
    accountCounters: accountCounterModel(client, table),
    audit: auditModel(client, table),
    sessions: sessionModel(client, table),
    loginGuards: loginGuardModel(client, table),
    rateWindows: rateWindowModel(client, table),
    captchas: captchaModel(client, table),
    registrations: registrationModel(client, table),
    registrationTasks: registrationTaskModel(client, table),
    registrationGuards: registrationGuardModel(client, table),
  };
}

export type Store = ReturnType<typeof createStore>;
