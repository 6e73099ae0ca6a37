import * as t from 'io-ts';

/** Most characters a name, reason or other free text may have. */
export const MAX_TEXT_LENGTH = 2000;

const isText = (value: unknown): value is string =>
  typeof value === 'string' && value.trim().length > 0 && value.length <= MAX_TEXT_LENGTH;

/** io-ts codec of free text: at least one visible character, at most `MAX_TEXT_LENGTH` characters. */
export const TextCodec = new t.Type<string, string>(
  'text (1 to 2000 characters)',
  isText,
  (value, context) => (isText(value) ? t.success(value) : t.failure(value, context)),
  t.identity,
);

/** io-ts codec of an identifier: 1 to 200 characters, no control characters. */
export const IdCodec = new t.Type<string, string>(
  'id (1 to 200 printable characters)',
  (value): value is string => typeof value === 'string' && /^[^\p{Cc}]{1,200}$/u.test(value) && value.trim() === value,
  (value, context) =>
    typeof value === 'string' && /^[^\p{Cc}]{1,200}$/u.test(value) && value.trim() === value
      ? t.success(value)
      : t.failure(value, context),
  t.identity,
);
