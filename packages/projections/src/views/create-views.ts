import { defaultPolicy, type Policy } from '@borough-command/domain';
import { createAccountabilityView, type AccountabilityView } from '../accountability/accountability-view.js';
import { createAuditView, type AuditView } from '../audit/audit-view.js';
import { createCareerView, type CareerView } from '../careers/career-view.js';
import { createComplianceView, type ComplianceView } from '../compliance/compliance-view.js';
import { createContinuityView, type ContinuityView } from '../continuity/continuity-view.js';
import { createTenureView, type TenureView } from '../tenure/tenure-view.js';
import type { Projection } from './projection.js';

/** The six views of DOMAIN.md, by what they answer. */
export interface BoroughCommandViews {
  /** TE-1: postings and the periods between them, per command unit. */
  readonly tenure: TenureView;
  /** TE-2: mean and median tenure, minimum-term share and early departures. */
  readonly continuity: ContinuityView;
  /** TE-3: each officer's postings in order. */
  readonly careers: CareerView;
  /** AC-1: accountability for a borough as at a date. */
  readonly accountability: AccountabilityView;
  /** AC-2: each appointment against AP-2..AP-10, and the local-authority share. */
  readonly compliance: ComplianceView;
  /** AU-1: every decision of each appointment. */
  readonly audit: AuditView;
}

/** Creates the six views, empty, under a policy (the oversight body by date, AP-8's date). */
export const createViews = (policy: Policy = defaultPolicy): BoroughCommandViews => ({
  tenure: createTenureView(),
  continuity: createContinuityView(),
  careers: createCareerView(),
  accountability: createAccountabilityView(policy),
  compliance: createComplianceView(policy),
  audit: createAuditView(),
});

/** The views as a list of projections, for a runner. */
export const projectionsOf = (views: BoroughCommandViews): readonly Projection[] => [
  views.tenure,
  views.continuity,
  views.careers,
  views.accountability,
  views.compliance,
  views.audit,
];
