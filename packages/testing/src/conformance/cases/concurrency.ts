import * as E from 'fp-ts/lib/Either.js';
import { showExpectedRevision, type ExpectedRevision } from '@borough-command/domain/eventsourcing';
import { numberedItems } from '../conformance-events.js';
import type { ConformanceContext } from '../context.js';
import { conformanceCase } from '../define-case.js';
import { ensure, ensureEqual, mustFailWith } from '../expectations.js';
import { appendOk, idsOf, readStreamOk } from '../reading.js';
import { show } from '../show.js';
import type { ConformanceCase } from '../subject.js';

const GROUP = 'optimistic concurrency';

/** Races two writers at one expected revision; checks one winner, one typed loser, only the winner's events. */
const race = async (context: ConformanceContext, name: string, expected: ExpectedRevision, idsBefore: readonly string[]): Promise<readonly string[]> => {
  const guarantee = `two writers racing for ${name} at ${showExpectedRevision(expected)}: exactly one wins`;
  const writers = [context.command(numberedItems('left', 0, 2)), context.command(numberedItems('right', 0, 3))];
  const results = await Promise.all(writers.map((events) => context.store.appendToStream(name, events, expected)()));
  const winners = results.flatMap((r, i) => (E.isRight(r) ? [i] : []));
  ensure(winners.length === 1, guarantee, () => `${String(winners.length)} writers succeeded: ${show(results)}`);
  const winner = winners[0] as number;
  const loser = 1 - winner;
  const winnerEvents = writers[winner] ?? [];
  const expectedAfter = [...idsBefore, ...idsOf(winnerEvents)];
  const error = mustFailWith(results[loser] as E.Either<never, unknown>, 'WrongExpectedRevision', `${guarantee}; the other gets WrongExpectedRevision`);
  ensureEqual(
    { stream: error.stream, expected: error.expected, actual: error.actual },
    { stream: name, expected, actual: BigInt(expectedAfter.length - 1) },
    `${guarantee}; the loser's conflict names the stream, its expectation and the winner's last revision`,
  );
  const stored = await readStreamOk(context.store, name, undefined, guarantee);
  ensureEqual(idsOf(stored), expectedAfter, `${guarantee}; the stream holds the winner's events only`);
  return expectedAfter;
};

/** Two writers racing for one stream at the same expected revision. */
export const concurrencyCases: readonly ConformanceCase[] = [
  conformanceCase(GROUP, 'two writers racing at the same exact revision: one wins, the other gets WrongExpectedRevision', async (context) => {
    const name = context.stream('contended');
    const seed = context.command(numberedItems('seed', 0, 1));
    await appendOk(context.store, name, seed, 'no_stream', 'seeding the contended stream');
    let ids = idsOf(seed);
    for (let round = 0; round < 5; round++) ids = await race(context, name, BigInt(ids.length - 1), ids);
  }),
  conformanceCase(GROUP, 'two writers racing to create a stream with no_stream: one wins, the other gets WrongExpectedRevision', async (context) => {
    for (let round = 0; round < 5; round++) await race(context, context.stream(`created-${String(round)}`), 'no_stream', []);
  }),
];
