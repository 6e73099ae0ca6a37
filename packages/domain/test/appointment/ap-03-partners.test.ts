import { describe, it } from 'vitest';
import {
  ALICE,
  AREA_COMMANDER,
  CHIEF_EXECUTIVE,
  LEADER,
  LINK_MEMBER,
  MP,
  OTHER_PARTNER,
  PROCESS,
  candidateRecorded,
  consult,
  d,
  descriptionAttached,
  given,
  interview,
  opened,
  partnerConsulted,
} from './appointment-fixtures.js';

const readyButForPartners = [...opened, descriptionAttached(), candidateRecorded(ALICE)];
const interviewOfAlice = [
  { type: 'CandidateInterviewed', data: { processId: PROCESS, candidateId: ALICE.id, interviewedBy: AREA_COMMANDER, at: d('2011-04-05') } },
] as const;

describe('AP-3 the area commander liaises with partners about the skills required', () => {
  it('AP-3 records the MPs, the link member and other partners when they are consulted', () => {
    for (const partner of [MP, LINK_MEMBER, OTHER_PARTNER, LEADER, CHIEF_EXECUTIVE]) {
      given(opened).when(consult(partner, '2011-03-10')).then([
        { type: 'PartnerConsulted', data: { processId: PROCESS, partner, at: d('2011-03-10') } },
      ]);
    }
  });

  it('AP-3 refuses an interview before the local authority was consulted, listing who was consulted so far', () => {
    given(readyButForPartners).when(interview(ALICE.id)).then({
      _tag: 'PartnersNotConsulted',
      rule: 'AP-3',
      candidateId: ALICE.id,
      consulted: [],
    });
    given([...readyButForPartners, partnerConsulted(MP), partnerConsulted(LINK_MEMBER), partnerConsulted(OTHER_PARTNER)])
      .when(interview(ALICE.id))
      .then({ _tag: 'PartnersNotConsulted', rule: 'AP-3', consulted: [MP, LINK_MEMBER, OTHER_PARTNER] });
  });

  it('AP-3 lists each partner consulted once, however often they were consulted', () => {
    given([...readyButForPartners, partnerConsulted(MP), partnerConsulted(MP, '2011-03-18')])
      .when(interview(ALICE.id))
      .then({ _tag: 'PartnersNotConsulted', rule: 'AP-3', consulted: [MP] });
  });

  it("AP-3 accepts the interview once the local authority's leader was consulted", () => {
    given([...readyButForPartners, partnerConsulted(MP), partnerConsulted(LEADER)]).when(interview(ALICE.id)).then(interviewOfAlice);
  });

  it("AP-3 accepts the interview once the local authority's chief executive was consulted", () => {
    given([...readyButForPartners, partnerConsulted(CHIEF_EXECUTIVE)]).when(interview(ALICE.id)).then(interviewOfAlice);
  });
});
