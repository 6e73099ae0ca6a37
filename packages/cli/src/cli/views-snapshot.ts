/**
 * The views snapshot beside a journal (`<journal>.views/`, one file per group of views): each
 * group's views as the projection runner checkpoints them, keyed by where in the journal they were
 * taken (bytes, lines, the last line's hash, every stream's revision, the SHA-256 of each 8 MiB
 * of the bytes before that place), the code that wrote them and the policy they were built with. A
 * question restores the groups it needs and folds only the events after; a group's snapshot that
 * does not match is ignored, with the reason, and written again. The bytes before the place are
 * hashed again unless the journal is the very file the snapshot was written beside, untouched since
 * (same device, inode, size and change time), or the file a journal writer of this command line
 * left checked (`checked-journal.ts`): an edit anywhere before the place is found, as a whole
 * replay would find it. The read from the place checks once more that the journal holds it
 * (`readJournalFile` with `from`).
 *
 * A file is NDJSON: a header line (the keys above, each view's snapshot or, for a view saved in
 * sections, its head, and the place and SHA-256 of each section; with the header's own SHA-256),
 * then one line per section
 * (`snapshot-sections.ts`). A section is read only when a question needs it (AC-1: the command units
 * asked about), so a question about one borough reads a small part of a large file; its bytes are
 * checked against their SHA-256 then, and a section that fails makes the question start again
 * without the snapshot (`answerFromViews`).
 */
