import fc from 'fast-check';
import { appointmentDecider, domainEventRegistry, policyWith, postingDecider, restructureDecider, ruleIds } from '@borough-command/domain';
import {
  appointmentCommandArbitrary,
  checkDeciderLaws,
  postingCommandArbitrary,
  restructureCommandArbitrary,
  validAppointmentHistory,
  validPostingHistory,
  validRestructureHistory,
} from '@borough-command/testing';
import { describe, expect, it } from 'vitest';

// The service runs the library under its own policy (early ends recorded as breaches): the laws must hold under it too.
const policy = policyWith({ enforcement: 'record' });

describe('the library\'s deciders keep the decider laws under the service\'s policy', () => {
  it('the appointment decider keeps the decider laws', () => {
    const report = checkDeciderLaws({
      decider: appointmentDecider(policy),
      histories: validAppointmentHistory(policy),
      commands: (history) => appointmentCommandArbitrary({ processId: fc.constant(history.commands[0]?.processId ?? 'process') }),
      codecs: domainEventRegistry,
      ruleIds,
      numRuns: 30,
    });
    expect(report.rejected).toBeGreaterThan(0);
  });

  it('the posting decider keeps the decider laws', () => {
    const report = checkDeciderLaws({
      decider: postingDecider(policy),
      histories: validPostingHistory(policy),
      commands: (history) => postingCommandArbitrary({ unit: history.unit }),
      codecs: domainEventRegistry,
      ruleIds,
      numRuns: 30,
    });
    expect(report.accepted).toBeGreaterThan(0);
  });

  it('the restructure decider keeps the decider laws', () => {
    const report = checkDeciderLaws({
      decider: restructureDecider(policy),
      histories: validRestructureHistory(policy),
      commands: restructureCommandArbitrary(),
      codecs: domainEventRegistry,
      ruleIds,
      numRuns: 20,
    });
    expect(report.laws).toContain('eventsValid');
  });
});
