import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { decider as appointmentDecider, open } from '../appointment/appointment-fixtures.js';
import { defaultPolicy } from '../../src/policy/policy.js';
import { postingDecider } from '../../src/posting/posting-decider.js';
import { startPosting } from '../posting/posting-fixtures.js';
import { command, day, decider as restructureDecider, started } from '../restructure/restructure-fixtures.js';
import type { CommandUnit } from '../../src/shared/vocabulary.js';

const outsideLondon: CommandUnit = { kind: 'borough', name: 'City of London' };
const camden: CommandUnit = { kind: 'borough', name: 'Camden' };

const refusal = <R>(decided: E.Either<R, unknown>): R => {
  if (E.isRight(decided)) throw new Error(`expected a refusal, got ${JSON.stringify(decided.right)}`);
  return decided.left;
};

const appointmentRefusal = (unit: CommandUnit, role: 'borough-commander' | 'bcu-commander') =>
  refusal(appointmentDecider.decide(open({ unit, role }), appointmentDecider.initialState));

const postingRefusal = (unit: CommandUnit, role: 'borough-commander' | 'bcu-commander') => {
  const decider = postingDecider(defaultPolicy);
  return refusal(decider.decide(startPosting({ unit, role }), decider.initialState));
};

const restructureRefusal = (boroughs: readonly string[]) => {
  const state = [started('pathfinder', 'pathfinder')].reduce(restructureDecider.evolve, restructureDecider.initialState);
  return refusal(restructureDecider.decide(command('ProposeBcu', { programmeId: 'pathfinder', bcu: 'Square Mile', boroughs }, day(1)), state));
};

describe('one rejection per meaning across the deciders', () => {
  it('AP-1, PO-1 and RS-1 refuse a borough outside London with one tag, in one sentence, each under its own rule', () => {
    const refusals = [
      appointmentRefusal(outsideLondon, 'borough-commander'),
      postingRefusal(outsideLondon, 'borough-commander'),
      restructureRefusal(['Camden', 'City of London']),
    ];
    expect(refusals.map((rejection) => rejection.rule)).toEqual(['AP-1', 'PO-1', 'RS-1']);
    for (const rejection of refusals) expect(rejection).toMatchObject({ _tag: 'NotALondonBorough', borough: 'City of London' });
    expect(new Set(refusals.map((rejection) => rejection.message)).size).toBe(1);
    expect(refusals[0]?.message).toContain("'City of London'");
  });

  it('AP-1 and PO-1 refuse a role for the wrong kind of unit with one tag, in one sentence, each under its own rule', () => {
    const refusals = [appointmentRefusal(camden, 'bcu-commander'), postingRefusal(camden, 'bcu-commander')];
    expect(refusals.map((rejection) => rejection.rule)).toEqual(['AP-1', 'PO-1']);
    for (const rejection of refusals) expect(rejection).toMatchObject({ _tag: 'RoleDoesNotFitUnit', role: 'bcu-commander', unit: camden });
    expect(new Set(refusals.map((rejection) => rejection.message)).size).toBe(1);
    expect(refusals[0]?.message).toContain('the borough of Camden');
  });
});
