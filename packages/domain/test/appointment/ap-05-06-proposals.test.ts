import { describe, it } from 'vitest';
import {
  ACTP,
  ALICE,
  AREA_COMMANDER,
  BOB,
  CAROL,
  PROCESS,
  agree,
  aliceAgreed,
  aliceProposed,
  candidateInterviewed,
  candidateProposed,
  candidateRecorded,
  d,
  decide,
  decline,
  given,
  interviewed,
  prepared,
  proposalDeclined,
  propose,
} from './appointment-fixtures.js';

const aliceDeclined = [...aliceProposed, proposalDeclined(ALICE.id, 'needs more partnership experience')];

describe('AP-5 the area commander proposes one interviewed candidate to the ACTP at a time', () => {
  it('AP-5 proposes an interviewed candidate to the ACTP', () => {
    given(interviewed).when(propose(ALICE.id, '2011-04-12')).then([
      { type: 'PreferredCandidateProposed', data: { processId: PROCESS, candidateId: ALICE.id, proposedBy: AREA_COMMANDER, at: d('2011-04-12') } },
    ]);
  });

  it('AP-5 refuses proposing a candidate who was recorded but not interviewed', () => {
    given([...prepared, candidateInterviewed(ALICE.id)]).when(propose(BOB.id)).then({
      _tag: 'CandidateNotInterviewed',
      rule: 'AP-5',
      candidateId: BOB.id,
    });
  });

  it('AP-5 refuses proposing someone who is not a candidate at all (AP-4: never recorded)', () => {
    given(interviewed).when(propose(CAROL.id)).then({ _tag: 'CandidateNotRecorded', rule: 'AP-4', candidateId: CAROL.id });
  });

  it('AP-5 refuses a second proposal while one is pending', () => {
    given(aliceProposed).when(propose(BOB.id, '2011-04-13')).then({
      _tag: 'ProposalAlreadyPending',
      rule: 'AP-5',
      pendingCandidateId: ALICE.id,
      candidateId: BOB.id,
    });
  });

  it('AP-5 an agreed proposal ends proposing', () => {
    given(aliceAgreed).when(propose(BOB.id, '2011-04-17')).then({
      _tag: 'ProposalAlreadyAgreed',
      rule: 'AP-5',
      agreedCandidateId: ALICE.id,
      candidateId: BOB.id,
    });
  });
});

describe('AP-6 the ACTP agrees or declines the proposal', () => {
  it('AP-6 the ACTP agrees the pending proposal', () => {
    given(aliceProposed).when(agree('2011-04-16')).then([
      { type: 'ProposalAgreed', data: { processId: PROCESS, candidateId: ALICE.id, agreedBy: ACTP, at: d('2011-04-16') } },
    ]);
  });

  it('AP-6 the ACTP declines the pending proposal with a reason', () => {
    given(aliceProposed).when(decline('needs more partnership experience', '2011-04-16')).then([
      {
        type: 'ProposalDeclined',
        data: { processId: PROCESS, candidateId: ALICE.id, declinedBy: ACTP, reason: 'needs more partnership experience', at: d('2011-04-16') },
      },
    ]);
  });

  it('AP-6 refuses agreeing or declining when nothing is proposed', () => {
    given(interviewed).when(agree()).then({ _tag: 'NoPendingProposal', rule: 'AP-6', commandType: 'AgreeProposal' });
    given(interviewed).when(decline('no')).then({ _tag: 'NoPendingProposal', rule: 'AP-6', commandType: 'DeclineProposal' });
    given(aliceDeclined).when(agree('2011-04-17')).then({ _tag: 'NoPendingProposal', rule: 'AP-6' });
    given(aliceAgreed).when(agree('2011-04-17')).then({ _tag: 'NoPendingProposal', rule: 'AP-6' });
  });

  it('AP-6 after a decline another interviewed candidate may be proposed', () => {
    given(aliceDeclined).when(propose(BOB.id, '2011-04-18')).then([
      { type: 'PreferredCandidateProposed', data: { processId: PROCESS, candidateId: BOB.id, proposedBy: AREA_COMMANDER, at: d('2011-04-18') } },
    ]);
  });

  it('AP-6 a declined candidate cannot be proposed again in the process', () => {
    given(aliceDeclined).when(propose(ALICE.id, '2011-04-18')).then({ _tag: 'CandidateAlreadyDeclined', rule: 'AP-6', candidateId: ALICE.id });
  });

  it('AP-6 after two declines the third interviewed candidate is agreed', () => {
    const history = [
      ...interviewed,
      candidateRecorded(CAROL, 'applied', '2011-04-07'),
      candidateInterviewed(CAROL.id, '2011-04-08'),
      candidateProposed(ALICE.id),
      proposalDeclined(ALICE.id, 'not yet'),
      candidateProposed(BOB.id, '2011-04-17'),
      proposalDeclined(BOB.id, 'not yet', '2011-04-18'),
      candidateProposed(CAROL.id, '2011-04-19'),
    ];
    given(history).when(agree('2011-04-20')).then([
      { type: 'ProposalAgreed', data: { processId: PROCESS, candidateId: CAROL.id, agreedBy: ACTP, at: d('2011-04-20') } },
    ]);
  });

  it('AP-6 refuses the final decision before the ACTP agreed a candidate', () => {
    given(aliceProposed).when(decide()).then({ _tag: 'NoAgreedCandidate', rule: 'AP-6' });
    given(aliceDeclined).when(decide()).then({ _tag: 'NoAgreedCandidate', rule: 'AP-6' });
  });
});
