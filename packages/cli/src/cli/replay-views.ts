import * as E from 'fp-ts/lib/Either.js';
import { defaultPolicy, type TornTail } from '@borough-command/domain';
import { applyToAll, createViews, projectionsOf, type BoroughCommandViews } from '@borough-command/projections';
import { openEventSource } from './event-source.js';
import { internalFailure, type CliFailure } from './failure.js';
import type { Io } from './io.js';
import { createProgress } from './progress.js';
import type { StoreChoice } from './store-choice.js';

/** The six views rebuilt from a store, and what the rebuild read. */
export interface ReplayedViews {
  readonly views: BoroughCommandViews;
  /** Events applied to the views. */
  readonly events: number;
  /** A torn tail at the end of the journal, which the views leave out. */
  readonly tornTail: TornTail | undefined;
  /** The type of each event applied, by global position: what `--explain` names. */
  readonly eventTypes: ReadonlyMap<bigint, string>;
  readonly elapsedMs: number;
}

/** How to rebuild. */
export interface ReplayOptions {
  /** Keep each event's type by position, for `--explain`. */
  readonly explain: boolean;
  /** Draw a progress bar on standard error (only on a terminal). */
  readonly progress: boolean;
}

/**
 * Rebuilds the six views from position zero, read-only: a journal is read line by line with
 * `readJournal` (hash chain checked, every event decoded, no lock taken, nothing written);
 * EventStoreDB with `readAll`. Only the domain's streams are read.
 */
export const replayViews = async (choice: StoreChoice, io: Io, options: ReplayOptions): Promise<E.Either<CliFailure, ReplayedViews>> => {
  const started = io.now().getTime();
  const showProgress = options.progress && io.stderrIsTty;
  const source = await openEventSource(choice, { countTotal: showProgress, env: io.env });
  if (E.isLeft(source)) return source;
  const views = createViews(defaultPolicy);
  const projections = projectionsOf(views);
  const eventTypes = new Map<bigint, string>();
  const progress = showProgress ? createProgress(io, 'replaying', source.right.total) : undefined;
  let events = 0;
  try {
    for await (const page of source.right.pages) {
      if (E.isLeft(page)) return page;
      for (const envelope of page.right) {
        const applied = applyToAll(projections, envelope);
        if (E.isLeft(applied)) return E.left(internalFailure(applied.left.message));
        if (options.explain) eventTypes.set(envelope.position, envelope.event.type);
      }
      events += page.right.length;
      progress?.advance(page.right.length);
    }
  } finally {
    progress?.finish();
    await source.right.close();
  }
  return E.right({ views, events, tornTail: source.right.tornTail(), eventTypes, elapsedMs: io.now().getTime() - started });
};

/** Warns on standard error that the views leave out a torn tail, and how to look at it. */
export const warnTornTail = (io: Io, choice: StoreChoice, tornTail: TornTail | undefined): void => {
  if (tornTail === undefined || choice.kind !== 'journal') return;
  io.err(
    io.errStyle.yellow(
      `warning: ${choice.file} ends with a torn tail from line ${String(tornTail.line)} (${String(tornTail.bytes)} bytes of an append a crash cut short); ` +
        `it is left out. Run 'borough-command verify ${choice.file}' for details.`,
    ),
  );
};
