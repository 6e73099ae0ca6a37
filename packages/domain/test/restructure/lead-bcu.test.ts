import { describe, expect, it } from 'vitest';
import { policyWith } from '../../src/policy/policy.js';
import { foldEvents } from '../../src/eventsourcing/decider.js';
import { findRestructureBcu, superintendentsOf } from '../../src/restructure/restructure-queries.js';
import {
  centralNorth,
  centralNorthBoroughs,
  centralNorthLive,
  centralNorthReady,
  chiefSuperintendent,
  command,
  commanderAppointed,
  day,
  decider,
  evaluated,
  given,
  givenUnder,
  gwillim,
  proposed,
  restructureId,
  roper,
  started,
  superintendentAssigned,
  supts,
} from './restructure-fixtures.js';

const proposedOnly = [started('pathfinder', 'pathfinder'), proposed(centralNorth, centralNorthBoroughs)];
const rollOutProposed = [
  ...centralNorthLive,
  evaluated(),
  started('roll-out', 'roll-out', day(300)),
  proposed('North West', ['Barnet', 'Brent', 'Harrow'], 'roll-out', false, day(301)),
];

describe('appointing the BCU commander (RS-4)', () => {
  it('RS-4 appoints an interim chief superintendent to a pathfinder BCU', () => {
    given(proposedOnly)
      .when(command('AppointBcuCommander', { bcu: centralNorth, officer: roper, interim: true }, day(3)))
      .then([commanderAppointed(centralNorth, roper, true, day(3))]);
  });

  it('RS-4 refuses a BCU commander who is a superintendent, not a chief superintendent', () => {
    given(proposedOnly)
      .when(command('AppointBcuCommander', { bcu: centralNorth, officer: supts.a, interim: true }))
      .then({ _tag: 'WrongCommanderRank', rule: 'RS-4', officer: supts.a, requiredRank: 'chief-superintendent' });
  });

  it('RS-4 refuses a BCU commander of commander rank too', () => {
    const commander = { id: 'cmdr', name: 'Mark Simmons', rank: 'commander' as const };
    given(proposedOnly)
      .when(command('AppointBcuCommander', { bcu: centralNorth, officer: commander, interim: false }))
      .then({ _tag: 'WrongCommanderRank', rule: 'RS-4' });
  });

  it('RS-4 takes the required rank from the policy', () => {
    givenUnder(policyWith({ bcuCommanderRank: 'commander' }))(proposedOnly)
      .when(command('AppointBcuCommander', { bcu: centralNorth, officer: roper, interim: false }))
      .then({ _tag: 'WrongCommanderRank', rule: 'RS-4', requiredRank: 'commander' });
  });

  it('RS-4 refuses an interim commander outside the pathfinder', () => {
    given(rollOutProposed)
      .when(command('AppointBcuCommander', { bcu: 'North West', officer: gwillim, interim: true }))
      .then({ _tag: 'InterimOutsidePathfinder', rule: 'RS-4', bcu: 'North West' });
  });

  it('RS-4 appoints a substantive chief superintendent outside the pathfinder', () => {
    given(rollOutProposed)
      .when(command('AppointBcuCommander', { bcu: 'North West', officer: gwillim, interim: false }, day(302)))
      .then([
        {
          type: 'BcuCommanderAppointed',
          data: {
            restructureId,
            bcu: 'North West',
            officer: gwillim,
            interim: false,
            live: false,
            predecessor: null,
            predecessorLeaves: null,
            at: day(302),
          },
        },
      ]);
  });

  it('RS-4 a successor replaces the commander of a live BCU with the predecessor’s departure, and the appointment records both', () => {
    const successor = chiefSuperintendent('cs-kohli', 'Raj Kohli');
    const predecessorLeaves = { reason: 'promotion', detail: 'Promoted commander', approvedBy: 'Assistant Commissioner' } as const;
    given(centralNorthLive)
      .when(command('AppointBcuCommander', { bcu: centralNorth, officer: successor, interim: false, predecessorLeaves }, day(500)))
      .then([
        {
          type: 'BcuCommanderAppointed',
          data: {
            restructureId,
            bcu: centralNorth,
            officer: successor,
            interim: false,
            live: true,
            predecessor: roper,
            predecessorLeaves,
            at: day(500),
          },
        },
      ]);
    const state = foldEvents(decider, [
      ...centralNorthLive,
      commanderAppointed(centralNorth, successor, false, day(500), { live: true, predecessor: roper, predecessorLeaves }),
    ]);
    expect(findRestructureBcu(state, centralNorth)?.commander).toEqual({ officer: successor, interim: false });
  });

  it('RS-4 records a departure given without detail or approval with nulls, before the BCU is live', () => {
    given([...proposedOnly, commanderAppointed(centralNorth, roper, true)])
      .when(command('AppointBcuCommander', { bcu: centralNorth, officer: gwillim, interim: true, predecessorLeaves: { reason: 'retirement' } }, day(6)))
      .then([
        commanderAppointed(centralNorth, gwillim, true, day(6), {
          predecessor: roper,
          predecessorLeaves: { reason: 'retirement', detail: null, approvedBy: null },
        }),
      ]);
  });

  it('RS-4 refuses a successor without the predecessor’s departure, naming the BCU and the commander in place', () => {
    const successor = chiefSuperintendent('cs-kohli', 'Raj Kohli');
    given(centralNorthLive)
      .when(command('AppointBcuCommander', { bcu: centralNorth, officer: successor, interim: false }, day(500)))
      .then({
        _tag: 'PredecessorDepartureMissing',
        rule: 'RS-4',
        bcu: centralNorth,
        commander: roper,
        officer: successor,
        message:
          "BCU 'Central North' is commanded by Catherine Roper; appointing Raj Kohli in their place needs Catherine Roper's departure (predecessorLeaves: the reason, and who approved it).",
      });
  });

  it('RS-4 refuses a successor without the predecessor’s departure before the BCU is live too', () => {
    given([...proposedOnly, commanderAppointed(centralNorth, roper, true)])
      .when(command('AppointBcuCommander', { bcu: centralNorth, officer: gwillim, interim: true }, day(6)))
      .then({ _tag: 'PredecessorDepartureMissing', rule: 'RS-4', commander: roper, officer: gwillim });
  });

  it('RS-4 refuses to appoint the officer who already commands the BCU', () => {
    given(centralNorthLive)
      .when(command('AppointBcuCommander', { bcu: centralNorth, officer: roper, interim: false, predecessorLeaves: { reason: 'other' } }, day(500)))
      .then({ _tag: 'AlreadyBcuCommander', rule: 'RS-4', bcu: centralNorth, officer: roper, message: "Catherine Roper is already the commander of BCU 'Central North'." });
  });

  it('RS-4 refuses a predecessor’s departure when the BCU has no commander to leave', () => {
    given(proposedOnly)
      .when(command('AppointBcuCommander', { bcu: centralNorth, officer: roper, interim: true, predecessorLeaves: { reason: 'promotion' } }, day(3)))
      .then({ _tag: 'NoPredecessorToLeave', rule: 'RS-4', bcu: centralNorth, officer: roper });
  });

  it('RS-4 the latest of several successions is the BCU’s commander', () => {
    const successor = chiefSuperintendent('cs-kohli', 'Raj Kohli');
    const run = [
      ...centralNorthLive,
      commanderAppointed(centralNorth, gwillim, false, day(400), { live: true, predecessor: roper, predecessorLeaves: { reason: 'promotion', detail: null, approvedBy: null } }),
    ];
    given(run)
      .when(command('AppointBcuCommander', { bcu: centralNorth, officer: successor, interim: false, predecessorLeaves: { reason: 'retirement' } }, day(500)))
      .then([
        commanderAppointed(centralNorth, successor, false, day(500), {
          live: true,
          predecessor: gwillim,
          predecessorLeaves: { reason: 'retirement', detail: null, approvedBy: null },
        }),
      ]);
    expect(findRestructureBcu(foldEvents(decider, run), centralNorth)?.commander).toEqual({ officer: gwillim, interim: false });
  });

  it('RS-4 refuses to appoint a commander to a BCU that was never proposed', () => {
    given(proposedOnly)
      .when(command('AppointBcuCommander', { bcu: 'East Area', officer: roper, interim: true }))
      .then({ _tag: 'UnknownBcu', rule: 'RS-4', bcu: 'East Area' });
  });
});

