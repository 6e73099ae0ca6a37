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
  givenUnder,
  interview,
  opened,
  partnerConsulted,
  processOpened,
} from './appointment-fixtures.js';
import { policyWith } from '../../src/policy/policy.js';

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

  it('AP-3 refuses the first interview until the local authority, an MP and the link member were consulted (seed 001), naming who was and which kinds are missing', () => {
    given(readyButForPartners).when(interview(ALICE.id)).then({
      _tag: 'PartnersNotConsulted',
      rule: 'AP-3',
      candidateId: ALICE.id,
      consulted: [],
      missing: ['local-authority', 'mp', 'link-member'],
      policyVersion: 'london-2010-06-17',
    });
    given([...readyButForPartners, partnerConsulted(MP), partnerConsulted(LINK_MEMBER), partnerConsulted(OTHER_PARTNER)])
      .when(interview(ALICE.id))
      .then({ _tag: 'PartnersNotConsulted', rule: 'AP-3', consulted: [MP, LINK_MEMBER, OTHER_PARTNER], missing: ['local-authority'] });
    given([...readyButForPartners, partnerConsulted(LEADER), partnerConsulted(MP)])
      .when(interview(ALICE.id))
      .then({ _tag: 'PartnersNotConsulted', rule: 'AP-3', missing: ['link-member'] });
    given([...readyButForPartners, partnerConsulted(LEADER), partnerConsulted(LINK_MEMBER)])
      .when(interview(ALICE.id))
      .then({ _tag: 'PartnersNotConsulted', rule: 'AP-3', missing: ['mp'] });
  });

  it('AP-3 lists each partner consulted once, however often they were consulted', () => {
    given([...readyButForPartners, partnerConsulted(MP), partnerConsulted(MP, '2011-03-18')])
      .when(interview(ALICE.id))
      .then({ _tag: 'PartnersNotConsulted', rule: 'AP-3', consulted: [MP] });
  });

  it("AP-3 accepts the interview once the local authority's leader, an MP and the link member were consulted", () => {
    given([...readyButForPartners, partnerConsulted(MP), partnerConsulted(LEADER), partnerConsulted(LINK_MEMBER)])
      .when(interview(ALICE.id))
      .then(interviewOfAlice);
  });

  it("AP-3 accepts the local authority's chief executive for the local authority", () => {
    given([...readyButForPartners, partnerConsulted(CHIEF_EXECUTIVE), partnerConsulted(MP), partnerConsulted(LINK_MEMBER)])
      .when(interview(ALICE.id))
      .then(interviewOfAlice);
  });

  it('AP-3 requires the kinds of the policy version in force on the interview: no link member once MOPAC replaced the MPA', () => {
    const in2012 = [
      processOpened('2012-02-01'),
      descriptionAttached(1, '2010-06-17', '2012-02-02'),
      candidateRecorded(ALICE, 'applied', '2012-02-03'),
      partnerConsulted(LEADER, '2012-02-04'),
      partnerConsulted(MP, '2012-02-05'),
    ];
    given(in2012)
      .when(interview(ALICE.id, '2012-02-10'))
      .then([{ type: 'CandidateInterviewed', data: { processId: PROCESS, candidateId: ALICE.id, interviewedBy: AREA_COMMANDER, at: d('2012-02-10') } }]);
    given(in2012.slice(0, 4))
      .when(interview(ALICE.id, '2012-02-10'))
      .then({ _tag: 'PartnersNotConsulted', rule: 'AP-3', missing: ['mp'], policyVersion: 'london-2012-01-16' });
  });

  it('AP-3 the required kinds are a policy value: a policy that asks for the local authority only accepts it alone', () => {
    givenUnder(policyWith({ requiredPartners: ['local-authority'] }))([...readyButForPartners, partnerConsulted(LEADER)])
      .when(interview(ALICE.id))
      .then(interviewOfAlice);
  });
});
