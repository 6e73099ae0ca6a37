import { describe, expect, it } from 'vitest';
import { defaultPolicy, domainEventRegistry, restructureDecider, ruleIds } from '@borough-command/domain';
import {
  checkDeciderLaws,
  deciderLaws,
  restructureCommandArbitrary,
  validRestructureHistory,
  type ValidRestructureHistory,
} from '@borough-command/testing';
import { defaultRestructureVocabulary } from '@borough-command/testing/arbitraries';

const NUM_RUNS = 40;

/** Commands for the history's force, naming its programmes, BCUs, boroughs, stations and officers (and a few others). */
const commandsNear = (history: ValidRestructureHistory) => {
  const bcus = history.withdrawn === undefined ? history.bcus : [...history.bcus, history.withdrawn];
  const boroughs = bcus.flatMap((bcu) => bcu.boroughs);
  return restructureCommandArbitrary({
    restructureIds: [history.restructureId, 'elsewhere'],
    programmeIds: [...defaultRestructureVocabulary.programmeIds, 'third-wave'],
    bcuNames: [...bcus.map((bcu) => bcu.name), 'Unproposed BCU'],
    boroughs: [...boroughs, 'Camden', 'City of London'],
    stations: history.bcus.flatMap((bcu) => bcu.stations.flatMap((station) => station.names)).concat('Nowhere station'),
    officerIds: history.bcus.flatMap((bcu) => [bcu.commander.id, ...bcu.superintendents.map((superintendent) => superintendent.officer.id)]).concat('o1'),
  });
};

const check = (numRuns: number) =>
  checkDeciderLaws({
    decider: restructureDecider(defaultPolicy),
    histories: validRestructureHistory(defaultPolicy),
    commands: commandsNear,
    codecs: domainEventRegistry,
    ruleIds,
    numRuns,
  });

describe('restructure decider laws', () => {
  it('restructure decider satisfies the decider laws', () => {
    const report = check(NUM_RUNS);
    expect(report.laws).toEqual(Object.keys(deciderLaws));
    expect(report.accepted).toBeGreaterThan(0);
    expect(report.rejected).toBeGreaterThan(0);
  });

  it("law: a force's restructure stream is never terminal, so every history stays open to commands (ADR 0005)", () => {
    const report = check(15);
    expect(report.terminalStates).toBe(0);
    expect(report.accepted).toBeGreaterThan(0);
  });
});
