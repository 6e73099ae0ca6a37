import { describe, it } from 'vitest';
import { bcuCommanderRoleDescription, defaultRoleDescriptions, linkBoroughCommanderRoleDescription } from '../../src/reference/role-descriptions.js';
import { policyWith } from '../../src/policy/policy.js';
import {
  ALICE,
  AREA_COMMANDER,
  BOB,
  CENTRAL_NORTH,
  LEADER,
  LINK_MEMBER,
  MP,
  PROCESS,
  attach,
  candidateRecorded,
  d,
  descriptionAttached,
  given,
  givenUnder,
  interview,
  interviewed,
  opened,
  partnerConsulted,
  policyWithBoroughVersion2,
  prepared,
  processOpened,
} from './appointment-fixtures.js';

describe('AP-2 the endorsed role description is attached before any candidate is assessed', () => {
  it('AP-2 attaches the endorsed borough commander description of 17 June 2010, by version', () => {
    given(opened).when(attach(1, '2011-03-07')).then([
      {
        type: 'RoleDescriptionAttached',
        data: { processId: PROCESS, role: 'borough-commander', version: 1, endorsedOn: d('2010-06-17'), at: d('2011-03-07') },
      },
    ]);
  });

  it('AP-2 refuses a description on a day before it was endorsed, and accepts it on the day itself', () => {
    const early = [processOpened('2010-05-01')];
    given(early).when(attach(1, '2010-06-16')).then({
      _tag: 'RoleDescriptionNotEndorsed',
      rule: 'AP-2',
      version: 1,
      endorsedOn: d('2010-06-17'),
      at: d('2010-06-16'),
    });
    given(early).when(attach(1, '2010-06-17')).then([
      {
        type: 'RoleDescriptionAttached',
        data: { processId: PROCESS, role: 'borough-commander', version: 1, endorsedOn: d('2010-06-17'), at: d('2010-06-17') },
      },
    ]);
  });

  it('AP-2 refuses a version the policy does not hold', () => {
    given(opened).when(attach(2)).then({ _tag: 'RoleDescriptionNotFound', rule: 'AP-2', role: 'borough-commander', version: 2 });
  });

  it('AP-2 refuses the link borough commander description shipped unendorsed, until a policy endorses a version', () => {
    const linkOpened = [processOpened('2011-03-01', 'link-borough-commander')];
    given(linkOpened).when(attach(1)).then({
      _tag: 'RoleDescriptionNotEndorsed',
      rule: 'AP-2',
      role: 'link-borough-commander',
      version: 1,
      endorsedOn: null,
    });
    const endorsed = policyWith({
      roleDescriptions: [
        ...defaultRoleDescriptions,
        { ...linkBoroughCommanderRoleDescription, version: 2, endorsedOn: d('2011-01-10'), endorsedBy: 'MPA' },
      ],
    });
    givenUnder(endorsed)(linkOpened).when(attach(2)).then([
      {
        type: 'RoleDescriptionAttached',
        data: { processId: PROCESS, role: 'link-borough-commander', version: 2, endorsedOn: d('2011-01-10'), at: d('2011-03-07') },
      },
    ]);
  });

  it('AP-2 refuses the BCU commander description shipped unendorsed, until a policy endorses a version', () => {
    const bcuOpened = [
      {
        type: 'AppointmentProcessOpened' as const,
        data: { processId: PROCESS, unit: CENTRAL_NORTH, role: 'bcu-commander' as const, areaCommander: AREA_COMMANDER, at: d('2016-11-18') },
      },
    ];
    given(bcuOpened).when(attach(1, '2016-12-01')).then({ _tag: 'RoleDescriptionNotEndorsed', rule: 'AP-2', role: 'bcu-commander', endorsedOn: null });
    const endorsed = policyWith({
      roleDescriptions: [{ ...bcuCommanderRoleDescription, version: 2, endorsedOn: d('2016-11-30'), endorsedBy: 'MOPAC' }],
    });
    givenUnder(endorsed)(bcuOpened).when(attach(2, '2016-12-01')).then([
      {
        type: 'RoleDescriptionAttached',
        data: { processId: PROCESS, role: 'bcu-commander', version: 2, endorsedOn: d('2016-11-30'), at: d('2016-12-01') },
      },
    ]);
  });

  it('AP-2 attaching the same version again records nothing', () => {
    given([...opened, descriptionAttached()]).when(attach(1, '2011-03-08')).then([]);
  });

  it('AP-2 another version attached before the interviews replaces the first', () => {
    const policy = policyWithBoroughVersion2(d('2011-02-01'));
    givenUnder(policy)([...opened, descriptionAttached()]).when(attach(2, '2011-03-08')).then([
      {
        type: 'RoleDescriptionAttached',
        data: { processId: PROCESS, role: 'borough-commander', version: 2, endorsedOn: d('2011-02-01'), at: d('2011-03-08') },
      },
    ]);
    // Attaching version 1 again after version 2 is a change, so it is recorded.
    givenUnder(policy)([...opened, descriptionAttached(), descriptionAttached(2, '2011-02-01', '2011-03-08')])
      .when(attach(1, '2011-03-09'))
      .then([
        {
          type: 'RoleDescriptionAttached',
          data: { processId: PROCESS, role: 'borough-commander', version: 1, endorsedOn: d('2010-06-17'), at: d('2011-03-09') },
        },
      ]);
  });

  it('AP-2 refuses attaching any description once a candidate has been interviewed', () => {
    const policy = policyWithBoroughVersion2(d('2011-02-01'));
    givenUnder(policy)(interviewed).when(attach(2, '2011-04-07')).then({
      _tag: 'CandidatesAlreadyAssessed',
      rule: 'AP-2',
      interviewed: [ALICE.id, BOB.id],
    });
    given(interviewed).when(attach(1, '2011-04-07')).then({ _tag: 'CandidatesAlreadyAssessed', rule: 'AP-2' });
  });

  it('AP-2 refuses an interview before a description is attached', () => {
    const noDescription = [...opened, partnerConsulted(LEADER), partnerConsulted(MP), partnerConsulted(LINK_MEMBER), candidateRecorded(ALICE)];
    given(noDescription).when(interview(ALICE.id)).then({ _tag: 'RoleDescriptionNotAttached', rule: 'AP-2', candidateId: ALICE.id });
    given(prepared).when(interview(ALICE.id)).then([
      { type: 'CandidateInterviewed', data: { processId: PROCESS, candidateId: ALICE.id, interviewedBy: AREA_COMMANDER, at: d('2011-04-05') } },
    ]);
  });

  it('AP-2 does not apply before any description of the role was endorsed: an interview on 2010-03-10 needs none', () => {
    const before2010 = [
      processOpened('2010-03-01'),
      partnerConsulted(LEADER, '2010-03-02'),
      partnerConsulted(LINK_MEMBER, '2010-03-03'),
      candidateRecorded(ALICE, 'applied', '2010-03-04'),
    ];
    given(before2010)
      .when(interview(ALICE.id, '2010-03-10'))
      .then([{ type: 'CandidateInterviewed', data: { processId: PROCESS, candidateId: ALICE.id, interviewedBy: AREA_COMMANDER, at: d('2010-03-10') } }]);
  });

  it('AP-2 applies from the day a description of the role is endorsed: an interview on 2010-06-17 without one is refused', () => {
    const june2010 = [
      processOpened('2010-06-01'),
      partnerConsulted(LEADER, '2010-06-02'),
      partnerConsulted(MP, '2010-06-03'),
      partnerConsulted(LINK_MEMBER, '2010-06-03'),
      candidateRecorded(ALICE, 'applied', '2010-06-04'),
    ];
    given(june2010).when(interview(ALICE.id, '2010-06-17')).then({ _tag: 'RoleDescriptionNotAttached', rule: 'AP-2' });
  });

  it('AP-2 does not apply to a role no description of which was ever endorsed (the link borough commander)', () => {
    const link = [
      processOpened('2011-03-01', 'link-borough-commander'),
      partnerConsulted(LEADER),
      partnerConsulted(MP),
      partnerConsulted(LINK_MEMBER),
      candidateRecorded(ALICE),
    ];
    given(link)
      .when(interview(ALICE.id))
      .then([{ type: 'CandidateInterviewed', data: { processId: PROCESS, candidateId: ALICE.id, interviewedBy: AREA_COMMANDER, at: d('2011-04-05') } }]);
  });
});
