import type { Policy, PolicyValues } from '@borough-command/domain';

/**
 * Values that satisfy every version of a policy at once, for generators that plan a history before
 * its dates are known: the latest version's values, with the most dedicated ward officers and every
 * kind of partner any version asks for.
 */
export const strictestValues = (policy: Policy): PolicyValues => {
  const latest = policy.versions.at(-1);
  if (latest === undefined) throw new Error('a policy has at least one version');
  return {
    ...latest.values,
    minimumDedicatedWardOfficers: Math.max(...policy.versions.map((version) => version.values.minimumDedicatedWardOfficers)),
    requiredPartners: [...new Set(policy.versions.flatMap((version) => version.values.requiredPartners))],
  };
};
