/**
 * Keeps credentials out of error messages: the `user:password@` part of any URL, `password=` and
 * `token=` values (in query strings, JSON or key-value text), and the literal secrets of the
 * connection string (as written, percent-decoded and as the Basic authorization header carries them;
 * without `@`, whatever stands where a port number should).
 */

/** Replaces secrets in a message with `***`. */
export type Redactor = (text: string) => string;

const MASK = '***';

/** `scheme://user:password@` (or `scheme://token@`): the whole user-info goes. */
const USER_INFO = /([a-z][a-z0-9+.-]*:\/\/)[^\s/@?#]+@/gi;

/** `password=...`, `"token": "..."`, `passwd: ...` and the like. */
const SECRET_FIELD = /((?:password|passwd|pwd|token|secret)["']?\s*[:=]\s*["']?)[^"'\s&,;}]+/gi;

const escapeForRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const decoded = (text: string): string => {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
};

/**
 * What follows a `:` in the hosts of a connection string without `@` that is not a port number:
 * `esdb://admin:changeit` (the host left out) holds a password where a port should be.
 */
const passwordsInPlaceOfPorts = (connectionString: string): readonly string[] => {
  const authority = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i.exec(connectionString)?.[1] ?? '';
  return authority.split(',').flatMap((entry) => {
    // an IPv6 address is written in brackets: its colons are not a port's
    const host = entry.startsWith('[') ? entry.slice(entry.indexOf(']') + 1) : entry;
    const separator = host.indexOf(':');
    const port = separator < 0 ? '' : host.slice(separator + 1);
    return port === '' || /^[0-9]+$/.test(port) ? [] : [port, decoded(port)];
  });
};

/** The user-info secrets of a connection string, in every form they may show up in. */
export const secretsOf = (connectionString: string): readonly string[] => {
  const match = /^[a-z][a-z0-9+.-]*:\/\/([^/@?#]+)@/i.exec(connectionString);
  const userInfo = match?.[1];
  if (userInfo === undefined) return [...new Set(passwordsInPlaceOfPorts(connectionString))];
  const separator = userInfo.indexOf(':');
  const password = separator < 0 ? userInfo : userInfo.slice(separator + 1);
  const user = separator < 0 ? '' : userInfo.slice(0, separator);
  const secrets = [userInfo, password, decoded(password), Buffer.from(`${decoded(user)}:${decoded(password)}`, 'utf8').toString('base64')];
  return [...new Set(secrets.filter((secret) => secret.length > 0))];
};

/** A redactor that masks the generic credential shapes and these literal secrets. */
export const createRedactor = (secrets: readonly string[] = []): Redactor => {
  // Longest first, so a secret that contains another is masked whole.
  const literals = [...secrets].sort((a, b) => b.length - a.length).map(escapeForRegExp);
  const literal = literals.length === 0 ? undefined : new RegExp(literals.join('|'), 'g');
  return (text) => {
    const masked = text.replace(USER_INFO, `$1${MASK}@`).replace(SECRET_FIELD, `$1${MASK}`);
    return literal === undefined ? masked : masked.replace(literal, MASK);
  };
};
