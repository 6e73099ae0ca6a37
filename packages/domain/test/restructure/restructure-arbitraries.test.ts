import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { createRegistry } from '../../src/eventsourcing/codec-registry.js';
import { defaultPolicy, policyWith } from '../../src/policy/policy.js';
import { liveBcus, proposedBcus } from '../../src/restructure/restructure-queries.js';
import { restructureCommandCodecs, type RestructureCommand } from '../../src/restructure/restructure-commands.js';
import { restructureDecider } from '../../src/restructure/restructure-decider.js';
import { restructureEventDefinitions, type RestructureEvent } from '../../src/restructure/restructure-events.js';
import { foldEvents } from '../../src/eventsourcing/decider.js';
import { restructureCommandArbitrary, restructureEventArbitrary, validRestructureHistory } from '@borough-command/testing';

const registry = createRegistry(restructureEventDefinitions);
const where = { stream: 'restructure-test', revision: undefined };

const eventRoundTrips = (event: RestructureEvent): boolean => {
  const stored = registry.encode(event, where);
  if (E.isLeft(stored)) return false;
  const decoded = registry.decode(JSON.parse(JSON.stringify(stored.right)) as typeof stored.right, where);
  return E.isRight(decoded) && JSON.stringify(decoded.right) === JSON.stringify(event);
};

const commandDecodes = (command: RestructureCommand): boolean => {
  const codec = restructureCommandCodecs.find((candidate) => candidate.name === command.type);
  if (codec === undefined) return false;
  const decoded: E.Either<unknown, unknown> = codec.decode(JSON.parse(JSON.stringify(command)));
  return E.isRight(decoded);
};

describe('restructure arbitraries', () => {
  it('every generated restructure command satisfies its codec', () => {
    fc.assert(fc.property(restructureCommandArbitrary(), (command) => commandDecodes(command)), { numRuns: 300 });
  });

  it('every generated restructure event satisfies its codec and survives a JSON round trip', () => {
    fc.assert(fc.property(restructureEventArbitrary(), (event) => eventRoundTrips(event)), { numRuns: 300 });
  });

  it('RS-1 to RS-9 a valid history is accepted in full and leads to the BCUs it planned', () => {
    fc.assert(
      fc.property(validRestructureHistory(), (history) => {
        const decider = restructureDecider(defaultPolicy);
        let state = decider.initialState;
        for (const command of history.commands) {
          const decision = decider.decide(command, state);
          expect(decision).toSatisfy(E.isRight);
          if (E.isRight(decision)) state = decision.right.reduce(decider.evolve, state);
        }
        expect(foldEvents(decider, history.events)).toEqual(state);
        const stillLive = history.bcus.filter((bcu) => !bcu.dissolved).map((bcu) => bcu.name);
        expect(liveBcus(state).map((bcu) => bcu.name)).toEqual(stillLive);
        expect(proposedBcus(state)).toEqual([]);
        if (history.withdrawn !== undefined) expect(state.bcus.get(history.withdrawn.name)?.status).toBe('withdrawn');
        expect(history.events.filter((event) => event.type === 'BcuWentLive')).toHaveLength(history.bcus.length);
        expect(history.events.filter((event) => event.type === 'BcuDissolved')).toHaveLength(history.bcus.filter((bcu) => bcu.dissolved).length);
      }),
      { numRuns: 60 },
    );
  });

  it('the events the decider records for a valid history all satisfy their codecs', () => {
    fc.assert(fc.property(validRestructureHistory(), (history) => history.events.every(eventRoundTrips)), { numRuns: 40 });
  });

  it('every command of a valid history satisfies its codec', () => {
    fc.assert(fc.property(validRestructureHistory(), (history) => history.commands.every(commandDecodes)), { numRuns: 40 });
  });

  it('valid histories follow the policy they are made for', () => {
    // RS-5: two superintendents in a pathfinder are enough only where two functions are core.
    const policy = policyWith({ minimumDedicatedWardOfficers: 3, superintendentsPerBcu: 2, coreFunctions: ['neighbourhoods', 'response'] });
    fc.assert(
      fc.property(validRestructureHistory(policy), (history) => {
        const allocations = history.events.flatMap((event) => (event.type === 'DedicatedWardOfficersAllocated' ? [event.data] : []));
        expect(allocations.every((allocation) => allocation.officersPerWard >= 3)).toBe(true);
        const pathfinders = history.bcus.filter((bcu) => bcu.pathfinder);
        expect(pathfinders.every((bcu) => bcu.superintendents.length <= 2)).toBe(true);
      }),
      { numRuns: 30 },
    );
  });
});
