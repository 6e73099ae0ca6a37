import * as t from 'io-ts';

/** Most characters a name, reason or other free text may have. */
export const MAX_TEXT_LENGTH = 2000;

/** Most characters (Unicode code points) an identifier may have. */
export const MAX_ID_LENGTH = 200;

/** A character free text may not hold: a control character other than tab, line feed and carriage return, or a lone surrogate. */
const BAD_IN_TEXT = /(?![\t\n\r])\p{Cc}|\p{Cs}/u;
/** An identifier: 1 to 200 code points, none a control character or a lone surrogate. */
const CLEAN_ID = /^[^\p{Cc}\p{Cs}]{1,200}$/u;
const CONTROL_IN_TEXT = /(?![\t\n\r])\p{Cc}/u;
const CONTROL_IN_ID = /\p{Cc}/u;
const LONE_SURROGATE = /\p{Cs}/u;

const codePoint = (character: string): string => `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/** Why a string has a character it may not: a control character or a lone surrogate, and where; undefined when it has none. */
const badCharacter = (value: string, control: RegExp): string | undefined => {
  const controlAt = control.exec(value);
  const surrogateAt = LONE_SURROGATE.exec(value);
  const first = [controlAt, surrogateAt]
    .filter((match): match is RegExpExecArray => match !== null)
    .sort((a, b) => a.index - b.index)[0];
  if (first === undefined) return undefined;
  const where = `at character ${String(first.index + 1)}`;
  return first === surrogateAt
    ? `has a lone surrogate ${codePoint(first[0])} ${where}: it is not valid Unicode`
    : `has the control character ${codePoint(first[0])} ${where}`;
};

const isText = (value: unknown): value is string =>
  typeof value === 'string' && value.length <= MAX_TEXT_LENGTH && value.trim().length > 0 && !BAD_IN_TEXT.test(value);

/** Why a string is not free text, for the error a user reads. */
const textProblem = (value: string): string => {
  if (value.length > MAX_TEXT_LENGTH) {
    return `is ${String(value.length)} characters long; text may have at most ${String(MAX_TEXT_LENGTH)}`;
  }
  if (value.trim().length === 0) return 'is empty or only white space; text needs at least one visible character';
  return `${badCharacter(value, CONTROL_IN_TEXT) ?? 'is not valid text'}; text may hold no control character but tab and line breaks`;
};

/**
 * io-ts codec of free text: at least one visible character, at most `MAX_TEXT_LENGTH` characters
 * (UTF-16 code units), no control character but tab, line feed and carriage return, no lone surrogate.
 */
export const TextCodec = new t.Type<string, string>(
  'text (1 to 2000 characters)',
  isText,
  (value, context) => {
    if (isText(value)) return t.success(value);
    return typeof value === 'string' ? t.failure(value, context, textProblem(value)) : t.failure(value, context);
  },
  t.identity,
);

const isId = (value: unknown): value is string => typeof value === 'string' && CLEAN_ID.test(value) && value.trim() === value;

/** Why a string is not an identifier, for the error a user reads. */
const idProblem = (value: string): string => {
  if (value.length === 0) return 'is empty; an id needs 1 to 200 characters';
  const bad = badCharacter(value, CONTROL_IN_ID);
  if (bad !== undefined) return `${bad}; an id may hold no control character`;
  if (value.trim() !== value) return 'starts or ends with white space; an id may not';
  return `is longer than ${String(MAX_ID_LENGTH)} characters, the most an id may have`;
};

/** io-ts codec of an identifier: 1 to 200 characters (code points), no control character, no lone surrogate, no white space around it. */
export const IdCodec = new t.Type<string, string>(
  'id (1 to 200 printable characters)',
  isId,
  (value, context) => {
    if (isId(value)) return t.success(value);
    return typeof value === 'string' ? t.failure(value, context, idProblem(value)) : t.failure(value, context);
  },
  t.identity,
);
