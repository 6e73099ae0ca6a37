/**
 * Plain values for the posting tests: units, officers, and commands and events written out in
 * full, so that every expectation states its dates and figures itself.
 */
import { deciderSpecification } from '@borough-command/testing/vitest';
import { defaultPolicy, policyWith, type Policy } from '../../src/policy/policy.js';
import { postingDecider } from '../../src/posting/posting-decider.js';
import type { AssessPerformanceCommand } from '../../src/posting/assess-performance.js';
import type { EndPostingCommand } from '../../src/posting/end-posting.js';
import type { EndPostingsForRestructureCommand } from '../../src/posting/end-postings-for-restructure.js';
import type { PostingEvent } from '../../src/posting/posting-events.js';
import type { StartPostingCommand } from '../../src/posting/start-posting.js';
import { isoDate } from '../../src/shared/iso-date.js';
import type { CommandUnit, Officer } from '../../src/shared/vocabulary.js';

/** Camden, one of London's 32 boroughs. */
export const camden: CommandUnit = { kind: 'borough', name: 'Camden' };
/** Islington, Camden's partner in the Central North pathfinder. */
export const islington: CommandUnit = { kind: 'borough', name: 'Islington' };
/** The Central North BCU (Camden and Islington). */
export const centralNorth: CommandUnit = { kind: 'bcu', name: 'Central North' };

/** A chief superintendent. */
export const amira: Officer = { id: 'officer-amira', name: 'Amira Khan', rank: 'chief-superintendent' };
/** Another chief superintendent. */
export const ben: Officer = { id: 'officer-ben', name: 'Ben Okafor', rank: 'chief-superintendent' };
/** A superintendent who covers vacancies. */
export const claire: Officer = { id: 'officer-claire', name: 'Claire Dawson', rank: 'superintendent' };

/** Given/when/then for the posting decider under the default policy (enforce mode). */
export const enforced = deciderSpecification(postingDecider(defaultPolicy));
/** Given/when/then for the posting decider in `record` mode. */
export const recorded = deciderSpecification(postingDecider(policyWith({ enforcement: 'record' })));
/** Given/when/then for the posting decider under any policy. */
export const under = (policy: Policy) => deciderSpecification(postingDecider(policy));

/** A `StartPosting` command: Amira as Camden's substantive borough commander from 1 April 2010 unless told otherwise. */
export const startPosting = (fields: Partial<StartPostingCommand> = {}): StartPostingCommand => ({
  type: 'StartPosting',
  commandId: 'start-1',
  at: isoDate('2010-04-01'),
  unit: camden,
  postingId: 'camden-1',
  role: 'borough-commander',
  officer: amira,
  acting: false,
  ...fields,
});

/** An `EndPosting` command for posting camden-1 unless told otherwise. */
export const endPosting = (fields: Partial<EndPostingCommand> = {}): EndPostingCommand => ({
  type: 'EndPosting',
  commandId: 'end-1',
  at: isoDate('2013-04-01'),
  unit: camden,
  postingId: 'camden-1',
  reason: 'promotion',
  ...fields,
});

/** An `AssessPerformance` command for posting camden-1 unless told otherwise. */
export const assessPerformance = (fields: Partial<AssessPerformanceCommand> = {}): AssessPerformanceCommand => ({
  type: 'AssessPerformance',
  commandId: 'assess-1',
  at: isoDate('2011-03-31'),
  unit: camden,
  postingId: 'camden-1',
  assessedBy: 'Area Commander North',
  partners: [],
  ...fields,
});

/** An `EndPostingsForRestructure` command: Camden joins Central North on 1 February 2017 unless told otherwise. */
export const endPostingsForRestructure = (fields: Partial<EndPostingsForRestructureCommand> = {}): EndPostingsForRestructureCommand => ({
  type: 'EndPostingsForRestructure',
  commandId: 'restructure-1',
  at: isoDate('2017-02-01'),
  unit: camden,
  bcu: 'Central North',
  ...fields,
});

type StartedData = Extract<PostingEvent, { type: 'PostingStarted' }>['data'];
type EndedData = Extract<PostingEvent, { type: 'PostingEnded' }>['data'];
type BreachedData = Extract<PostingEvent, { type: 'MinimumTermBreached' }>['data'];
type AssessedData = Extract<PostingEvent, { type: 'PerformanceAssessed' }>['data'];

/** A `PostingStarted` event: Amira in Camden from 1 April 2010 (minimum term to 1 April 2013) unless told otherwise. */
export const postingStarted = (fields: Partial<StartedData> = {}): PostingEvent => ({
  type: 'PostingStarted',
  data: {
    postingId: 'camden-1',
    unit: camden,
    role: 'borough-commander',
    officer: amira,
    acting: false,
    interim: false,
    designate: false,
    start: isoDate('2010-04-01'),
    lineManager: null,
    appointmentProcessId: null,
    minimumTermEnd: isoDate('2013-04-01'),
    ...fields,
  },
});

/** A `PostingEnded` event; every field the test cares about is given. */
export const postingEnded = (fields: Partial<EndedData> & Pick<EndedData, 'end' | 'daysServed'>): PostingEvent => ({
  type: 'PostingEnded',
  data: {
    postingId: 'camden-1',
    unit: camden,
    role: 'borough-commander',
    officer: amira,
    acting: false,
    start: isoDate('2010-04-01'),
    reason: 'promotion',
    detail: null,
    approvedBy: null,
    minimumTermEnd: isoDate('2013-04-01'),
    minimumTermMet: true,
    exceptional: false,
    restructure: null,
    ...fields,
  },
});

/** A `MinimumTermBreached` event; every field the test cares about is given. */
export const minimumTermBreached = (fields: Partial<BreachedData> & Pick<BreachedData, 'end' | 'daysShort'>): PostingEvent => ({
  type: 'MinimumTermBreached',
  data: {
    postingId: 'camden-1',
    unit: camden,
    officer: amira,
    start: isoDate('2010-04-01'),
    minimumTermEnd: isoDate('2013-04-01'),
    reason: 'promotion',
    missing: 'exceptional-reason',
    ...fields,
  },
});

/** A `PerformanceAssessed` event of posting camden-1. */
export const performanceAssessed = (fields: Partial<AssessedData> = {}): PostingEvent => ({
  type: 'PerformanceAssessed',
  data: {
    postingId: 'camden-1',
    unit: camden,
    officer: amira,
    assessedBy: 'Area Commander North',
    partners: [],
    noPartnerInvolved: true,
    at: isoDate('2011-03-31'),
    ...fields,
  },
});
