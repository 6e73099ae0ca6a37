import * as E from 'fp-ts/lib/Either.js';
import { EXIT_OK, type CliFailure, type ExitCode } from '../cli/failure.js';
import type { Io } from '../cli/io.js';
import { withEventTypes } from '../cli/explain.js';
import { toJson } from '../cli/json.js';
import { flag } from '../cli/options.js';
import { answerFromViews, warnTornTail, type ReplayedViews } from '../cli/replay-views.js';
import { storeChoiceOf } from '../cli/store-choice.js';
import type { Invocation } from '../cli/subcommand.js';
import type { ViewGroupName } from '../cli/view-groups.js';

/** A view's answer to a subcommand: the JSON document, and the text lines (given the event types to name on `--explain`). */
export interface ViewAnswer {
  readonly json: unknown;
  readonly text: (explain: ReadonlyMap<bigint, string> | undefined) => readonly string[];
}

/**
 * What every view subcommand does: checks its own arguments, rebuilds the groups of views it asks
 * (`groups`) read-only from `--journal`, `--eventstore` or `--postgres`, asks them, and prints the answer as text or as one JSON document
 * (`--explain` names the events behind the figures; in JSON each event ref gets its `type`).
 */
export const runViewCommand = async (
  invocation: Invocation,
  io: Io,
  groups: readonly ViewGroupName[],
  answer: (replayed: ReplayedViews) => E.Either<CliFailure, ViewAnswer>,
): Promise<E.Either<CliFailure, ExitCode>> => {
  const choice = storeChoiceOf(invocation.values);
  if (E.isLeft(choice)) return choice;
  const explain = flag(invocation.values, 'explain');
  const asked = await answerFromViews(choice.right, io, { explain, progress: false, cache: !flag(invocation.values, 'no-cache'), groups }, answer);
  if (E.isLeft(asked)) return asked;
  const { replayed, answer: answered } = asked.right;
  warnTornTail(io, choice.right, replayed.tornTail);
  if (E.isLeft(answered)) return answered;
  if (flag(invocation.values, 'json')) {
    io.out(toJson(explain ? withEventTypes(answered.right.json, replayed.eventTypes) : answered.right.json));
  } else {
    for (const line of answered.right.text(explain ? replayed.eventTypes : undefined)) io.out(line);
  }
  return E.right(EXIT_OK);
};
