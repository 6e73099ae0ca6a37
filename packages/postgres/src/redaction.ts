/**
 * Keeps a connection string's password out of messages: the `user:password@` part of any URL,
 * `password=` values in key-value text, and the literal password of the connection string given.
 */

/** Replaces secrets in a message with `***`. */
export type Redactor = (text: string) => string;

const MASK = '***';
const USER_INFO = /([a-z][a-z0-9+.-]*:\/\/[^\s/@:?#]*):[^\s/@?#]*@/gi;
const PASSWORD_FIELD = /((?:password|passwd|pwd)["']?\s*[:=]\s*["']?)[^"'\s&,;}]+/gi;

const escapeForRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const decoded = (text: string): string => {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
};

/** The password of a connection string (URL or `key=value` form), as written and percent-decoded. */
export const secretsOf = (connectionString: string): readonly string[] => {
  const inUrl = /^[a-z][a-z0-9+.-]*:\/\/[^/@?#:]*:([^/@?#]*)@/i.exec(connectionString)?.[1];
  const inField = /(?:^|[\s?&])password=([^\s&]+)/i.exec(connectionString)?.[1];
  const found = [inUrl, inField].filter((secret): secret is string => secret !== undefined && secret.length > 0);
  return [...new Set(found.flatMap((secret) => [secret, decoded(secret)]))];
};

/** A redactor that masks the usual credential shapes and these literal secrets. */
export const createRedactor = (secrets: readonly string[] = []): Redactor => {
  const literals = [...secrets].filter((s) => s.length > 0).sort((a, b) => b.length - a.length).map(escapeForRegExp);
  const literal = literals.length === 0 ? undefined : new RegExp(literals.join('|'), 'g');
  return (text) => {
    const shaped = text.replace(USER_INFO, `$1:${MASK}@`).replace(PASSWORD_FIELD, `$1${MASK}`);
    return literal === undefined ? shaped : shaped.replace(literal, MASK);
  };
};
