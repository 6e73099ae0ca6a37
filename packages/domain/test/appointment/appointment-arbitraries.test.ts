import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { appointmentCommandArbitrary, appointmentEventArbitrary, validAppointmentHistory } from '@borough-command/testing';
import { appointmentStages } from '@borough-command/testing/arbitraries';
import { appointmentCommandCodecs } from '../../src/appointment/appointment-commands.js';
import { appointmentDecider } from '../../src/appointment/appointment-decider.js';
import { appointmentEventDefinitions } from '../../src/appointment/appointment-events.js';
import { createRegistry } from '../../src/eventsourcing/codec-registry.js';
import { defaultPolicy } from '../../src/policy/policy.js';
import { foldEvents } from '../../src/eventsourcing/decider.js';

const registry = createRegistry(appointmentEventDefinitions);
const codecOf = new Map(appointmentCommandCodecs.map((codec) => [codec.name, codec]));

describe('appointment arbitraries', () => {
  it('generate commands that satisfy their io-ts codecs', () => {
    fc.assert(
      fc.property(appointmentCommandArbitrary(), (command) => {
        expect(codecOf.get(command.type)?.is(command)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('generate events the codec registry encodes', () => {
    fc.assert(
      fc.property(appointmentEventArbitrary, (event) => {
        expect(E.isRight(registry.encode(event, { stream: 'appointment-test', revision: undefined }))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('validAppointmentHistory gives commands the decider accepts one by one, with the events they record', () => {
    fc.assert(
      fc.property(validAppointmentHistory(), (history) => {
        const decider = appointmentDecider(defaultPolicy);
        let state = decider.initialState;
        const events = [];
        for (const command of history.commands) {
          expect(codecOf.get(command.type)?.is(command)).toBe(true);
          const decision = decider.decide(command, state);
          if (E.isLeft(decision)) return expect.fail(decision.left.message);
          events.push(...decision.right);
          state = decision.right.reduce(decider.evolve, state);
        }
        expect(events).toEqual(history.events);
        expect(foldEvents(decider, history.events)).toEqual(state);
      }),
      { numRuns: 100 },
    );
  });

  it('validAppointmentHistory follows the process to every stage, and abandons some', () => {
    const samples = fc.sample(validAppointmentHistory(), { numRuns: 600, seed: 20110502 });
    const reached = new Set(samples.map((history) => history.stage));
    expect([...reached].sort()).toEqual([...appointmentStages].sort());
    expect(samples.some((history) => history.abandoned)).toBe(true);
    expect(samples.some((history) => history.events.at(-1)?.type === 'OutcomeReported')).toBe(true);
  });
});
