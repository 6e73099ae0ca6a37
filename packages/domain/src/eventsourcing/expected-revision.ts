/**
 * What an append expects of the stream it writes to:
 * - `no_stream`: the stream must not exist yet;
 * - `stream_exists`: the stream must already hold at least one event;
 * - `any`: no check;
 * - a bigint: the revision of the stream's last event.
 */
export type ExpectedRevision = 'no_stream' | 'any' | 'stream_exists' | bigint;

/** The current state of a stream, as an append sees it. */
export type StreamRevision = 'no_stream' | bigint;

/** Tells whether a stream in state `actual` satisfies `expected`. */
export const satisfiesExpectedRevision = (expected: ExpectedRevision, actual: StreamRevision): boolean => {
  switch (expected) {
    case 'any':
      return true;
    case 'no_stream':
      return actual === 'no_stream';
    case 'stream_exists':
      return actual !== 'no_stream';
    default:
      return actual === expected;
  }
};

/** Renders an expected revision for messages. */
export const showExpectedRevision = (expected: ExpectedRevision | StreamRevision): string =>
  typeof expected === 'bigint' ? `revision ${expected.toString()}` : expected;
