import * as E from 'fp-ts/lib/Either.js';
import type { JournalResumePoint, TornTail } from '@borough-command/domain/eventsourcing';
import { applyToAll, type BoroughCommandViews } from '@borough-command/projections';
import { openEventSource } from './event-source.js';
import { internalFailure, type CliFailure } from './failure.js';
import type { Io } from './io.js';
import { isSectionUnreadable } from './snapshot-sections.js';
import { createProgress } from './progress.js';
import type { StoreChoice } from './store-choice.js';
import { allViewGroups, createViewGroup, viewsOfGroups, type ViewGroup, type ViewGroupName } from './view-groups.js';
import { viewsSnapshotFolder } from './views-folder.js';
import { placeOf, restoreGroup, saveGroup, type GroupSnapshot } from './views-snapshot.js';

/** The views rebuilt from a store for a question, and what the rebuild read. */
export interface ReplayedViews {
  /** The views of the groups asked for; a view of another group throws when it is used. */
  readonly views: BoroughCommandViews;
  /** Events the views hold (those restored from the snapshot and those folded). */
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
  /**
   * A journal only: start each group of views from the snapshot beside the journal when it
   * matches, and write it again when the journal has more (`--no-cache` turns this off;
   * `--explain` needs every event's type, so it replays the whole journal).
   */
  readonly cache: boolean;
  /** The groups of views the question needs (every group by default): only they are folded. */
  readonly groups?: readonly ViewGroupName[];
}

/** A view of a group the question did not ask for: any use of it is a bug of the question. */
const absentView = (name: string): never =>
  new Proxy(
    {},
    {
      get: () => {
        throw new Error(`the ${name} view was not replayed for this question`);
      },
    },
  ) as never;

/** The views of the groups asked for, the others absent. */
const viewsFor = (groups: readonly ViewGroup[]): BoroughCommandViews => {
  const views = viewsOfGroups(groups);
  return {
    tenure: views.tenure ?? absentView('TE-1 tenure'),
    continuity: views.continuity ?? absentView('TE-2 continuity'),
    careers: views.careers ?? absentView('TE-3 careers'),
    accountability: views.accountability ?? absentView('AC-1 accountability'),
    compliance: views.compliance ?? absentView('AC-2 compliance'),
    audit: views.audit ?? absentView('AU-1 audit'),
    policy: views.policy ?? absentView('PH-1 policy'),
  };
};

/** A group and where its views stand in the journal: at its snapshot's place, or at the start. */
interface StartingGroup {
  readonly group: ViewGroup;
  readonly snapshot: GroupSnapshot | undefined;
}

/** The one-line notice that the views snapshot beside a journal is not used, and why. */
const noteSnapshotNotUsed = (io: Io, journal: string, reason: string): void => {
  io.err(`note: not using the views snapshot in ${viewsSnapshotFolder(journal)}: ${reason}; replaying those views from the start and writing them again.`);
};

/** Each group restored from its snapshot when it matches, else empty; one note says which snapshots were not used and why. */
const startingGroups = async (choice: StoreChoice, io: Io, names: readonly ViewGroupName[], useSnapshot: boolean): Promise<readonly StartingGroup[]> => {
  if (!useSnapshot || choice.kind !== 'journal') return names.map((name) => ({ group: createViewGroup(name), snapshot: undefined }));
  const reasons: string[] = [];
  const starting: StartingGroup[] = [];
  for (const name of names) {
    const group = createViewGroup(name);
    const restored = await restoreGroup(choice.file, group);
    if (E.isRight(restored)) {
      starting.push({ group, snapshot: restored.right });
      continue;
    }
    if (restored.left !== undefined) reasons.push(restored.left.reason);
    // A group half restored is made again, empty.
    starting.push({ group: createViewGroup(name), snapshot: undefined });
  }
  if (reasons.length > 0) {
    const more = reasons.length > 1 ? ` (and ${String(reasons.length - 1)} more)` : '';
    noteSnapshotNotUsed(io, choice.file, `${reasons[0] ?? ''}${more}`);
  }
  return starting;
};

/** The place the whole read starts from: the earliest of the groups' (none when a group starts empty). */
const earliestPlace = (groups: readonly StartingGroup[]): StartingGroup | undefined =>
  groups.some((starting) => starting.snapshot === undefined)
    ? undefined
    : groups.reduce<StartingGroup | undefined>((earliest, starting) => ((starting.snapshot?.at.count ?? 0) < (earliest?.snapshot?.at.count ?? Infinity) ? starting : earliest), undefined);

