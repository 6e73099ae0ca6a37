import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, appointmentDecider, defaultPolicy, domainEventRegistry, isoDate, ruleIds } from '@borough-command/domain';
import {
  appointmentCommandArbitrary,
  checkDeciderLaws,
  deciderLaws,
  validAppointmentHistory,
  type AppointmentHistory,
} from '@borough-command/testing';
import { appointmentDateBetween } from '@borough-command/testing/arbitraries';

const decider = appointmentDecider(defaultPolicy);
const NUM_RUNS = 60;

/** Commands that meet a history: mostly its own process, its candidates or a stranger, dated around its steps. */
const commandsNear = (history: AppointmentHistory) => {
  const processId = history.commands[0]?.processId ?? 'process-none';
  const first = history.commands[0]?.at ?? isoDate('2005-01-01');
  const last = history.commands.at(-1)?.at ?? first;
  const candidateIds = ['officer-stranger', ...history.commands.flatMap((command) => (command.type === 'RecordCandidate' ? [command.candidate.id] : []))];
  return appointmentCommandArbitrary({
    processId: fc.oneof({ arbitrary: fc.constant(processId), weight: 4 }, { arbitrary: fc.constant('process-elsewhere'), weight: 1 }),
    candidateId: fc.constantFrom(...candidateIds),
    at: appointmentDateBetween(addDays(first, -10), addDays(last, 90)),
  });
};

const isClosed = (history: AppointmentHistory): boolean => history.stage === 'completed' || history.abandoned;

describe('appointment decider laws', () => {
  it('appointment decider satisfies the decider laws', () => {
    const report = checkDeciderLaws({
      decider,
      histories: validAppointmentHistory(defaultPolicy),
      commands: commandsNear,
      codecs: domainEventRegistry,
      ruleIds,
      numRuns: NUM_RUNS,
    });
    expect(report.laws).toEqual(Object.keys(deciderLaws));
    // Both sides of the rule-ID check, and the terminal law, were exercised.
    expect(report.accepted).toBeGreaterThan(0);
    expect(report.rejected).toBeGreaterThan(0);
    expect(report.terminalStates).toBeGreaterThan(0);
  });

  it('law: a completed or abandoned appointment rejects every command', () => {
    const report = checkDeciderLaws({
      decider,
      histories: validAppointmentHistory(defaultPolicy).filter(isClosed),
      commands: commandsNear,
      codecs: domainEventRegistry,
      ruleIds,
      numRuns: 40,
      commandsPerCase: 5,
    });
    // Every closed history folds to a terminal state, so the law held for every case, not vacuously.
    expect(report.terminalStates).toBe(40);
  });

  it('law: an appointment still open or confirmed is not terminal', () => {
    const open = validAppointmentHistory(defaultPolicy).filter((history) => !isClosed(history));
    const report = checkDeciderLaws({ decider, histories: open, commands: commandsNear, codecs: domainEventRegistry, ruleIds, numRuns: 30 });
    expect(report.terminalStates).toBe(0);
  });
});
