/** Lines of a command file for `apply`, good and bad, each with what `apply` must say of it. */
import fc from 'fast-check';
import {
  anyCommandArbitrary,
  badCommandArbitrary,
  malformedJsonArbitrary,
  namesBrokenField,
  type BadCommand,
} from '@borough-command/test-machinery';
import { defaultCommandFileLimits } from '../../../src/cli/command-file.js';

/** One line of a command file: its bytes, and for a bad line how `apply` must name it. */
export interface FileLine {
  readonly kind: string;
  readonly bytes: Uint8Array;
  /** Undefined for a line `apply` accepts (a valid command, a blank line). */
  readonly expect: ((field: string) => boolean) | undefined;
}

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Bytes that are not UTF-8: a stray continuation byte, 0xFF, an overlong NUL, an encoded surrogate, a character cut short. */
const invalidUtf8 = fc.constantFrom([0x80], [0xff], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0xe5, 0xad], [0xf4, 0x90, 0x80, 0x80]);

const fieldOf = (bad: BadCommand): ((field: string) => boolean) =>
  (field) => (bad.field === '' ? field === '(command)' : namesBrokenField(bad, field));

/** A line too long for a command file is named `(line)` whatever else is wrong with it. */
const badLine = (kind: string, text: string, expect: (field: string) => boolean): FileLine => {
  const bytes = utf8(text);
  return { kind, bytes, expect: bytes.length > defaultCommandFileLimits.maxLineBytes ? (field) => field === '(line)' : expect };
};

/** A line of a command file `apply` must refuse, and the field it must name. */
export const badFileLineArbitrary: fc.Arbitrary<FileLine> = fc.oneof(
  { weight: 6, arbitrary: badCommandArbitrary().map((bad) => badLine(bad.kind, bad.text, fieldOf(bad))) },
  { weight: 2, arbitrary: malformedJsonArbitrary.map((text) => badLine('malformed-json', text, (field) => field === '(json)')) },
  {
    weight: 1,
    arbitrary: fc.tuple(anyCommandArbitrary, invalidUtf8, fc.nat()).map(([command, junk, at]): FileLine => {
      const text = utf8(JSON.stringify(command));
      const offset = at % (text.length + 1);
      return { kind: 'invalid-utf-8', bytes: Buffer.concat([text.subarray(0, offset), Uint8Array.from(junk), text.subarray(offset)]), expect: (field) => field === '(utf-8)' };
    }),
  },
  {
    weight: 1,
    arbitrary: fc.tuple(anyCommandArbitrary, fc.integer({ min: 1, max: 200_000 })).map(([command, padding]) =>
      badLine('oversized-line', `${JSON.stringify(command)}${' '.repeat(defaultCommandFileLimits.maxLineBytes + padding)}`, (field) => field === '(line)'),
    ),
  },
);

/** A line `apply` accepts: a valid command with an id no other line has, or a blank line. */
export const goodFileLineArbitrary = (index: number): fc.Arbitrary<FileLine> =>
  fc.oneof(
    { weight: 4, arbitrary: anyCommandArbitrary.map((command) => ({ kind: 'valid', bytes: utf8(JSON.stringify({ ...command, commandId: `fuzz-line-${String(index)}` })), expect: undefined })) },
    { weight: 1, arbitrary: fc.constantFrom('', '   ', '\t', '\r').map((text) => ({ kind: 'blank', bytes: utf8(text), expect: undefined })) },
  );

/** The lines of a command file with at least one bad line among good ones, in any order. */
export const commandFileArbitrary: fc.Arbitrary<readonly FileLine[]> = fc
  .tuple(fc.array(badFileLineArbitrary, { minLength: 1, maxLength: 3 }), fc.integer({ min: 0, max: 4 }), fc.nat())
  .chain(([bad, goodCount, seed]) =>
    fc.tuple(...Array.from({ length: goodCount }, (_, index) => goodFileLineArbitrary(index))).map((good) => {
      const lines: FileLine[] = [...good];
      bad.forEach((line, index) => lines.splice((seed + index * 7) % (lines.length + 1), 0, line));
      return lines;
    }),
  );

/** The bytes of a file of these lines, each ended by a newline. */
export const fileBytes = (lines: readonly FileLine[]): Uint8Array => {
  const newline = Uint8Array.of(0x0a);
  return Buffer.concat(lines.flatMap((line) => [line.bytes, newline]));
};
