/**
 * The journal's quick line check must answer exactly as the slow one: each line written is read
 * back without a Hash object or a scanning regex, its hash computed here independently, and a line
 * with any one character changed is refused.
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { largeHistory } from '@borough-command/test-machinery';
import type { DomainEvent } from '../../src/borough-command/domain-events.js';
import type { RecordedEvent } from '../../src/eventsourcing/envelope.js';
import { encodeJournalLine, GENESIS_HASH, parseJournalLine } from '../../src/eventsourcing/journal/journal-line.js';

const envelopes: readonly RecordedEvent<DomainEvent>[] = [...largeHistory({ seed: 7, events: 300 })];

/** Journal lines of the envelopes, chained, as the journal store writes them. */
const journalLines = (): readonly { readonly line: string; readonly hash: string; readonly envelope: RecordedEvent<DomainEvent> }[] => {
  let prev = GENESIS_HASH;
  return envelopes.map((envelope) => {
    const written = encodeJournalLine(prev, {
      stream: envelope.stream,
      revision: envelope.revision,
      position: envelope.position,
      batch: { index: 0, size: 1 },
      type: envelope.event.type,
      json: JSON.stringify(envelope.event.data),
      metadata: envelope.metadata,
    });
    prev = written.hash;
    return { ...written, envelope };
  });
};

const lines = journalLines();
const SUFFIX = ',"hash":"'.length + 64 + '"}'.length;
/** SHA-256 of a line's body (the line up to its hash field, closed), computed here independently. */
const bodyHash = (line: string): string => createHash('sha256').update(`${line.slice(0, line.length - SUFFIX)}}`, 'utf8').digest('hex');

describe('parseJournalLine', () => {
  it('accepts every line written and gives back its event, place and hash', () => {
    for (const { line, hash, envelope } of lines) {
      const parsed = parseJournalLine(line);
      expect(E.isRight(parsed)).toBe(true);
      if (E.isLeft(parsed)) continue;
      expect(parsed.right.hash).toBe(hash);
      expect(parsed.right.hash).toBe(bodyHash(line));
      expect(parsed.right).toMatchObject({ stream: envelope.stream, revision: envelope.revision, position: envelope.position, type: envelope.event.type });
      expect(parsed.right.data).toEqual(envelope.event.data);
      expect(parsed.right.metadata).toEqual(envelope.metadata);
    }
  });

  it('refuses a line with any one character changed, and says the hash no longer matches when the JSON still reads', () => {
    fc.assert(
      fc.property(fc.nat(lines.length - 1), fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), fc.constantFrom('x', '0', '"', '}', ' ', 'é'), (which, where, character) => {
        const { line } = lines[which] as { readonly line: string };
        const at = Math.floor(where * line.length);
        if (line[at] === character) return;
        const changed = `${line.slice(0, at)}${character}${line.slice(at + 1)}`;
        const parsed = parseJournalLine(changed);
        expect(E.isLeft(parsed)).toBe(true);
        const readsAsJson = ((): boolean => {
          try {
            JSON.parse(changed);
            return true;
          } catch {
            return false;
          }
        })();
        const suffixIntact = changed.slice(changed.length - SUFFIX) === line.slice(line.length - SUFFIX);
        if (readsAsJson && suffixIntact && at < line.length - SUFFIX && E.isLeft(parsed) && !parsed.left.startsWith('field')) {
          expect(parsed.left).toBe('the line was altered: its content does not match its hash');
        }
      }),
      { numRuns: 500 },
    );
  });

  it('finds the hash suffix only at the very end of the line', () => {
    const { line } = lines[0] as { readonly line: string };
    expect(parseJournalLine(`${line} `)).toEqual(E.left('the line does not end with its hash'));
    expect(parseJournalLine(line.slice(0, 40))).toEqual(E.left('the line does not end with its hash'));
    expect(parseJournalLine(`${line}${line.slice(line.length - SUFFIX)}`)).toEqual(E.left('the line is not valid JSON'));
  });
});
