import * as t from 'io-ts';
import {
  adoptedVersion,
  defaultPolicy,
  findPolicyVersion,
  isPolicyEvent,
  policyOn,
  policyWithAdopted,
  IsoDateCodec,
  PolicySourceCodec,
  PolicyValuesCodec,
  type IsoDate,
  type Policy,
  type PolicyVersion,
} from '@borough-command/domain';
import type { DomainEnvelope } from '../views/envelope.js';
import { createViewCore, type Projection } from '../views/projection.js';

/** The name of the policy history view, and the key of its snapshot. */
export const POLICY_VIEW = 'PH-1 policy history';

/** How the version a decision was judged under was found. */
export type JudgedBy =
  /** The decision's events name the version, and the history holds it. */
  | 'recorded'
  /** The events name no version (written before versions were recorded): the version in force on the date. */
  | 'in-force-on-date'
  /** The events name a version neither the history nor the seeds' history holds: the version in force on the date stands in. */
  | 'unknown-version';

/** The version a decision was judged under, and how it was found. */
export interface JudgedVersion {
  readonly version: PolicyVersion;
  readonly judgedBy: JudgedBy;
  /** The version id the events recorded, if any. */
  readonly recordedId: string | null;
}

/** PH-1 as a projection: the policy's versions, the base ones and every adoption recorded. */
export interface PolicyView extends Projection<PolicySnapshotState> {
  /** The policy in force: the base versions with every recorded adoption in place. */
  readonly policy: () => Policy;
  /** PH-1: the version a decision on `date` recorded as `recordedId` was judged under. */
  readonly judgedUnder: (recordedId: string | null | undefined, date: IsoDate) => JudgedVersion;
}

const PolicyVersionJsonCodec = t.readonly(
  t.type({ id: t.string, effectiveFrom: IsoDateCodec, source: PolicySourceCodec, values: PolicyValuesCodec }),
  'PolicyVersion',
);

/** io-ts codec of the policy view's state in a snapshot: the adopted versions, in the order adopted. */
export const PolicySnapshotStateCodec = t.readonly(t.type({ adopted: t.readonlyArray(PolicyVersionJsonCodec) }), 'PolicySnapshotState');

/** The policy view's state in a snapshot. */
export type PolicySnapshotState = t.TypeOf<typeof PolicySnapshotStateCodec>;

const foldAdoption = (adopted: PolicyVersion[], envelope: DomainEnvelope): void => {
  if (isPolicyEvent(envelope.event)) adopted.push(adoptedVersion(envelope.event));
};

/**
 * Creates an empty policy history view over base versions (the seeds' history by default): views
 * judge decisions by the versions their events recorded, never by a policy handed to them later.
 */
export const createPolicyView = (base: Policy = defaultPolicy): PolicyView => {
  const core = createViewCore<PolicyVersion[], PolicySnapshotState>({
    name: POLICY_VIEW,
    stateCodec: PolicySnapshotStateCodec,
    empty: () => [],
    fold: foldAdoption,
    save: (adopted) => ({
      adopted: adopted.map((version) => ({
        id: version.id,
        effectiveFrom: version.effectiveFrom,
        source: version.source,
        values: PolicyValuesCodec.encode(version.values) as PolicyVersion['values'],
      })),
    }),
    load: (state) => state.adopted.map((version) => ({ ...version })),
  });
  let cached: { readonly adopted: number; readonly policy: Policy } | undefined;
  const policy = (): Policy => {
    const adopted = core.model();
    if (cached?.adopted !== adopted.length) cached = { adopted: adopted.length, policy: policyWithAdopted(base, adopted) };
    return cached.policy;
  };
  return {
    name: core.name,
    apply: core.apply,
    position: core.position,
    snapshot: core.snapshot,
    restore: (snapshot) => {
      cached = undefined;
      return core.restore(snapshot);
    },
    policy,
    judgedUnder: (recordedId, date) => {
      const current = policy();
      if (recordedId === null || recordedId === undefined) {
        return { version: policyOn(current, date), judgedBy: 'in-force-on-date', recordedId: null };
      }
      // A version of the seeds' history is known whatever base the views were given.
      const recorded = findPolicyVersion(current, recordedId) ?? findPolicyVersion(defaultPolicy, recordedId);
      return recorded === undefined
        ? { version: policyOn(current, date), judgedBy: 'unknown-version', recordedId }
        : { version: recorded, judgedBy: 'recorded', recordedId };
    },
  };
};
