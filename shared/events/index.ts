/**
 * Every domain event of the platform, one contract each (README: How an event flows). A new event type gets its file here (by
 * producing context) and a line in this list; the contract test (test/unit/event-contracts.test.ts) checks
 * that every subscription names one of these and that every producer's event passes it.
 */
import type { EventContract } from './contract';
import { RegisterImportBatchRequested, RegisterImportRequested } from './imports';
import { ChangeRequestDecided } from './register';
import { NoticeSent } from './notices';
import { InspectionCompleted } from './inspections';
import { HazardConfirmed, HazardIssued, HazardReturned, RectificationSubmitted } from './hazards';
import { WarningScanRequested, WarningsRaised } from './warnings';
import { StaffCertificatesChanged } from './enterprise';

export * from './contract';
export { ChangeRequestDecided } from './register';
export { RegisterImportBatchRequested, RegisterImportRequested } from './imports';
export { NoticeSent } from './notices';
export { InspectionCompleted } from './inspections';
export { HazardConfirmed, HazardIssued, HazardReturned, RectificationSubmitted } from './hazards';
export { WarningScanRequested, WarningsRaised } from './warnings';
export { StaffCertificatesChanged } from './enterprise';

export const EVENTS: readonly EventContract[] = [
  ChangeRequestDecided,
  RegisterImportRequested,
  RegisterImportBatchRequested,
  NoticeSent,
  InspectionCompleted,
  HazardIssued,
  RectificationSubmitted,
  HazardReturned,
  HazardConfirmed,
  WarningScanRequested,
  WarningsRaised,
  StaffCertificatesChanged,
];
