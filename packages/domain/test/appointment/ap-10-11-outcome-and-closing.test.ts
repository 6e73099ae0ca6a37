import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { foldEvents } from '../../src/eventsourcing/decider.js';
import {
  abandon,
  abandoned,
  aliceAgreed,
  aliceConfirmed,
  aliceDiscussed,
  completed,
  d,
  decider,
  given,
  interviewed,
  oneOfEachCommand,
  opened,
  prepared,
  PROCESS,
  report,
} from './appointment-fixtures.js';

describe('AP-10 the outcome is reported to the Director HR; only then is the process complete', () => {
  it('AP-10 reports the outcome after the final decision, which completes the process', () => {
    given(aliceConfirmed).when(report('2011-05-04')).then([
      { type: 'OutcomeReported', data: { processId: PROCESS, directorHr: 'Martin Tate', at: d('2011-05-04') } },
    ]);
    expect(decider.isTerminal(foldEvents(decider, aliceConfirmed))).toBe(false);
    expect(decider.isTerminal(foldEvents(decider, completed))).toBe(true);
  });

  it('AP-10 refuses reporting an outcome before the final decision', () => {
    for (const history of [opened, prepared, aliceAgreed, aliceDiscussed]) {
      given(history).when(report()).then({ _tag: 'FinalDecisionNotTaken', rule: 'AP-10', processId: PROCESS });
    }
  });
});

describe('AP-11 a process may be abandoned before the final decision; a closed process accepts nothing', () => {
  it('AP-11 abandons a process at any point before the final decision, with a reason', () => {
    for (const history of [opened, prepared, interviewed, aliceAgreed, aliceDiscussed]) {
      given(history).when(abandon('the borough joins a BCU', '2011-05-03')).then([
        { type: 'AppointmentProcessAbandoned', data: { processId: PROCESS, reason: 'the borough joins a BCU', at: d('2011-05-03') } },
      ]);
    }
  });

  it('AP-11 refuses abandoning after the final decision', () => {
    given(aliceConfirmed).when(abandon('too late', '2011-05-03')).then({ _tag: 'TooLateToAbandon', rule: 'AP-11', decidedOn: d('2011-05-02') });
  });

  it('AP-11 an abandoned process refuses every command', () => {
    for (const command of oneOfEachCommand()) {
      given(abandoned).when({ ...command, at: d('2011-06-01') }).then({
        _tag: 'ProcessClosed',
        rule: 'AP-11',
        status: 'abandoned',
        commandType: command.type,
      });
    }
    expect(decider.isTerminal(foldEvents(decider, abandoned))).toBe(true);
  });

  it('AP-11 a completed process refuses every command', () => {
    for (const command of oneOfEachCommand()) {
      given(completed).when({ ...command, at: d('2011-06-01') }).then({ _tag: 'ProcessClosed', rule: 'AP-11', status: 'completed' });
    }
  });

  it('AP-11 an open process is not terminal', () => {
    for (const history of [[], opened, aliceAgreed]) {
      expect(decider.isTerminal(foldEvents(decider, history))).toBe(false);
    }
    expect(E.isRight(decider.decide(abandon('x'), foldEvents(decider, opened)))).toBe(true);
  });
});
