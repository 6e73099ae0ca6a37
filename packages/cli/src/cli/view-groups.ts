/**
 * The views a question needs, in groups that fold on their own: each view alone, but AC-1 and
 * AC-2 each with the policy's versions (PH-1) they judge by. A question folds only its groups'
 * views, and the snapshot beside a journal keeps one file per group.
 */
import { defaultPolicy } from '@borough-command/domain';
import {
  createAccountabilityView,
  createAuditView,
  createCareerView,
  createComplianceView,
  createContinuityView,
  createPolicyView,
  createTenureView,
  type BoroughCommandViews,
  type Projection,
} from '@borough-command/projections';

/** A group of views that fold together: one view, with PH-1 for AC-1 and AC-2. */
export type ViewGroupName = 'tenure' | 'continuity' | 'careers' | 'accountability' | 'compliance' | 'audit';

/** Every group, in the order the views are listed. */
export const allViewGroups: readonly ViewGroupName[] = ['tenure', 'continuity', 'careers', 'accountability', 'compliance', 'audit'];

/** A group's views, fresh, and the projections that feed them. */
export interface ViewGroup {
  readonly name: ViewGroupName;
  readonly views: Partial<BoroughCommandViews>;
  readonly projections: readonly Projection[];
}

/** The views of a group, empty. */
export const createViewGroup = (name: ViewGroupName): ViewGroup => {
  switch (name) {
    case 'tenure': {
      const tenure = createTenureView();
      return { name, views: { tenure }, projections: [tenure] };
    }
    case 'continuity': {
      const continuity = createContinuityView();
      return { name, views: { continuity }, projections: [continuity] };
    }
    case 'careers': {
      const careers = createCareerView();
      return { name, views: { careers }, projections: [careers] };
    }
    case 'accountability': {
      const policy = createPolicyView(defaultPolicy);
      const accountability = createAccountabilityView(policy);
      return { name, views: { policy, accountability }, projections: [policy, accountability] };
    }
    case 'compliance': {
      const policy = createPolicyView(defaultPolicy);
      const compliance = createComplianceView(policy);
      return { name, views: { policy, compliance }, projections: [policy, compliance] };
    }
    case 'audit': {
      const audit = createAuditView();
      return { name, views: { audit }, projections: [audit] };
    }
  }
};

/** The views of several groups as one set; a view of a group not asked for is absent. */
export const viewsOfGroups = (groups: readonly ViewGroup[]): Partial<BoroughCommandViews> =>
  groups.reduce<Partial<BoroughCommandViews>>((views, group) => ({ ...group.views, ...views }), {});
