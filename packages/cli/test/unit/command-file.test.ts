import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCommandLines } from '../../src/cli/command-file.js';

const validLine = (id: number): string =>
  JSON.stringify({ type: 'AttachRoleDescription', commandId: `command-${String(id)}`, at: '2012-04-02', processId: 'camden-2012', version: 1 });

const junk = fc.constantFrom(
  '{"type":"AttachRoleDescription"',
  '{"type":"NoSuchCommand","commandId":"x","at":"2012-01-01"}',
  '[1,2,3]',
  '"just text"',
  '{"type":"AttachRoleDescription","commandId":"y","at":"2012-13-01","processId":"p","version":1}',
);

describe('decoding a command file', () => {
  it('lists exactly the malformed lines, by number, and keeps the valid commands in order', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constant<'valid'>('valid'), fc.constant<'blank'>('blank'), junk), { maxLength: 30 }), (kinds) => {
        const lines = kinds.map((kind, index) => (kind === 'valid' ? validLine(index) : kind === 'blank' ? '   ' : kind));
        const decoded = decodeCommandLines(lines.join('\n'));
        const bad = kinds.flatMap((kind, index) => (kind !== 'valid' && kind !== 'blank' ? [index + 1] : []));
        const good = kinds.flatMap((kind, index) => (kind === 'valid' ? [index + 1] : []));
        if (bad.length === 0) {
          expect(E.isRight(decoded)).toBe(true);
          if (E.isRight(decoded)) expect(decoded.right.map((entry) => entry.line)).toEqual(good);
        } else {
          expect(E.isLeft(decoded)).toBe(true);
          if (E.isLeft(decoded)) expect(decoded.left.map((entry) => entry.line)).toEqual(bad);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('names the field at fault, without the codec branch an optional field adds', () => {
    const decoded = decodeCommandLines('{"type":"EndPosting","at":"2014-01-31"}\n{"type":"StartPosting","commandId":"s","at":"2014-02-30"}');
    expect(E.isLeft(decoded) ? decoded.left.map((bad) => [bad.line, bad.field]) : []).toEqual([
      [1, 'commandId'],
      [2, 'at'],
    ]);
  });

  it('refuses a second command with the same id, naming the line of the first', () => {
    const decoded = decodeCommandLines(`${validLine(1)}\n\n${validLine(1)}`);
    expect(E.isLeft(decoded) ? decoded.left : []).toEqual([
      { line: 3, field: 'commandId', reason: "'command-1' is already the id of the command on line 1; each command needs its own id" },
    ]);
  });
});
