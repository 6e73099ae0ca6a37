import { describe, it } from 'vitest';
import {
  ALICE,
  AREA_COMMANDER,
  BOB,
  CAROL,
  PROCESS,
  candidateInterviewed,
  d,
  given,
  interview,
  interviewed,
  opened,
  prepared,
  record,
} from './appointment-fixtures.js';

describe('AP-4 only a candidate who applied or was shortlisted is interviewed, once per process', () => {
  it('AP-4 records a candidate who applied and one who was shortlisted', () => {
    given(opened).when(record(CAROL, 'applied', '2011-03-20')).then([
      { type: 'CandidateRecorded', data: { processId: PROCESS, candidate: CAROL, route: 'applied', at: d('2011-03-20') } },
    ]);
    given(opened).when(record(CAROL, 'shortlisted', '2011-03-20')).then([
      { type: 'CandidateRecorded', data: { processId: PROCESS, candidate: CAROL, route: 'shortlisted', at: d('2011-03-20') } },
    ]);
  });

  it('AP-4 refuses recording a candidate id a second time in the process', () => {
    given(prepared).when(record({ ...ALICE, name: 'Alice M. Mensah' }, 'shortlisted', '2011-03-25')).then({
      _tag: 'CandidateAlreadyRecorded',
      rule: 'AP-4',
      candidateId: ALICE.id,
    });
  });

  it('AP-4 the area commander interviews a recorded candidate', () => {
    given(prepared).when(interview(BOB.id, '2011-04-06')).then([
      { type: 'CandidateInterviewed', data: { processId: PROCESS, candidateId: BOB.id, interviewedBy: AREA_COMMANDER, at: d('2011-04-06') } },
    ]);
  });

  it('AP-4 refuses interviewing someone who neither applied nor was shortlisted', () => {
    given(prepared).when(interview(CAROL.id)).then({ _tag: 'CandidateNotRecorded', rule: 'AP-4', candidateId: CAROL.id });
  });

  it('AP-4 refuses a second interview of the same candidate', () => {
    given(interviewed).when(interview(ALICE.id, '2011-04-08')).then({
      _tag: 'CandidateAlreadyInterviewed',
      rule: 'AP-4',
      candidateId: ALICE.id,
      interviewedOn: d('2011-04-05'),
    });
    given([...prepared, candidateInterviewed(ALICE.id)]).when(interview(BOB.id, '2011-04-08')).then([
      { type: 'CandidateInterviewed', data: { processId: PROCESS, candidateId: BOB.id, interviewedBy: AREA_COMMANDER, at: d('2011-04-08') } },
    ]);
  });

  it('AP-4 a candidate recorded after the first interviews can still be interviewed', () => {
    given([...interviewed, { type: 'CandidateRecorded', data: { processId: PROCESS, candidate: CAROL, route: 'shortlisted', at: d('2011-04-07') } }])
      .when(interview(CAROL.id, '2011-04-09'))
      .then([
        { type: 'CandidateInterviewed', data: { processId: PROCESS, candidateId: CAROL.id, interviewedBy: AREA_COMMANDER, at: d('2011-04-09') } },
      ]);
  });
});
