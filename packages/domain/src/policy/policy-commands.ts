import * as t from 'io-ts';
import { commandCodec } from '../shared/command-codec.js';
import { IdCodec, TextCodec } from '../shared/text.js';
import { IsoDateCodec } from '../shared/iso-date.js';
import { PolicyChangesCodec, PolicySourceCodec } from './policy-codecs.js';

/**
 * PH-2: a version of the policy is adopted on `at`, in force from `effectiveFrom`: the values in
 * force on that day with `changes` made, decided by `decidedBy`, from `source`.
 */
export const AdoptPolicyVersion = commandCodec('AdoptPolicyVersion', {
  policyId: IdCodec,
  versionId: IdCodec,
  effectiveFrom: IsoDateCodec,
  source: PolicySourceCodec,
  changes: PolicyChangesCodec,
  decidedBy: TextCodec,
});

/** The command codecs of the policy's history. */
export const policyCommandCodecs = [AdoptPolicyVersion] as const;

/** A command of the policy's history. */
export type PolicyCommand = t.TypeOf<(typeof policyCommandCodecs)[number]>;
