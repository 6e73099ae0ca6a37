import * as t from 'io-ts';
import { defineEvent } from '../eventsourcing/codec-registry.js';
import { record } from '../shared/codec-helpers.js';
import { IsoDateCodec } from '../shared/iso-date.js';
import { IdCodec, TextCodec } from '../shared/text.js';
import { PolicySourceCodec, PolicyValuesCodec } from './policy-codecs.js';

/**
 * PH-2: a version of the policy was adopted on `at` by `decidedBy`, in force from `effectiveFrom`
 * until the next version's date, with every value it holds; `retroactive` when it took effect before
 * the day it was adopted.
 */
export const PolicyVersionAdoptedData = record({
  policyId: IdCodec,
  versionId: IdCodec,
  effectiveFrom: IsoDateCodec,
  source: PolicySourceCodec,
  values: PolicyValuesCodec,
  decidedBy: TextCodec,
  retroactive: t.boolean,
  at: IsoDateCodec,
});

/** The event definitions of the policy's history, for the codec registry. */
export const policyEventDefinitions = [defineEvent('PolicyVersionAdopted', PolicyVersionAdoptedData)] as const;

/** An event of the policy's history. */
export type PolicyEvent = { readonly type: 'PolicyVersionAdopted'; readonly data: t.TypeOf<typeof PolicyVersionAdoptedData> };
