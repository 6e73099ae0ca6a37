import { describe, it } from 'vitest';
import {
  ALICE,
  LEADER,
  PROCESS,
  aliceAgreed,
  aliceConfirmed,
  attach,
  consult,
  d,
  decide,
  given,
  interview,
  opened,
  prepared,
  record,
  report,
} from './appointment-fixtures.js';

describe('the steps of a process are recorded in date order, each refused under its own rule when backdated', () => {
  it('AP-3 refuses a consultation dated before the process was opened', () => {
    given(opened).when(consult(LEADER, '2011-02-28')).then({
      _tag: 'StepBackdated',
      rule: 'AP-3',
      processId: PROCESS,
      commandType: 'ConsultPartner',
      at: d('2011-02-28'),
      lastStepOn: d('2011-03-01'),
    });
  });

  it('AP-2 and AP-4 accept a step on the same day as the last one and refuse one the day before', () => {
    given(opened).when(attach(1, '2011-03-01')).then([
      {
        type: 'RoleDescriptionAttached',
        data: { processId: PROCESS, role: 'borough-commander', version: 1, endorsedOn: d('2010-06-17'), at: d('2011-03-01') },
      },
    ]);
    given(prepared).when(record({ ...ALICE, id: 'officer-dan' }, 'applied', '2011-03-19')).then({ _tag: 'StepBackdated', rule: 'AP-4' });
    given(prepared).when(interview(ALICE.id, '2011-03-19')).then({ _tag: 'StepBackdated', rule: 'AP-4' });
  });

  it('AP-9 refuses a final decision dated before the discussion it depends on', () => {
    given(aliceAgreed).when(decide('2011-04-10', '2011-06-01')).then({ _tag: 'StepBackdated', rule: 'AP-9' });
  });

  it('AP-10 refuses an outcome report dated before the final decision', () => {
    given(aliceConfirmed).when(report('2011-05-01')).then({ _tag: 'StepBackdated', rule: 'AP-10', lastStepOn: d('2011-05-02') });
  });
});
