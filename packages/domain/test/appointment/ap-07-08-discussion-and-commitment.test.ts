import { describe, it } from 'vitest';
import { policyChangedFrom, policyWith } from '../../src/policy/policy.js';
import {
  ALICE,
  AREA_COMMANDER,
  BOB,
  CAMDEN,
  LEADER,
  LINK_MEMBER,
  MP,
  PROCESS,
  aliceAgreed,
  aliceDiscussed,
  aliceProposed,
  candidateDiscussed,
  candidateInterviewed,
  candidateProposed,
  candidateRecorded,
  commit,
  commitmentGiven,
  d,
  decide,
  descriptionAttached,
  discuss,
  given,
  givenUnder,
  interviewed,
  partnerConsulted,
  policyWithBoroughVersion2,
  proposalAgreed,
  processOpened,
} from './appointment-fixtures.js';

/** A Camden process of 2009, with a description endorsed early in 2008, up to the discussion of Alice. */
const discussed2009 = [
  processOpened('2009-03-02'),
  descriptionAttached(2, '2008-01-15', '2009-03-03'),
  partnerConsulted(LEADER, '2009-03-05'),
  candidateRecorded(ALICE, 'applied', '2009-03-06'),
  candidateInterviewed(ALICE.id, '2009-04-01'),
  candidateProposed(ALICE.id, '2009-04-15'),
  proposalAgreed(ALICE.id, '2009-05-01'),
  candidateDiscussed(ALICE.id, [LEADER], '2009-05-10'),
];
const policy2008 = policyWithBoroughVersion2(d('2008-01-15'));
const confirmed2009 = (at: string) => [
  {
    type: 'AppointmentConfirmed' as const,
    data: {
      processId: PROCESS,
      unit: CAMDEN,
      role: 'borough-commander' as const,
      candidate: ALICE,
      policeAuthorityDecisionBy: 'Kate Mallory',
      mpsDecisionBy: 'Sir Edward Vance',
      oversightBody: 'Metropolitan Police Authority (MPA)',
      partnersInvolved: [LEADER],
      areaCommander: AREA_COMMANDER,
      startDate: d('2009-09-01'),
      at: d(at),
    },
  },
];

describe('AP-7 the chosen candidate is discussed with partners after ACTP agreement and before the final decision', () => {
  it('AP-7 records the discussion of the agreed candidate with partners', () => {
    given(aliceAgreed).when(discuss([LEADER, MP], '2011-04-21')).then([
      { type: 'ChosenCandidateDiscussed', data: { processId: PROCESS, candidateId: ALICE.id, partners: [LEADER, MP], at: d('2011-04-21') } },
    ]);
  });

  it('AP-7 refuses a discussion before the ACTP agreed a candidate', () => {
    given(interviewed).when(discuss([LEADER])).then({ _tag: 'DiscussionBeforeAgreement', rule: 'AP-7' });
    given(aliceProposed).when(discuss([LEADER])).then({ _tag: 'DiscussionBeforeAgreement', rule: 'AP-7' });
  });

  it('AP-7 refuses the final decision before the chosen candidate was discussed', () => {
    given([...aliceAgreed, commitmentGiven(ALICE.id, '2011-04-20')]).when(decide()).then({
      _tag: 'ChosenCandidateNotDiscussed',
      rule: 'AP-7',
      candidateId: ALICE.id,
    });
  });
});

describe('AP-8 from 1 July 2009 the candidate commits to serve three years before the final decision', () => {
  it('AP-8 records the agreed candidate\'s commitment', () => {
    given(aliceDiscussed).when(commit(ALICE.id, '2011-04-23')).then([
      { type: 'ThreeYearCommitmentGiven', data: { processId: PROCESS, candidateId: ALICE.id, at: d('2011-04-23') } },
    ]);
  });

  it('AP-8 refuses a commitment from anyone but the agreed candidate', () => {
    given(aliceAgreed).when(commit(BOB.id)).then({ _tag: 'NotTheAgreedCandidate', rule: 'AP-8', candidateId: BOB.id, agreedCandidateId: ALICE.id });
    given(aliceProposed).when(commit(ALICE.id)).then({ _tag: 'NotTheAgreedCandidate', rule: 'AP-8', agreedCandidateId: null });
  });

  it('AP-8 a commitment given twice is recorded once', () => {
    given([...aliceDiscussed, commitmentGiven(ALICE.id)]).when(commit(ALICE.id, '2011-04-24')).then([]);
  });

  it('AP-8 refuses a final decision on 1 July 2009 without the commitment', () => {
    givenUnder(policy2008)(discussed2009).when(decide('2009-07-01', '2009-09-01')).then({
      _tag: 'ThreeYearCommitmentMissing',
      rule: 'AP-8',
      candidateId: ALICE.id,
      decidedOn: d('2009-07-01'),
      policyVersion: 'london-2009-07-01+roleDescriptions',
    });
  });

  it('AP-8 accepts a final decision on 1 July 2009 with the commitment', () => {
    givenUnder(policy2008)([...discussed2009, commitmentGiven(ALICE.id, '2009-06-20')])
      .when(decide('2009-07-01', '2009-09-01'))
      .then(confirmed2009('2009-07-01'));
  });

  it('AP-8 a final decision on 30 June 2009 needs no commitment', () => {
    givenUnder(policy2008)(discussed2009).when(decide('2009-06-30', '2009-09-01')).then(confirmed2009('2009-06-30'));
  });

  it('AP-8 follows the date of a policy that requires the commitment from another day', () => {
    const from2012 = policyChangedFrom(policyWith({ commitmentRequired: false }), d('2012-01-01'), { commitmentRequired: true }, 'commitment-from-2012');
    givenUnder(from2012)(aliceDiscussed).when(decide('2011-05-02')).then([
      {
        type: 'AppointmentConfirmed',
        data: {
          processId: PROCESS,
          unit: CAMDEN,
          role: 'borough-commander',
          candidate: ALICE,
          policeAuthorityDecisionBy: 'Kate Mallory',
          mpsDecisionBy: 'Sir Edward Vance',
          oversightBody: 'Metropolitan Police Authority (MPA)',
          partnersInvolved: [LEADER, MP, LINK_MEMBER],
          areaCommander: AREA_COMMANDER,
          startDate: d('2011-06-01'),
          at: d('2011-05-02'),
        },
      },
    ]);
    givenUnder(from2012)(aliceDiscussed).when(decide('2012-01-01', '2012-02-01')).then({
      _tag: 'ThreeYearCommitmentMissing',
      rule: 'AP-8',
      policyVersion: 'commitment-from-2012',
    });
    given(aliceDiscussed).when(decide('2011-05-02')).then({ _tag: 'ThreeYearCommitmentMissing', rule: 'AP-8' });
  });

  it('AP-8 a final decision cannot be backdated before 1 July 2009 to do without the commitment', () => {
    const discussedInJuly = [...discussed2009.slice(0, -1), candidateDiscussed(ALICE.id, [LEADER], '2009-07-02')];
    givenUnder(policy2008)(discussedInJuly).when(decide('2009-06-30', '2009-09-01')).then({
      _tag: 'StepBackdated',
      rule: 'AP-9',
      at: d('2009-06-30'),
      lastStepOn: d('2009-07-02'),
    });
  });
});
