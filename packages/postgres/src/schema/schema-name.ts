/** The PostgreSQL schema (namespace) a store keeps its tables in, and its quoted form for SQL. */
import * as E from 'fp-ts/lib/Either.js';

/** The schema a store and its migration use when none is named. */
export const DEFAULT_SCHEMA = 'borough_command';

/** A schema name checked to be a plain lower-case identifier, so it can be spliced into SQL. */
export interface SchemaName {
  /** The name as given: `borough_command`. */
  readonly name: string;
  /** The name quoted for SQL: `"borough_command"`. */
  readonly quoted: string;
  /** The LISTEN/NOTIFY channel appends of this schema announce themselves on. */
  readonly channel: string;
}

const PLAIN_IDENTIFIER = /^[a-z_][a-z0-9_]{0,47}$/;

/**
 * Checks a schema name: lower-case letters, digits and `_`, not starting with a digit, at most 48
 * characters (the notification channel adds a suffix within PostgreSQL's 63), not `pg_`-prefixed.
 */
export const schemaName = (name: string = DEFAULT_SCHEMA): E.Either<string, SchemaName> => {
  if (!PLAIN_IDENTIFIER.test(name)) {
    return E.left(`schema name '${name}' is not a plain identifier: use 1 to 48 lower-case letters, digits and '_', not starting with a digit`);
  }
  if (name.startsWith('pg_')) return E.left(`schema name '${name}' starts with 'pg_', which PostgreSQL reserves`);
  return E.right({ name, quoted: `"${name}"`, channel: `${name}_appended` });
};
