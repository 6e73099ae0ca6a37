import { defaultPolicy, type Policy } from '@borough-command/domain';
import { createAccountabilityView, type AccountabilityView } from '../accountability/accountability-view.js';
import { createAuditView, type AuditView } from '../audit/audit-view.js';
import { createCareerView, type CareerView } from '../careers/career-view.js';
import { createComplianceView, type ComplianceView } from '../compliance/compliance-view.js';
import { createContinuityView, type ContinuityView } from '../continuity/continuity-view.js';
import { createPolicyView, type PolicyView } from '../policy/policy-view.js';
import { createTenureView, type TenureView } from '../tenure/tenure-view.js';
import type { Projection } from './projection.js';

/** The views, by what they answer: TE-1..TE-3, AC-1, AC-2, AU-1, and the policy history (PH-1) they judge by. */
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
  /** PH-1: the policy's versions, by which the other views judge what the events recorded. */
  readonly policy: PolicyView;
}

/**
 * Creates the views, empty, over the policy's base versions (the seeds' history by default): the
 * adoptions the events record are added to them, and each decision is judged by the version it
 * recorded (PH-1), so a replay never re-judges history.
 */
export const createViews = (base: Policy = defaultPolicy): BoroughCommandViews => {
  const policy = createPolicyView(base);
  return {
    tenure: createTenureView(),
    continuity: createContinuityView(),
    careers: createCareerView(),
    accountability: createAccountabilityView(policy),
    compliance: createComplianceView(policy),
    audit: createAuditView(),
    policy,
  };
};

/** The views as a list of projections, for a runner. */
export const projectionsOf = (views: BoroughCommandViews): readonly Projection[] => [
  views.policy,
  views.tenure,
  views.continuity,
  views.careers,
  views.accountability,
  views.compliance,
  views.audit,
];