/** Writes the snapshot of every group the read moved on; a snapshot that cannot be written costs the next question a replay, nothing more. */
const saveMovedGroups = async (journal: string, io: Io, groups: readonly StartingGroup[], from: StartingGroup | undefined, reached: JournalResumePoint): Promise<void> => {
  const moved = groups.filter((starting) => starting.snapshot?.at.count !== reached.count);
  if (moved.length === 0) return;
  const start = from?.snapshot;
  const place = await placeOf(journal, reached, start === undefined ? undefined : { bytes: start.at.bytes, digests: start.digests });
  if (E.isLeft(place)) {
    io.err(`note: the views snapshot was not written: ${place.left.message}`);
    return;
  }
  for (const starting of moved) {
    const saved = await saveGroup(journal, starting.group, place.right, starting.snapshot?.sections.current);
    if (E.isLeft(saved)) {
      io.err(`note: the views snapshot was not written: ${saved.left.message}`);
      return;
    }
    // The sections the views have not read yet are now in the file just written.
    if (starting.snapshot !== undefined) starting.snapshot.sections.current = saved.right;
  }
};

/**
 * Rebuilds the views a question needs, read-only: a journal is read line by line with
 * `readJournalFile` (hash chain checked, every event decoded, no lock taken), from its views snapshot
 * on when one matches (the snapshot is the only thing written); EventStoreDB and PostgreSQL with
 * `readAll`. Only the domain's streams are read, and only the groups asked for are folded.
 */
export const replayViews = (choice: StoreChoice, io: Io, options: ReplayOptions): Promise<E.Either<CliFailure, ReplayedViews>> => replay(choice, io, options, true);

/** `replayViews`, restoring the snapshot or not: a snapshot whose place the journal turns out not to hold is replayed again without it. */
const replay = async (choice: StoreChoice, io: Io, options: ReplayOptions, restore: boolean): Promise<E.Either<CliFailure, ReplayedViews>> => {
  const started = io.now().getTime();
  const showProgress = options.progress && io.stderrIsTty;
  const useSnapshot = options.cache && !options.explain && choice.kind === 'journal';
  const groups = await startingGroups(choice, io, options.groups ?? allViewGroups, useSnapshot && restore);
  const from = earliestPlace(groups);
  const source = await openEventSource(choice, {
    countTotal: showProgress && from === undefined,
    env: io.env,
    ...(from?.snapshot === undefined ? {} : { from: from.snapshot.at }),
  });
  if (E.isLeft(source)) return source;
  // A group restored at a later place than the read starts from skips the events before it.
  const feeds = groups.map((starting) => ({ projections: starting.group.projections, after: BigInt(starting.snapshot?.at.count ?? 0) }));
  const eventTypes = new Map<bigint, string>();
  const progress = showProgress ? createProgress(io, 'replaying', source.right.total) : undefined;
  let events = from?.snapshot?.at.count ?? 0;
  try {
    for await (const page of source.right.pages) {
      if (E.isLeft(page)) return page;
      for (const envelope of page.right) {
        for (const feed of feeds) {
          if (envelope.position < feed.after) continue;
          const applied = applyToAll(feed.projections, envelope);
          // A section of the snapshot found changed as a fold reads it: the question starts again without it (`answerFromViews`).
          if (E.isLeft(applied) && isSectionUnreadable(applied.left.cause)) throw applied.left.cause;
          if (E.isLeft(applied)) return E.left(internalFailure(applied.left.message));
        }
        if (options.explain) eventTypes.set(envelope.position, envelope.event.type);
      }
      events += page.right.length;
      progress?.advance(page.right.length);
    }
  } finally {
    progress?.finish();
    await source.right.close();
  }
  const gone = source.right.resumePointGone();
  if (gone !== undefined && choice.kind === 'journal') {
    noteSnapshotNotUsed(io, choice.file, `${gone.file} does not hold the place it was taken at (after line ${String(gone.line)}): ${gone.reason}`);
    return replay(choice, io, options, false);
  }
  const reached = source.right.resumeAt();
  if (useSnapshot && choice.kind === 'journal' && reached !== undefined) await saveMovedGroups(choice.file, io, groups, from, reached);
  return E.right({ views: viewsFor(groups.map((starting) => starting.group)), events, tornTail: source.right.tornTail(), eventTypes, elapsedMs: io.now().getTime() - started });
};

/**
 * Rebuilds the views a question needs (`replayViews`) and asks them. A view restored from the
 * snapshot reads a section of it only when the question or a fold needs it; a section found changed
 * or cut then makes the question start again without the snapshot, with the one-line notice, so the
 * answer is a whole replay's.
 */
export const answerFromViews = async <A>(
  choice: StoreChoice,
  io: Io,
  options: ReplayOptions,
  ask: (replayed: ReplayedViews) => A | Promise<A>,
): Promise<E.Either<CliFailure, { readonly replayed: ReplayedViews; readonly answer: A }>> => {
  try {
    const replayed = await replay(choice, io, options, true);
    if (E.isLeft(replayed)) return replayed;
    return E.right({ replayed: replayed.right, answer: await ask(replayed.right) });
  } catch (cause) {
    if (!isSectionUnreadable(cause) || choice.kind !== 'journal') throw cause;
    noteSnapshotNotUsed(io, choice.file, cause.message);
    const again = await replay(choice, io, options, false);
    if (E.isLeft(again)) return again;
    return E.right({ replayed: again.right, answer: await ask(again.right) });
  }
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
