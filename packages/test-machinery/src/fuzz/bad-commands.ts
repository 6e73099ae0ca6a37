import fc from 'fast-check';
import type * as t from 'io-ts';
import {
  appointmentCommandCodecs,
  postingCommandCodecs,
  restructureCommandCodecs,
  streamFieldOfCommand,
  type DomainCommand,
} from '@borough-command/domain';
import { appointmentCommandArbitrary, postingCommandArbitrary, restructureCommandArbitrary } from '@borough-command/testing';
import { brokenValueArbitrary, type BreakOptions, type BrokenValue } from './broken-values.js';
import { codecShapeOf } from './codec-slots.js';
import { unknownFieldNameArbitrary, unknownFieldValueArbitrary } from './hostile-values.js';
import { spliceJson } from './json-splice.js';

const commandCodecs: readonly t.Decoder<unknown, unknown>[] = [...appointmentCommandCodecs, ...postingCommandCodecs, ...restructureCommandCodecs];

/** The codec of a command type; throws for a type the domain does not have (a bug of the test). */
export const commandCodecOf = (type: string): t.Decoder<unknown, unknown> => {
  const codec = commandCodecs.find((candidate) => candidate.name === type);
  if (codec === undefined) throw new Error(`no command type '${type}'`);
  return codec;
};

/** Any command of the three aggregates, from the command arbitraries (valid in shape; the rules may reject it). */
export const anyCommandArbitrary: fc.Arbitrary<DomainCommand> = fc.oneof(appointmentCommandArbitrary(), postingCommandArbitrary(), restructureCommandArbitrary());

/** How a command's JSON was made bad. */
export type BadCommandKind = BrokenValue['kind'] | 'unknown-type' | 'not-an-object' | 'stream-name-too-long';

/** JSON text `decodeCommand` must refuse, and the field its `InvalidCommand` must name (`''` for a value that is not a command object). */
export interface BadCommand extends Omit<BrokenValue, 'kind'> {
  readonly kind: BadCommandKind;
}

const commandTypeNames = new Set(commandCodecs.map((codec) => codec.name));

/** Command types the domain does not have: prototype member names, near misses, any string. */
export const unknownCommandTypeArbitrary: fc.Arbitrary<string> = fc
  .oneof(
    fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', 'Object', 'openAppointmentProcess', 'StartPosting ', ' EndPosting', 'StartPosting\u0000'),
    fc.string({ maxLength: 40 }),
  )
  .filter((type) => !commandTypeNames.has(type));

/** JSON text of values that are not command objects: `null`, numbers, strings, booleans, arrays (a command inside one too). */
const notAnObjectArbitrary = (command: DomainCommand): fc.Arbitrary<BadCommand> =>
  fc
    .oneof(
      fc.constantFrom('null', '42', '-0.5', '"StartPosting"', 'true', '[]', '""'),
      fc.constant(`[${JSON.stringify(command)}]`),
      fc.jsonValue({ maxDepth: 2 }).filter((value) => typeof value !== 'object' || value === null || Array.isArray(value)).map((value) => JSON.stringify(value)),
    )
    .map((text) => ({ kind: 'not-an-object', text, field: '', within: false }));

/** The command with the field its stream is named after set to a valid id (189 to 200 characters) that makes the stream name too long. */
const longStreamIdArbitrary = (command: DomainCommand): fc.Arbitrary<BadCommand> =>
  fc.integer({ min: 189, max: 200 }).map((length) => {
    const field = streamFieldOfCommand(command);
    const id = 'p'.repeat(length);
    const text = spliceJson(command, [{ _tag: 'Replace', at: field === 'unit.name' ? ['unit', 'name'] : [field], text: JSON.stringify(id) }]);
    return { kind: 'stream-name-too-long', text, field, within: false };
  });

/**
 * JSON text of one command (one line) that `decodeCommand` must refuse, broken one way: a
 * required field missing or hidden behind `__proto__`/`constructor`/`prototype`, a value of the
 * wrong kind, an impossible date, a hostile string (blank, huge, NUL, control characters, lone
 * surrogates), a value nested thousands of levels deep, an unknown command type, an id that
 * makes the stream name too long, or not an object.
 */
export const badCommandArbitrary = (options: BreakOptions = {}): fc.Arbitrary<BadCommand> =>
  anyCommandArbitrary.chain((command) =>
    fc.oneof(
      { arbitrary: brokenValueArbitrary(commandCodecOf(command.type), command, options), weight: 8 },
      {
        arbitrary: unknownCommandTypeArbitrary.map(
          (type): BadCommand => ({ kind: 'unknown-type', text: JSON.stringify({ ...command, type }), field: 'type', within: false }),
        ),
        weight: 1,
      },
      { arbitrary: notAnObjectArbitrary(command), weight: 1 },
      { arbitrary: longStreamIdArbitrary(command), weight: 1 },
    ),
  );

/** A valid command with fields it does not declare added, at its top and inside its objects. */
export interface CommandWithUnknownFields {
  /** The command without them: what decoding must give. */
  readonly command: DomainCommand;
  /** One line of JSON text, the unknown fields included. */
  readonly text: string;
  /** Where each unknown field was added (`unit.__proto__`). */
  readonly added: readonly string[];
}

/**
 * A valid command's JSON text with 1 to 3 fields it does not declare, named anything
 * (`__proto__`, `constructor`, blank, ...) and holding anything (deep nesting, huge strings,
 * polluting payloads): decoding must ignore them, and nothing of them may be stored.
 */
export const commandWithUnknownFieldsArbitrary = (options: { readonly maxDepth?: number } = {}): fc.Arbitrary<CommandWithUnknownFields> =>
  anyCommandArbitrary.chain((command) => {
    const { objects } = codecShapeOf(commandCodecOf(command.type), command);
    const member = fc.constantFrom(...objects).chain((object) =>
      fc
        .tuple(unknownFieldNameArbitrary.filter((name) => !object.declared.has(name)), unknownFieldValueArbitrary(options.maxDepth))
        .map(([name, text]) => ({ object, name, text })),
    );
    return fc.array(member, { minLength: 1, maxLength: 3 }).map((members) => ({
      command,
      text: spliceJson(
        command,
        members.map(({ object, name, text }) => ({ _tag: 'AddMembers' as const, at: object.at, members: [[name, text] as const] })),
      ),
      added: members.map(({ object, name }) => (object.path === '' ? name : `${object.path}.${name}`)),
    }));
  });

/** Text that is not JSON: a command's text cut short, with single quotes, a trailing comma, garbage after it, a JavaScript literal or a raw control character. */
export const malformedJsonArbitrary: fc.Arbitrary<string> = anyCommandArbitrary.chain((command) => {
  const text = JSON.stringify(command);
  return fc.oneof(
    fc.integer({ min: 1, max: text.length - 1 }).map((length) => text.slice(0, length)),
    fc.constantFrom(
      text.replace(/"/g, "'"),
      `${text.slice(0, -1)},}`,
      `${text},`,
      `${text}}`,
      `${text} x`,
      `${text}${text}`,
      text.replace(/:"[^"]*"/, ':undefined'),
      text.replace(/:"[^"]*"/, ':NaN'),
      text.replace(/:"/, ':"\u0001'),
      `{${text.slice(1).replace(/"([A-Za-z]+)":/, '$1:')}`,
    ),
  );
});
