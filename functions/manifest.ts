/**
 * Every bounded context's manifest, in one list: the single source the CDK stack and the local runtime
 * read to wire routes, event rules and schedules. A new context adds one line here.
 */
import type { ContextManifest } from './lib/wiring';
import { accountsManifest } from './accounts/manifest';
import { accountSheetsManifest } from './account-sheets/manifest';
import { auditManifest } from './audit/manifest';
import { identityManifest } from './identity/manifest';
import { importsManifest } from './imports/manifest';
import { platformManifest } from './platform/manifest';
import { registerManifest } from './register/manifest';
import { registrationManifest } from './registration/manifest';
import { attachmentsManifest } from './attachments/manifest';
import { notificationsManifest } from './notifications/manifest';
import { enterpriseManifest } from './enterprise/manifest';
import { officersManifest } from './officers/manifest';
import { checklistsManifest } from './checklists/manifest';
import { inspectionSheetsManifest } from './inspection-sheets/manifest';
import { noticesManifest } from './notices/manifest';
import { selfInspectionsManifest } from './self-inspections/manifest';
import { inspectionsManifest } from './inspections/manifest';
import { hazardsManifest } from './hazards/manifest';
import { dashboardManifest } from './dashboard/manifest';
import { warningsManifest } from './warnings/manifest';
import { ledgerManifest } from './ledger/manifest';
import { waybillsManifest } from './waybills/manifest';

export const MANIFEST: readonly ContextManifest[] = [
  platformManifest,
  identityManifest,
  auditManifest,
  accountsManifest,
  accountSheetsManifest,
  registrationManifest,
  registerManifest,
  attachmentsManifest,
  notificationsManifest,
  importsManifest,
  enterpriseManifest,
  officersManifest,
  checklistsManifest,
  inspectionSheetsManifest,
  noticesManifest,
  selfInspectionsManifest,
  inspectionsManifest,
  hazardsManifest,
  dashboardManifest,
  warningsManifest,
  ledgerManifest,
  waybillsManifest,
];
