import { describe, expect, it } from 'vitest';
import { addDays, defaultPolicy, domainEventRegistry, isoDate, policyWith, postingDecider, ruleIds, type Policy } from '@borough-command/domain';
import { checkDeciderLaws, deciderLaws, postingCommandArbitrary, validPostingHistory, type PostingHistory } from '@borough-command/testing';

const NUM_RUNS = 80;

/** Commands for the history's unit, naming its postings and officers (and a new one), dated around its steps. */
const commandsNear = (history: PostingHistory) => {
  const started = history.commands.flatMap((command) => (command.type === 'StartPosting' ? [command] : []));
  const first = history.commands[0]?.at ?? isoDate('2000-01-01');
  const last = history.commands.at(-1)?.at ?? first;
  return postingCommandArbitrary({
    unit: history.unit,
    postingIds: [...started.map((command) => command.postingId), 'posting-new'],
    officers: [...started.map((command) => command.officer), { id: 'officer-new', name: 'Grace Liu', rank: 'chief-superintendent' }],
    from: addDays(first, -30),
    to: addDays(last, 4 * 365),
  });
};

const checkUnder = (policy: Policy) =>
  checkDeciderLaws({
    decider: postingDecider(policy),
    histories: validPostingHistory(policy),
    commands: commandsNear,
    codecs: domainEventRegistry,
    ruleIds,
    numRuns: NUM_RUNS,
  });

describe('posting decider laws', () => {
  it('posting decider satisfies the decider laws', () => {
    const report = checkUnder(defaultPolicy);
    expect(report.laws).toEqual(Object.keys(deciderLaws));
    expect(report.accepted).toBeGreaterThan(0);
    expect(report.rejected).toBeGreaterThan(0);
  });

  it('posting decider satisfies the decider laws when breaches of the minimum term are recorded, not refused', () => {
    const report = checkUnder(policyWith({ enforcement: 'record' }));
    expect(report.accepted).toBeGreaterThan(0);
    expect(report.rejected).toBeGreaterThan(0);
  });

  it('law: a unit\'s posting stream is never terminal, so every history stays open to commands (ADR 0005)', () => {
    const report = checkUnder(defaultPolicy);
    expect(report.terminalStates).toBe(0);
    // Not vacuous in the other direction: commands after a history are still accepted.
    expect(report.accepted).toBeGreaterThan(0);
  });
});
