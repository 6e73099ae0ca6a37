import { describe, it } from 'vitest';
import type { Partner } from '../../src/shared/vocabulary.js';
import {
  ALICE,
  AREA_COMMANDER,
  CAMDEN,
  CHIEF_EXECUTIVE,
  LEADER,
  LINK_MEMBER,
  MP,
  OTHER_PARTNER,
  PROCESS,
  abandon,
  aliceCommitted,
  aliceConfirmed,
  appointmentConfirmed,
  candidateDiscussed,
  candidateInterviewed,
  candidateProposed,
  candidateRecorded,
  commit,
  commitmentGiven,
  consult,
  d,
  decide,
  descriptionAttached,
  given,
  oneOfEachCommand,
  partnerConsulted,
  proposalAgreed,
  processOpened,
} from './appointment-fixtures.js';

const decidedOn = (at: string, oversightBody: string | null, partnersInvolved: readonly Partner[] = [LEADER, MP, LINK_MEMBER]) => [
  {
    type: 'AppointmentConfirmed' as const,
    data: {
      processId: PROCESS,
      unit: CAMDEN,
      role: 'borough-commander' as const,
      candidate: ALICE,
      policeAuthorityDecisionBy: 'Kate Mallory',
      mpsDecisionBy: 'Sir Edward Vance',
      oversightBody,
      partnersInvolved,
      areaCommander: AREA_COMMANDER,
      startDate: d('2012-03-01'),
      at: d(at),
    },
  },
];

describe('AP-9 the police authority and the MPS take the final decision together, informed by the partners', () => {
  it('AP-9 confirms the agreed, discussed and committed candidate, recording who decided, the MPA, the partners, the area commander and the start', () => {
    given(aliceCommitted).when(decide('2011-05-02', '2011-06-01')).then([appointmentConfirmed([LEADER, MP, LINK_MEMBER], '2011-05-02', '2011-06-01')]);
  });

  it('AP-9 records the MPA as the oversight body on 15 January 2012 and MOPAC from 16 January 2012', () => {
    given(aliceCommitted).when(decide('2012-01-15', '2012-03-01')).then(decidedOn('2012-01-15', 'Metropolitan Police Authority (MPA)'));
    given(aliceCommitted).when(decide('2012-01-16', '2012-03-01')).then(decidedOn('2012-01-16', "Mayor's Office for Policing and Crime (MOPAC)"));
  });

  it('AP-9 lists every partner consulted or in the discussion once, in the order first involved', () => {
    const sameNameOtherKind: Partner = { kind: 'other', name: MP.name };
    const history = [
      processOpened(),
      partnerConsulted(MP, '2011-03-02'),
      descriptionAttached(),
      partnerConsulted(LEADER, '2011-03-08'),
      partnerConsulted(MP, '2011-03-09'),
      partnerConsulted(CHIEF_EXECUTIVE, '2011-03-10'),
      candidateRecorded(ALICE),
      candidateInterviewed(ALICE.id),
      candidateProposed(ALICE.id),
      proposalAgreed(ALICE.id),
      candidateDiscussed(ALICE.id, [LEADER, LINK_MEMBER, sameNameOtherKind]),
      candidateDiscussed(ALICE.id, [OTHER_PARTNER, LINK_MEMBER], '2011-04-22'),
      commitmentGiven(ALICE.id),
    ];
    given(history).when(decide('2012-01-15', '2012-03-01')).then(
      decidedOn('2012-01-15', 'Metropolitan Police Authority (MPA)', [MP, LEADER, CHIEF_EXECUTIVE, LINK_MEMBER, sameNameOtherKind, OTHER_PARTNER]),
    );
  });

  it('AP-9 refuses a start date before the decision date, and accepts a start on the day', () => {
    given(aliceCommitted).when(decide('2011-05-02', '2011-05-01')).then({
      _tag: 'StartBeforeDecision',
      rule: 'AP-9',
      startDate: d('2011-05-01'),
      decidedOn: d('2011-05-02'),
    });
    given(aliceCommitted).when(decide('2011-05-02', '2011-05-02')).then([appointmentConfirmed([LEADER, MP, LINK_MEMBER], '2011-05-02', '2011-05-02')]);
  });

  it('AP-9 after the final decision nothing but the outcome report is accepted', () => {
    for (const command of oneOfEachCommand()) {
      if (command.type === 'ReportOutcome' || command.type === 'OpenAppointmentProcess') continue;
      const later = { ...command, at: d('2011-05-03') };
      const expected = command.type === 'AbandonAppointmentProcess' ? { rule: 'AP-11' as const } : { _tag: 'FinalDecisionAlreadyTaken' as const, rule: 'AP-9' as const, commandType: command.type };
      given(aliceConfirmed).when(later).then(expected);
    }
    given(aliceConfirmed).when(consult(LEADER, '2011-05-03')).then({ _tag: 'FinalDecisionAlreadyTaken', rule: 'AP-9', decidedOn: d('2011-05-02') });
    given(aliceConfirmed).when(decide('2011-05-03', '2011-06-01')).then({ _tag: 'FinalDecisionAlreadyTaken', rule: 'AP-9' });
    given(aliceConfirmed).when(commit(ALICE.id, '2011-05-03')).then({ _tag: 'FinalDecisionAlreadyTaken', rule: 'AP-9' });
    given(aliceConfirmed).when(abandon('changed our minds', '2011-05-03')).then({ _tag: 'TooLateToAbandon', rule: 'AP-11' });
  });
});
