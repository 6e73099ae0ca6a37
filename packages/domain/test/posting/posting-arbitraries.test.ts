import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { postingCommandArbitrary, postingEventArbitrary, validPostingHistory, type PostingHistory } from '@borough-command/testing';
import {
  assessPerformanceArbitrary,
  endPostingArbitrary,
  endPostingsForRestructureArbitrary,
  minimumTermBreachedArbitrary,
  performanceAssessedArbitrary,
  postingEndedArbitrary,
  postingStartedArbitrary,
  startPostingArbitrary,
} from '@borough-command/testing/arbitraries';
import { createRegistry } from '../../src/eventsourcing/codec-registry.js';
import { defaultPolicy, policyWith } from '../../src/policy/policy.js';
import { AssessPerformance, EndPosting, EndPostingsForRestructure, StartPosting } from '../../src/posting/posting-commands.js';
import { postingDecider } from '../../src/posting/posting-decider.js';
import { postingEventDefinitions } from '../../src/posting/posting-events.js';
import type { PostingRejection } from '../../src/posting/posting-rejections.js';
import { isLondonBorough } from '../../src/reference/london.js';
import { isoDate } from '../../src/shared/iso-date.js';
import { camden } from './posting-fixtures.js';

const registry = createRegistry(postingEventDefinitions);
const where = { stream: 'posting-test', revision: undefined };
const SEED = 20_100_617;

describe('posting arbitraries', () => {
  it('PO-1 each command arbitrary yields commands its codec accepts', () => {
    fc.assert(fc.property(startPostingArbitrary(), (command) => StartPosting.is(command)), { numRuns: 100 });
    fc.assert(fc.property(endPostingArbitrary(), (command) => EndPosting.is(command)), { numRuns: 100 });
    fc.assert(fc.property(assessPerformanceArbitrary(), (command) => AssessPerformance.is(command)), { numRuns: 100 });
    fc.assert(fc.property(endPostingsForRestructureArbitrary(), (command) => EndPostingsForRestructure.is(command)), { numRuns: 100 });
  });

  it('PO-1 each event arbitrary yields events their codecs accept', () => {
    const eventArbitraries = [
      postingStartedArbitrary,
      postingEndedArbitrary,
      minimumTermBreachedArbitrary,
      performanceAssessedArbitrary,
      postingEventArbitrary,
    ];
    for (const arbitrary of eventArbitraries) {
      fc.assert(
        fc.property(arbitrary, (event) => {
          expect(E.isRight(registry.encode(event, where))).toBe(true);
        }),
        { numRuns: 100 },
      );
    }
  });

  it('PO-1 random commands for one unit meet each other: they reach every refusal of a start and the hand-over from acting cover', () => {
    const seen = new Set<PostingRejection['_tag'] | 'CoverEndedBySubstantive'>();
    const decider = postingDecider(defaultPolicy);
    const camdenCommands = postingCommandArbitrary({ unit: camden, from: isoDate('2005-01-01'), to: isoDate('2016-12-31') });
    for (const commands of fc.sample(fc.array(camdenCommands, { maxLength: 40 }), { numRuns: 300, seed: SEED })) {
      let state = decider.initialState;
      for (const command of commands) {
        const decided = decider.decide(command, state);
        if (E.isLeft(decided)) {
          seen.add(decided.left._tag);
          continue;
        }
        if (command.type === 'StartPosting' && decided.right.length === 2) seen.add('CoverEndedBySubstantive');
        state = decided.right.reduce(decider.evolve, state);
      }
    }
    const expected = [
      'UnitAlreadyCommanded',
      'NoVacancyToCover',
      'OfficerAlreadyPosted',
      'OverlapsEarlierPosting',
      'RoleDoesNotFitUnit',
      'PostingAlreadyEnded',
      'CoverEndedBySubstantive',
    ] as const;
    for (const tag of expected) expect(seen, tag).toContain(tag);
  });

  const features = (history: PostingHistory): readonly string[] => {
    const found: string[] = [history.unit.kind];
    for (const step of history.steps) {
      const { command, events } = step;
      if (command.type === 'StartPosting') found.push(command.acting ? 'acting start' : 'substantive start');
      if (command.type === 'StartPosting' && events.length === 2) found.push('acting cover handed over');
      if (command.type === 'EndPostingsForRestructure') found.push('restructure');
      if (command.type === 'AssessPerformance') {
        found.push(command.partners.length === 0 ? 'assessment without partners' : 'assessment with partners');
      }
      for (const event of events) {
        if (event.type === 'MinimumTermBreached') found.push('breach');
        if (event.type === 'PostingEnded' && event.data.minimumTermMet === true) found.push('full-term end');
        if (event.type === 'PostingEnded' && event.data.minimumTermMet === false && event.data.exceptional) found.push('approved early end');
        if (event.type === 'PostingStarted' && event.data.minimumTermEnd === null) found.push('no minimum term');
      }
    }
    return found;
  };

  it('PO-2 PO-3 valid histories cover substantive and acting postings, early and full-term ends, assessments and restructures', () => {
    const enforced = fc.sample(validPostingHistory(), { numRuns: 300, seed: SEED }).flatMap(features);
    const expected = [
      'borough',
      'bcu',
      'substantive start',
      'acting start',
      'acting cover handed over',
      'full-term end',
      'approved early end',
      'no minimum term',
      'assessment with partners',
      'assessment without partners',
      'restructure',
    ];
    for (const feature of expected) expect(enforced, feature).toContain(feature);
    expect(enforced).not.toContain('breach');
    const recorded = fc.sample(validPostingHistory(policyWith({ enforcement: 'record' })), { numRuns: 300, seed: SEED }).flatMap(features);
    expect(recorded).toContain('breach');
  });

  it('PO-1 valid histories keep to one London borough or BCU, and the decider accepts every command again on replay', () => {
    fc.assert(
      fc.property(validPostingHistory(policyWith({ enforcement: 'record' })), (history) => {
        if (history.unit.kind === 'borough') expect(isLondonBorough(history.unit.name)).toBe(true);
        const decider = postingDecider(history.policy);
        let state = decider.initialState;
        for (const step of history.steps) {
          expect(step.command.unit).toEqual(history.unit);
          expect(decider.decide(step.command, state)).toEqual(E.right(step.events));
          state = step.events.reduce(decider.evolve, state);
        }
      }),
      { numRuns: 100 },
    );
  });
});