import { createHash } from 'node:crypto';
import { mkdir, open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { defaultPolicy } from '@borough-command/domain';
import { CHECKPOINT_FORMAT, decodeCheckpoint, firstProblem, type JournalResumePoint } from '@borough-command/domain/eventsourcing';
import { BigIntStringCodec, compareText, isSectioned } from '@borough-command/projections';
import { packageVersion } from '../package-version.js';
import { internalFailure, type CliFailure } from './failure.js';
import { checkedJournal } from './checked-journal.js';
import { FileIdentityCodec, identityOf, sameFile, type FileIdentity } from './file-identity.js';
import { viewsSnapshotFolder } from './views-folder.js';
import { journalDigests, sameDigests } from './journal-digest.js';
import { writeTextFile } from './output-file.js';
import {
  headerLine,
  misplacedSection,
  openHeaderLine,
  readHeaderLine,
  readSection,
  readSectionLine,
  sectionLine,
  SectionPlaceCodec,
  WholeNumberCodec,
  type SectionPlace,
} from './snapshot-sections.js';
import type { ViewGroup } from './view-groups.js';

/** The file of one group's snapshot. */
const groupFile = (journal: string, group: ViewGroup): string => join(viewsSnapshotFolder(journal), `${group.name}.ndjson`);

/** The file of one group's snapshot in the first format (one JSON document): removed when the group's file is written. */
const firstFormatFile = (journal: string, group: ViewGroup): string => join(viewsSnapshotFolder(journal), `${group.name}.json`);

const SNAPSHOT_FORMAT = 2;

/** What wrote a snapshot: the command line's version and the checkpoint format of its views. */
const codeVersion = (): string => `borough-command ${packageVersion()}, views checkpoint format ${String(CHECKPOINT_FORMAT)}`;

/** The policy the views are built with, as a fingerprint: another default policy is another snapshot. */
const policyFingerprint = (): string => createHash('sha256').update(JSON.stringify(defaultPolicy)).digest('hex');


/**
 * Every stream's last revision at the place, as one flat list, stream then revision (a decimal
 * string), one pair after another, on a line of its own: a million-event journal has tens of
 * thousands of streams, a flat list of strings reads back several times faster than an object of as
 * many keys, and a question on a journal with nothing after the place does not read it at all.
 */
const isRevisions = (value: unknown): value is readonly string[] =>
  Array.isArray(value) &&
  value.length % 2 === 0 &&
  value.every((text, index) => typeof text === 'string' && (index % 2 === 0 || BigIntStringCodec.is(text)));

/** The key of the line of the streams' revisions. */
const REVISIONS = 'journal revisions';

const SnapshotCodec = t.type({
  format: t.literal(SNAPSHOT_FORMAT),
  code: t.string,
  policy: t.string,
  group: t.string,
  journal: t.type({
    bytes: WholeNumberCodec,
    count: WholeNumberCodec,
    head: t.string,
    /** The place of the line of every stream's last revision (the first line after the header), read only when the journal has more. */
    revisions: SectionPlaceCodec,
    /** SHA-256 of each 8 MiB of the journal's first `bytes` bytes (`journal-digest.ts`). */
    digests: t.readonlyArray(t.string),
    /** The file the snapshot was written beside, as it was then. */
    file: FileIdentityCodec,
  }),
  checkpoint: t.unknown,
  /** The sections of each view saved in sections, in the order of their lines after the header (after the revisions' line). */
  sections: t.record(t.string, t.readonlyArray(SectionPlaceCodec)),
});

/** The position a checkpoint taken after a journal's first `count` lines names: its last line's (a journal's positions are its line numbers from 0). */
const checkpointPosition = (count: number): string | null => (count === 0 ? null : String(count - 1));

/** The revisions a snapshot's flat list holds, by stream. */
const revisionsOf = (list: readonly string[]): Map<string, bigint> => {
  const revisions = new Map<string, bigint>();
  for (let index = 0; index + 1 < list.length; index += 2) revisions.set(list[index] as string, BigInt(list[index + 1] as string));
  return revisions;
};

/** A group's snapshot that matches: where it was taken, the digests of the bytes before, and where its unread sections are. */
export interface GroupSnapshot {
  readonly at: JournalResumePoint;
  /** The digests of the journal's bytes before the place, as the journal holds them now. */
  readonly digests: readonly string[];
  /**
   * Where the sections not read yet are: the file restored from, until a snapshot written since
   * (which copies them) takes its place. Views read their sections from here, and a snapshot written
   * later copies the sections kept from here.
   */
  readonly sections: { current: RestoredSections };
}

/** A snapshot file, where its sections begin, and each view's sections by key. */
export interface RestoredSections {
  readonly file: string;
  readonly bodyStart: number;
  readonly places: ReadonlyMap<string, ReadonlyMap<string, SectionPlace>>;
}

/** Why a snapshot is not used: a sentence, or undefined when there is none to use (no file). */
export type SnapshotUnusable = { readonly reason: string } | undefined;

/**
 * Reads a group's snapshot, checks it against the code, the policy and the journal as it is now,
 * and restores the group's views from it; `Left` says why it cannot be used (`undefined` when there
 * is no snapshot), and the group's views may then be half restored: make them again.
 */
export const restoreGroup = async (journal: string, group: ViewGroup): Promise<E.Either<SnapshotUnusable, GroupSnapshot>> => {
  const file = groupFile(journal, group);
  let read: { readonly header: Buffer | undefined; readonly size: number };
  try {
    const handle = await open(file, 'r');
    try {
      read = await readHeaderLine(handle);
    } finally {
      await handle.close();
    }
  } catch (cause) {
    const code = (cause as { readonly code?: string }).code;
    return E.left(code === 'ENOENT' ? undefined : { reason: `${file} cannot be read (${String(cause)})` });
  }
  const opened = read.header === undefined ? { problem: 'does not begin with the line of its header and its SHA-256' } : openHeaderLine(read.header);
  if ('problem' in opened) return E.left({ reason: `${file} ${opened.problem}` });
  const decoded = SnapshotCodec.decode(opened.header);
  if (E.isLeft(decoded)) {
    const problem = firstProblem(decoded.left);
    return E.left({ reason: `${file} is not a views snapshot (${problem.path === '' ? 'the header' : `'${problem.path}'`}: ${problem.reason})` });
  }
  const snapshot = decoded.right;
  if (snapshot.code !== codeVersion()) return E.left({ reason: `${file} was written by ${snapshot.code}, not ${codeVersion()}` });
  // The sections are read one by one when the views need them, each checked then: here only that they fill the file.
  const bodyStart = (read.header?.length ?? 0) + 1;
  const places = [
    ['journal', snapshot.journal.revisions] as const,
    ...Object.entries(snapshot.sections).flatMap(([view, sections]) => sections.map((place) => [view, place] as const)),
  ];
  const misplaced = misplacedSection(places, read.size - bodyStart);
  if (misplaced !== undefined) return E.left({ reason: `${file} does not place its sections where they are (${misplaced})` });
  if (snapshot.policy !== policyFingerprint() || snapshot.group !== group.name) return E.left({ reason: `${file} was built with another policy or for other views` });
  const checkpoint = decodeCheckpoint(snapshot.checkpoint, file);
  if (E.isLeft(checkpoint)) return E.left({ reason: checkpoint.left.message });
  if (checkpoint.right.position !== checkpointPosition(snapshot.journal.count)) return E.left({ reason: `${file} holds views that are not at its place in the journal` });
  const now = await identityOf(journal);
  if (now === undefined) return E.left({ reason: `${journal} is not there` });
  if (now.size < snapshot.journal.bytes) {
    return E.left({ reason: `${journal} is ${String(now.size)} bytes long, shorter than the ${String(snapshot.journal.bytes)} bytes ${file} was taken at` });
  }
  // The streams' revisions check the lines after the place: with none (a journal no longer than
  // the place), they are not read, and a read from the place reads nothing to check.
  let revisions = new Map<string, bigint>();
  if (now.size > snapshot.journal.bytes) {
    try {
      const list = readSection(file, bodyStart, snapshot.journal.revisions);
      if (!isRevisions(list)) return E.left({ reason: `${file} does not hold the streams' revisions as pairs of a stream and a decimal revision` });
      revisions = revisionsOf(list);
    } catch (cause) {
      return E.left({ reason: cause instanceof Error ? cause.message : String(cause) });
    }
  }
  const at: JournalResumePoint = { bytes: snapshot.journal.bytes, count: snapshot.journal.count, head: snapshot.journal.head, revisions };
  // The bytes before the place are hashed again unless the journal is the file the snapshot was
  // taken beside, untouched since, or a file every line of which a journal writer of this command
  // line checked (or wrote) as it is now: then the line at the place, which chains every line before
  // it, is the snapshot's only if they are, and the read from the place checks that line.
  const untouched = sameFile(now, snapshot.journal.file) || sameFile(now, await checkedJournal(journal));
  if (!untouched) {
    let digests: readonly string[];
    try {
      digests = journalDigests(journal, at.bytes);
    } catch (cause) {
      return E.left({ reason: `${journal} could not be read (${String(cause)})` });
    }
    if (!sameDigests(digests, snapshot.journal.digests)) {
      return E.left({ reason: `${journal} was changed before line ${String(at.count + 1)} since ${file} was taken (its bytes differ)` });
    }
  }
  const source = { current: { file, bodyStart, places: placesByView(snapshot.sections) } };
  for (const projection of group.projections) {
    const saved = checkpoint.right.views[projection.name];
    if (saved === undefined) return E.left({ reason: `${file} has no ${projection.name} view` });
    const sections = snapshot.sections[projection.name];
    if (isSectioned(projection) !== (sections !== undefined)) return E.left({ reason: `${file} does not hold the ${projection.name} view in the sections it is saved in` });
    const restored =
      sections === undefined || !isSectioned(projection)
        ? projection.restore(saved)
        : projection.restoreSections(saved, new Map(sections.map(([key]) => [key, () => readSection(source.current.file, source.current.bodyStart, placeIn(source.current, projection.name, key))])));
    if (E.isLeft(restored)) return E.left({ reason: `the ${projection.name} view of ${file} does not fit: ${restored.left.message}` });
  }
  return E.right({ at, digests: snapshot.journal.digests, sections: source });
};

/** Each view's sections by key. */
const placesByView = (sections: Readonly<Record<string, readonly SectionPlace[]>>): ReadonlyMap<string, ReadonlyMap<string, SectionPlace>> =>
  new Map(Object.entries(sections).map(([view, placed]) => [view, new Map(placed.map((place) => [place[0], place]))]));

/** A section's place in a snapshot file (one the views were restored with, or one written since with it kept). */
const placeIn = (sections: RestoredSections, view: string, key: string): SectionPlace => {
  const place = sections.places.get(view)?.get(key);
  if (place === undefined) throw new Error(`${sections.file} has no section '${key}' of the ${view} view`);
  return place;
};

/** Where a journal was read to, and the digests of its bytes before that place: what a snapshot taken there is keyed by. */
export interface SnapshotPlace {
  readonly at: JournalResumePoint;
  readonly digests: readonly string[];
  readonly file: FileIdentity;
}

/** The place a read reached, with the digests of the bytes before it (`from`: those of a shorter prefix, as the journal holds it). */
export const placeOf = (
  journal: string,
  at: JournalResumePoint,
  from: { readonly bytes: number; readonly digests: readonly string[] } | undefined,
): Promise<E.Either<CliFailure, SnapshotPlace>> =>
  identityOf(journal).then((file) => {
    if (file === undefined) return E.left(internalFailure(`${journal} is gone`));
    try {
      return E.right({ at, digests: journalDigests(journal, at.bytes, from?.digests, from?.bytes), file });
    } catch (cause) {
      return E.left(internalFailure(`${journal} could not be read to hash it (${String(cause)})`));
    }
  });

/**
 * The line of a section kept since the restore, copied as it is from the file restored from, at
 * its new place, with its SHA-256: a reader checks it as it reads it.
 */
const keptLine = (
  restored: RestoredSections | undefined,
  view: string,
  key: string,
  offset: number,
): E.Either<CliFailure, { readonly line: Buffer; readonly place: SectionPlace }> => {
  if (restored === undefined) return E.left(internalFailure(`the ${view} view kept a section '${key}' it was not restored with`));
  try {
    const place = placeIn(restored, view, key);
    return E.right({ line: readSectionLine(restored.file, restored.bodyStart, place, false), place: [key, offset, place[2], place[3]] });
  } catch (cause) {
    return E.left(internalFailure(cause instanceof Error ? cause.message : String(cause)));
  }
};

/** Writes a group's snapshot at a place, whole or not at all (a file beside it, renamed over it); the first format's file of the group goes. */
export const saveGroup = async (
  journal: string,
  group: ViewGroup,
  place: SnapshotPlace,
  restored: RestoredSections | undefined,
): Promise<E.Either<CliFailure, RestoredSections>> => {
  const { at } = place;
  const views: Record<string, unknown> = {};
  const sections: Record<string, SectionPlace[]> = {};
  const revisions = sectionLine(REVISIONS, [...at.revisions].flatMap(([stream, revision]) => [stream, revision.toString()]), 0);
  const lines: Buffer[] = [revisions.line];
  let offset = revisions.line.length;
  for (const projection of group.projections) {
    if (!isSectioned(projection)) {
      views[projection.name] = projection.snapshot();
      continue;
    }
    const saved = projection.saveSections();
    views[projection.name] = saved.head;
    const written = new Map(saved.sections);
    const places: SectionPlace[] = [];
    for (const key of [...written.keys(), ...saved.kept].sort(compareText)) {
      const line = written.has(key) ? E.right(sectionLine(key, written.get(key), offset)) : keptLine(restored, projection.name, key, offset);
      if (E.isLeft(line)) return line;
      lines.push(line.right.line);
      places.push(line.right.place);
      offset += line.right.line.length;
    }
    sections[projection.name] = places;
  }
  const header = {
    format: SNAPSHOT_FORMAT,
    code: codeVersion(),
    policy: policyFingerprint(),
    group: group.name,
    journal: {
      bytes: at.bytes,
      count: at.count,
      head: at.head,
      revisions: revisions.place,
      digests: place.digests,
      file: place.file,
    },
    checkpoint: { format: CHECKPOINT_FORMAT, position: checkpointPosition(at.count), views },
    sections,
  };
  try {
    await mkdir(viewsSnapshotFolder(journal), { recursive: true });
  } catch (cause) {
    return E.left(internalFailure(`cannot make ${viewsSnapshotFolder(journal)}: ${String(cause)}`));
  }
  const headerBytes = headerLine(header);
  const written = await writeTextFile(groupFile(journal, group), [headerBytes, Buffer.from('\n', 'utf8'), ...lines]);
  if (E.isLeft(written)) return written;
  await rm(firstFormatFile(journal, group), { force: true }).catch(() => undefined);
  return E.right({ file: groupFile(journal, group), bodyStart: headerBytes.length + 1, places: placesByView(sections) });
};
