import * as E from 'fp-ts/lib/Either.js';
import { defaultPolicy } from '@borough-command/domain';
import type { TornTail } from '@borough-command/domain/eventsourcing';
import type { JournalResumePoint } from '@borough-command/domain/eventsourcing';
import { applyToAll, createViews, projectionsOf, type BoroughCommandViews, type Projection } from '@borough-command/projections';
import { openEventSource } from './event-source.js';
import { internalFailure, type CliFailure } from './failure.js';
import type { Io } from './io.js';
import { createProgress } from './progress.js';
import type { StoreChoice } from './store-choice.js';
import { loadViewsSnapshot, restoreFromSnapshot, saveViewsSnapshot, viewsSnapshotFile, type ViewsSnapshot } from './views-snapshot.js';

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
  /** Events the views had from the journal's snapshot, not folded again (0 without one). */
  readonly fromSnapshot: number;
}

/** How to rebuild. */
export interface ReplayOptions {
  /** Keep each event's type by position, for `--explain`. */
  readonly explain: boolean;
  /** Draw a progress bar on standard error (only on a terminal). */
  readonly progress: boolean;
  /**
   * A journal only: start from the views snapshot beside it when it matches, and write it again
   * when the journal has more (`--no-cache` turns this off; `--explain` needs every event's type,
   * so it replays the whole journal).
   */
  readonly cache: boolean;
}

/** The views, restored from the journal's snapshot when there is one that matches; a notice says why one is not used. */
const startingViews = async (
  choice: StoreChoice,
  io: Io,
  useSnapshot: boolean,
): Promise<{ readonly views: BoroughCommandViews; readonly projections: readonly Projection[]; readonly snapshot: ViewsSnapshot | undefined }> => {
  const fresh = () => {
    const views = createViews(defaultPolicy);
    return { views, projections: projectionsOf(views), snapshot: undefined };
  };
  if (!useSnapshot || choice.kind !== 'journal') return fresh();
  const notice = (reason: string): void => {
    io.err(`note: not using the views snapshot ${viewsSnapshotFile(choice.file)}: ${reason}; replaying the whole journal and writing it again.`);
  };
  const snapshot = await loadViewsSnapshot(choice.file);
  if (E.isLeft(snapshot)) {
    if (snapshot.left !== undefined) notice(snapshot.left.reason);
    return fresh();
  }
  const restored = fresh();
  const fits = restoreFromSnapshot(restored.projections, snapshot.right);
  if (E.isLeft(fits)) {
    notice(fits.left);
    return fresh();
  }
  return { ...restored, snapshot: snapshot.right };
};

/**
 * Rebuilds the six views, read-only: a journal is read line by line with `readJournal` (hash
 * chain checked, every event decoded, no lock taken), from its views snapshot on when one matches
 * (the snapshot is the only thing written); EventStoreDB and PostgreSQL with `readAll`. Only the
 * domain's streams are read.
 */
export const replayViews = async (choice: StoreChoice, io: Io, options: ReplayOptions): Promise<E.Either<CliFailure, ReplayedViews>> => {
  const started = io.now().getTime();
  const showProgress = options.progress && io.stderrIsTty;
  const useSnapshot = options.cache && !options.explain && choice.kind === 'journal';
  const { views, projections, snapshot } = await startingViews(choice, io, useSnapshot);
  const from: JournalResumePoint | undefined = snapshot?.at;
  const source = await openEventSource(choice, { countTotal: showProgress && from === undefined, env: io.env, ...(from === undefined ? {} : { from }) });
  if (E.isLeft(source)) return source;
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
  const resumeAt = source.right.resumeAt();
  if (useSnapshot && choice.kind === 'journal' && resumeAt !== undefined && resumeAt.count !== from?.count) {
    // A snapshot that cannot be written costs the next question a whole replay, nothing more.
    const saved = await saveViewsSnapshot(choice.file, resumeAt, projections, snapshot);
    if (E.isLeft(saved)) io.err(`note: the views snapshot was not written: ${saved.left.message}`);
  }
  const fromSnapshot = from?.count ?? 0;
  return E.right({ views, events: fromSnapshot + events, tornTail: source.right.tornTail(), eventTypes, elapsedMs: io.now().getTime() - started, fromSnapshot });
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
