/**
 * The versioned migrations of a store's schema, in order. A migration is applied once, inside the
 * transaction that records its version in `schema_version`; released migrations are never edited,
 * a change is a new version.
 */

/** One step of the schema: its version and the statements that take the schema there. */
export interface Migration {
  readonly version: number;
  readonly description: string;
  /** The SQL, given the quoted schema name. */
  readonly statements: (schema: string) => readonly string[];
}

/** Every migration, by version from 1 up without gaps. */
export const migrations: readonly Migration[] = [
  {
    version: 1,
    description: 'events, streams and the global log head',
    statements: (s) => [
      // One row: the position of the last event in the global log (-1 when empty). Appends take
      // their positions by updating it, so they hold its row lock until they commit: positions
      // become visible in commit order and a reader never finds a gap that fills later.
      `CREATE TABLE ${s}.log_head (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        last_position bigint NOT NULL
      )`,
      `INSERT INTO ${s}.log_head (singleton, last_position) VALUES (true, -1)`,
      // A stream's row is locked by each append to it: appends to one stream run one at a time.
      `CREATE TABLE ${s}.streams (
        name text PRIMARY KEY,
        revision bigint NOT NULL
      )`,
      `CREATE TABLE ${s}.events (
        position bigint PRIMARY KEY,
        stream text NOT NULL REFERENCES ${s}.streams (name),
        revision bigint NOT NULL CHECK (revision >= 0),
        event_id text NOT NULL,
        type text NOT NULL,
        schema_version integer NOT NULL,
        data json NOT NULL,
        metadata json NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (stream, revision)
      )`,
      `CREATE INDEX events_by_event_id ON ${s}.events (stream, event_id)`,
    ],
  },
  {
    version: 2,
    description: 'projection checkpoints',
    statements: (s) => [
      `CREATE TABLE ${s}.projection_checkpoints (
        projection text PRIMARY KEY,
        checkpoint json NOT NULL,
        saves bigint NOT NULL,
        saved_at timestamptz NOT NULL DEFAULT now()
      )`,
    ],
  },
];

/** The version a schema is at once every migration is applied: what the store needs. */
export const LATEST_SCHEMA_VERSION = migrations.length;
