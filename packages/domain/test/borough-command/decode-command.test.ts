import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { commandTypes, decodeCommand, streamOfCommand } from '../../src/borough-command/domain-commands.js';

const open = {
  type: 'OpenAppointmentProcess',
  commandId: 'c-1',
  at: '2012-03-01',
  processId: 'camden-2012',
  unit: { kind: 'borough', name: 'Camden' },
  role: 'borough-commander',
  areaCommander: 'Cdr Area North',
};

const problem = (json: unknown): { readonly path: string; readonly reason: string; readonly commandType: string | undefined } => {
  const decoded = decodeCommand(json);
  if (E.isRight(decoded)) return expect.fail(`expected ${JSON.stringify(json)} to be refused`);
  return decoded.left;
};

describe('commands as data', () => {
  it('decodes a JSON command and routes it to its stream', () => {
    const decoded = decodeCommand(JSON.parse(JSON.stringify(open)));
    expect(E.isRight(decoded)).toBe(true);
    if (E.isRight(decoded)) expect(streamOfCommand(decoded.right)).toBe('appointment-camden-2012');
  });

  it('routes posting commands to the unit stream and restructure commands to the force stream', () => {
    const start = decodeCommand({
      type: 'StartPosting', commandId: 'c', at: '2010-01-01', unit: { kind: 'borough', name: 'Barking and Dagenham' },
      postingId: 'p', role: 'borough-commander', officer: { id: 'o', name: 'O', rank: 'chief-superintendent' }, acting: false,
    });
    const propose = decodeCommand({ type: 'ProposeBcu', commandId: 'c', at: '2016-11-18', restructureId: 'met', programmeId: 'p', bcu: 'Central North', boroughs: ['Camden', 'Islington'] });
    expect(E.isRight(start) && streamOfCommand(start.right)).toBe('posting-borough-barking-and-dagenham');
    expect(E.isRight(propose) && streamOfCommand(propose.right)).toBe('restructure-met');
  });

  it('names an unknown command type', () => {
    expect(problem({ ...open, type: 'PromoteEveryone' })).toMatchObject({ path: 'type', commandType: undefined });
    expect(problem({ ...open, type: 'PromoteEveryone' }).reason).toContain('PromoteEveryone');
  });

  it('refuses prototype names as command types', () => {
    for (const type of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      expect(problem({ ...open, type }).path).toBe('type');
    }
  });

  it('names a missing field', () => {
    const { areaCommander: _omitted, ...withoutAreaCommander } = open;
    expect(problem(withoutAreaCommander)).toMatchObject({ path: 'areaCommander', commandType: 'OpenAppointmentProcess' });
  });

  it('names an impossible date', () => {
    expect(problem({ ...open, at: '2012-02-30' })).toMatchObject({ path: 'at' });
    expect(problem({ ...open, at: '1 March 2012' })).toMatchObject({ path: 'at' });
  });

  it('names a nested field with the wrong value', () => {
    const bad = problem({
      type: 'RecordCandidate', commandId: 'c', at: '2012-03-10', processId: 'p',
      candidate: { id: 'o', name: 'O', rank: 'general' }, route: 'applied',
    });
    expect(bad.path).toBe('candidate.rank');
    expect(bad.reason).toContain('general');
  });

  it('names a wrong element inside an array', () => {
    const bad = problem({
      type: 'DiscussChosenCandidate', commandId: 'c', at: '2012-03-10', processId: 'p',
      partners: [{ kind: 'mp', name: 'A' }, { kind: 'mayor', name: 'B' }],
    });
    expect(bad.path).toBe('partners[1].kind');
  });

  it('refuses a value that is not an object, and a type that is not a string', () => {
    for (const json of [null, 42, 'StartPosting', [open]]) expect(problem(json).path).toBe('');
    expect(problem({ ...open, type: 7 }).path).toBe('type');
  });

  it('leaves the prototype of plain objects untouched when a command carries __proto__ keys', () => {
    const json: unknown = JSON.parse('{"type":"OpenAppointmentProcess","__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}');
    expect(E.isLeft(decodeCommand(json))).toBe(true);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('knows every command type of the three aggregates', () => {
    expect(commandTypes.appointment).toHaveLength(13);
    expect(commandTypes.posting).toHaveLength(5);
    expect(commandTypes.restructure).toHaveLength(14);
  });
});

describe('field paths of commands with optional fields', () => {
  it('name the field itself, without an index of the codec inside', () => {
    expect(problem({ type: 'StartPosting', at: '2010-01-01' }).path).toBe('commandId');
    expect(problem({ type: 'EndPosting', commandId: 'c', at: '2010-01-01', unit: { kind: 'borough', name: 'Camden' }, postingId: 'p', reason: 'promotion', approvedBy: 7 }).path).toBe('approvedBy');
  });
});
