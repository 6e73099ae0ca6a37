/**
 * `record` mode for RS-1 (a BCU merges two or more boroughs) and RS-9 (a programme with a live BCU
 * is not abandoned): recorded as it happened after a `RestructureRuleDeparted`, refused in
 * `enforce` mode; what names nothing that could be recorded stays refused.
 */
import { describe, expect, it } from 'vitest';
import { policyWith } from '../../src/policy/policy.js';
import { centralNorth, centralNorthLive, command, day, given, givenUnder, proposed, restructureId, started } from './restructure-fixtures.js';

const recording = givenUnder(policyWith({ enforcement: 'record' }));

describe('RS-1 record mode: a BCU of one borough', () => {
  const propose = command('ProposeBcu', { programmeId: 'pathfinder', bcu: 'Westminster alone', boroughs: ['Westminster'] }, day(1));

  it('RS-1 a BCU of a single borough is recorded after a departure in record mode; refused in enforce mode', () => {
    given([started('pathfinder', 'pathfinder')]).when(propose).then({ _tag: 'TooFewBoroughs', rule: 'RS-1' });
    recording([started('pathfinder', 'pathfinder')]).when(propose).then([
      {
        type: 'RestructureRuleDeparted',
        data: { restructureId, rule: 'RS-1', departure: 'TooFewBoroughs', message: expect.stringContaining('two or more boroughs') as never, bcu: 'Westminster alone', at: day(1) },
      },
      proposed('Westminster alone', ['Westminster']),
    ]);
  });

  it('RS-1 a borough named twice, or already in another BCU, stays refused in record mode', () => {
    recording([started('pathfinder', 'pathfinder')])
      .when(command('ProposeBcu', { programmeId: 'pathfinder', bcu: 'Twice', boroughs: ['Camden', 'Camden'] }, day(1)))
      .then({ _tag: 'DuplicateBorough', rule: 'RS-1' });
    recording(centralNorthLive)
      .when(command('ProposeBcu', { programmeId: 'pathfinder', bcu: 'Overlap', boroughs: ['Camden', 'Barnet'] }, day(100)))
      .then({ _tag: 'BoroughInAnotherBcu', rule: 'RS-1' });
  });
});

describe('RS-9 record mode: a programme abandoned while a BCU of it is live', () => {
  const abandon = command('AbandonRestructureProgramme', { programmeId: 'pathfinder', reason: 'Plans changed' }, day(120));

  it('RS-9 is recorded after a departure in record mode, the live BCU staying live; refused in enforce mode', () => {
    given(centralNorthLive).when(abandon).then({ _tag: 'ProgrammeHasLiveBcu', rule: 'RS-9' });
    const decided = recording(centralNorthLive).when(abandon).result;
    if (decided._tag === 'Left') return expect.fail(JSON.stringify(decided.left));
    expect(decided.right.map((event) => event.type)).toEqual(['RestructureRuleDeparted', 'RestructureProgrammeAbandoned']);
    expect(decided.right[0]?.data).toMatchObject({ rule: 'RS-9', departure: 'ProgrammeHasLiveBcu', bcu: null });
    expect(decided.right[1]?.data).toMatchObject({ withdrawnBcus: [] });
    // The BCU is still live after: it can be dissolved, as only a live BCU can.
    const dissolving = recording([...centralNorthLive, ...decided.right]).when(command('DissolveBcu', { bcu: centralNorth, reason: 'Back to boroughs' }, day(130))).result;
    expect(dissolving._tag === 'Right' && dissolving.right.map((event) => event.type)).toEqual(['BcuDissolved']);
  });
});