describe('assigning superintendents (RS-5)', () => {
  it('RS-5 assigns a superintendent to lead a core function and be a borough’s dedicated superintendent at once', () => {
    given(proposedOnly)
      .when(command('AssignSuperintendent', { bcu: centralNorth, superintendent: supts.a, leads: 'response', dedicatedTo: 'Camden' }, day(4)))
      .then([
        {
          type: 'SuperintendentAssigned',
          data: { restructureId, bcu: centralNorth, superintendent: supts.a, leads: 'response', dedicatedTo: 'Camden', at: day(4) },
        },
      ]);
  });

  it('RS-5 assigns a superintendent to lead a core function only', () => {
    given(proposedOnly)
      .when(command('AssignSuperintendent', { bcu: centralNorth, superintendent: supts.c, leads: 'investigation' }, day(4)))
      .then([
        {
          type: 'SuperintendentAssigned',
          data: { restructureId, bcu: centralNorth, superintendent: supts.c, leads: 'investigation', dedicatedTo: null, at: day(4) },
        },
      ]);
  });

  it('RS-5 refuses a superintendent a second core function: each function is led by a different superintendent', () => {
    given([...proposedOnly, superintendentAssigned(centralNorth, supts.a, 'neighbourhoods', null)])
      .when(command('AssignSuperintendent', { bcu: centralNorth, superintendent: supts.a, leads: 'response' }, day(5)))
      .then({
        _tag: 'LeadsAnotherFunction',
        rule: 'RS-5',
        superintendent: supts.a,
        leads: 'response',
        alreadyLeads: 'neighbourhoods',
        message:
          'Anna Adeyemi already leads neighbourhoods across BCU \'Central North\' and cannot also lead response: each of the core functions is led by a different superintendent.',
      });
  });

  it('RS-5 a function lead may also be a borough\'s dedicated superintendent, and may be assigned the same function again', () => {
    given([...proposedOnly, superintendentAssigned(centralNorth, supts.a, 'neighbourhoods', null)])
      .when(command('AssignSuperintendent', { bcu: centralNorth, superintendent: supts.a, leads: 'neighbourhoods', dedicatedTo: 'Camden' }, day(5)))
      .then([
        {
          type: 'SuperintendentAssigned',
          data: { restructureId, bcu: centralNorth, superintendent: supts.a, leads: 'neighbourhoods', dedicatedTo: 'Camden', at: day(5) },
        },
      ]);
  });

  it('RS-5 refuses an assignment with neither a function nor a borough', () => {
    given(proposedOnly)
      .when(command('AssignSuperintendent', { bcu: centralNorth, superintendent: supts.a }))
      .then({ _tag: 'NoSuperintendentRole', rule: 'RS-5' });
  });

  it('RS-5 refuses a chief inspector as a function lead', () => {
    const chiefInspector = { id: 'ci-1', name: 'Pat Quinn', rank: 'chief-inspector' as const };
    given(proposedOnly)
      .when(command('AssignSuperintendent', { bcu: centralNorth, superintendent: chiefInspector, leads: 'response' }))
      .then({ _tag: 'NotASuperintendent', rule: 'RS-5', officer: chiefInspector });
  });

  it('RS-5 refuses a dedicated superintendent for a borough outside the BCU', () => {
    given(proposedOnly)
      .when(command('AssignSuperintendent', { bcu: centralNorth, superintendent: supts.a, dedicatedTo: 'Hackney' }))
      .then({ _tag: 'BoroughNotInBcu', rule: 'RS-5', borough: 'Hackney' });
  });

  it('RS-5 refuses to lead a function the policy does not count as core', () => {
    givenUnder(policyWith({ coreFunctions: ['neighbourhoods', 'response', 'investigation'] }))(proposedOnly)
      .when(command('AssignSuperintendent', { bcu: centralNorth, superintendent: supts.d, leads: 'protecting-vulnerable-people' }))
      .then({ _tag: 'NotACoreFunction', rule: 'RS-5', function: 'protecting-vulnerable-people' });
  });

  it('RS-5 refuses a fifth superintendent in a pathfinder BCU', () => {
    given(centralNorthReady)
      .when(command('AssignSuperintendent', { bcu: centralNorth, superintendent: supts.e, dedicatedTo: 'Islington' }))
      .then({ _tag: 'TooManySuperintendents', rule: 'RS-5', superintendents: 5, maximum: 4 });
  });

  it('RS-5 lets a new superintendent replace the earlier holder of a function within the four', () => {
    // D leads protecting vulnerable people; E takes it over, so D leaves and there are still four.
    const decision = given(centralNorthReady).when(
      command('AssignSuperintendent', { bcu: centralNorth, superintendent: supts.e, leads: 'protecting-vulnerable-people' }, day(9)),
    );
    decision.then([
      {
        type: 'SuperintendentAssigned',
        data: { restructureId, bcu: centralNorth, superintendent: supts.e, leads: 'protecting-vulnerable-people', dedicatedTo: null, at: day(9) },
      },
    ]);
  });

  it('RS-5 the replaced holder no longer counts among the BCU’s superintendents', () => {
    const state = foldEvents(decider, [
      ...centralNorthReady,
      superintendentAssigned(centralNorth, supts.e, 'protecting-vulnerable-people', null),
    ]);
    const bcu = findRestructureBcu(state, centralNorth);
    expect(bcu && superintendentsOf(bcu).map((officer) => officer.id)).toEqual(['supt-a', 'supt-b', 'supt-c', 'supt-e']);
    expect(bcu?.functionLeads.get('protecting-vulnerable-people')).toEqual(supts.e);
  });

  it('RS-5 the four-superintendent limit applies to pathfinder BCUs only', () => {
    const givenFour = [
      superintendentAssigned('North West', supts.a, 'neighbourhoods', 'Barnet'),
      superintendentAssigned('North West', supts.b, 'response', 'Brent'),
      superintendentAssigned('North West', supts.c, 'investigation', null),
      superintendentAssigned('North West', supts.d, 'protecting-vulnerable-people', null),
    ];
    given([...rollOutProposed, ...givenFour])
      .when(command('AssignSuperintendent', { bcu: 'North West', superintendent: supts.e, dedicatedTo: 'Harrow' }, day(310)))
      .then([
        {
          type: 'SuperintendentAssigned',
          data: { restructureId, bcu: 'North West', superintendent: supts.e, leads: null, dedicatedTo: 'Harrow', at: day(310) },
        },
      ]);
  });

  it('RS-5 the number of pathfinder superintendents comes from the policy', () => {
    const two = [
      ...proposedOnly,
      superintendentAssigned(centralNorth, supts.a, 'response', null),
      superintendentAssigned(centralNorth, supts.b, 'investigation', null),
    ];
    givenUnder(policyWith({ superintendentsPerBcu: 2 }))(two)
      .when(command('AssignSuperintendent', { bcu: centralNorth, superintendent: supts.c, leads: 'neighbourhoods' }))
      .then({ _tag: 'TooManySuperintendents', rule: 'RS-5', superintendents: 3, maximum: 2 });
  });
});
