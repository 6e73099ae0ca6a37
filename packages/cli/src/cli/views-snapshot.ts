/**
 * The views snapshot beside a journal (`<journal>.views/`, one file per group of views): each
 * group's views as the projection runner checkpoints them, keyed by where in the journal they were
 * taken (bytes, lines, the last line's hash, every stream's revision, the SHA-256 of every byte
 * before that place), the code that wrote them and the policy they were built with. A question
 * restores the groups it needs and folds only the events after; a group's snapshot that does not
 * match is ignored, with the reason, and written again. The bytes before the place are hashed
 * again unless the journal is the very file the snapshot was written beside, untouched since (same
 * device, inode, size and change time): an edit anywhere before the place is found, as a whole
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
import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { defaultPolicy } from '@borough-command/domain';
import { CHECKPOINT_FORMAT, decodeCheckpoint, firstProblem, type JournalResumePoint } from '@borough-command/domain/eventsourcing';
import { isSectioned } from '@borough-command/projections';
import { packageVersion } from '../package-version.js';
import { internalFailure, type CliFailure } from './failure.js';
import { writeTextFile } from './output-file.js';
import { headerLine, misplacedSection, openHeaderLine, readHeaderLine, readSection, sectionLine, SectionPlaceCodec, type SectionPlace } from './snapshot-sections.js';
import type { ViewGroup } from './view-groups.js';

/** Where the views snapshot of a journal lives: a folder beside it. */
export const viewsSnapshotFolder = (journal: string): string => `${journal}.views`;

/** The file of one group's snapshot. */
const groupFile = (journal: string, group: ViewGroup): string => join(viewsSnapshotFolder(journal), `${group.name}.ndjson`);

/** The file of one group's snapshot in the first format (one JSON document): removed when the group's file is written. */
const firstFormatFile = (journal: string, group: ViewGroup): string => join(viewsSnapshotFolder(journal), `${group.name}.json`);

const SNAPSHOT_FORMAT = 2;

/** What wrote a snapshot: the command line's version and the checkpoint format of its views. */
const codeVersion = (): string => `borough-command ${packageVersion()}, views checkpoint format ${String(CHECKPOINT_FORMAT)}`;

/** The policy the views are built with, as a fingerprint: another default policy is another snapshot. */
const policyFingerprint = (): string => createHash('sha256').update(JSON.stringify(defaultPolicy)).digest('hex');

const WholeNumber = t.refinement(t.number, (n) => Number.isInteger(n) && n >= 0, 'whole number');
const REVISION = /^(0|[1-9]\d*)$/;

/**
 * Every stream's last revision at the place, as one flat list, stream then revision (a decimal
 * string), one pair after another: a million-event journal has tens of thousands of streams, and
 * a flat list of strings reads back several times faster than an object of as many keys.
 */
const isRevisions = (value: unknown): value is readonly string[] =>
  Array.isArray(value) &&
  value.length % 2 === 0 &&
  value.every((text, index) => typeof text === 'string' && (index % 2 === 0 || REVISION.test(text)));
// Checked in one loop: io-ts's array codec builds a context for each of the many elements.
const RevisionsCodec = new t.Type<readonly string[], readonly string[]>(
  'stream and decimal revision, pair after pair',
  isRevisions,
  (value, context) => (isRevisions(value) ? t.success(value) : t.failure(value, context)),
  t.identity,
);
const FileIdentityCodec = t.type({ dev: t.number, ino: t.number, size: t.number, ctimeMs: t.number });

/** The journal file as it was: device, inode, size and change time. */
export type FileIdentity = t.TypeOf<typeof FileIdentityCodec>;

const SnapshotCodec = t.type({
  format: t.literal(SNAPSHOT_FORMAT),
  code: t.string,
  policy: t.string,
  group: t.string,
  journal: t.type({
    bytes: WholeNumber,
    count: WholeNumber,
    head: t.string,
    revisions: RevisionsCodec,
    /** SHA-256 of the journal's first `bytes` bytes. */
    sha256: t.string,
    /** The file the snapshot was written beside, as it was then. */
    file: FileIdentityCodec,
  }),
  checkpoint: t.unknown,
  /** The sections of each view saved in sections, in the order of their lines after the header. */
  sections: t.record(t.string, t.readonlyArray(SectionPlaceCodec)),
});

/** The revisions a snapshot's flat list holds, by stream. */
const revisionsOf = (list: readonly string[]): Map<string, bigint> => {
  const revisions = new Map<string, bigint>();
  for (let index = 0; index + 1 < list.length; index += 2) revisions.set(list[index] as string, BigInt(list[index + 1] as string));
  return revisions;
};

/** A group's snapshot that matches: where it was taken, and the hash of the bytes before, still open to more, when they were hashed again. */
export interface GroupSnapshot {
  readonly at: JournalResumePoint;
  readonly prefix: Hash | undefined;
}

/** Why a snapshot is not used: a sentence, or undefined when there is none to use (no file). */
export type SnapshotUnusable = { readonly reason: string } | undefined;

/** The journal's device, inode, size and change time, if it is there. */
export const identityOf = async (file: string): Promise<FileIdentity | undefined> => {
  try {
    const info = await stat(file);
    return { dev: info.dev, ino: info.ino, size: info.size, ctimeMs: info.ctimeMs };
  } catch {
    return undefined;
  }
};

/** Feeds bytes `from` to `to` of a file into a hash. */
export const hashBytes = async (hash: Hash, file: string, from: number, to: number): Promise<Hash> => {
  if (to <= from) return hash;
  for await (const chunk of createReadStream(file, { start: from, end: to - 1, highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) hash.update(chunk);
  return hash;
};

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
  const places = Object.entries(snapshot.sections).flatMap(([view, sections]) => sections.map((place) => [view, place] as const));
  const misplaced = misplacedSection(places, read.size - bodyStart);
  if (misplaced !== undefined) return E.left({ reason: `${file} does not place its sections where they are (${misplaced})` });
  if (snapshot.policy !== policyFingerprint() || snapshot.group !== group.name) return E.left({ reason: `${file} was built with another policy or for other views` });
  const checkpoint = decodeCheckpoint(snapshot.checkpoint, file);
  if (E.isLeft(checkpoint)) return E.left({ reason: checkpoint.left.message });
  const expected = snapshot.journal.count === 0 ? null : String(snapshot.journal.count - 1);
  if (checkpoint.right.position !== expected) return E.left({ reason: `${file} holds views that are not at its place in the journal` });
  const at: JournalResumePoint = {
    bytes: snapshot.journal.bytes,
    count: snapshot.journal.count,
    head: snapshot.journal.head,
    revisions: revisionsOf(snapshot.journal.revisions),
  };
  const now = await identityOf(journal);
  if (now === undefined) return E.left({ reason: `${journal} is not there` });
  if (now.size < at.bytes) return E.left({ reason: `${journal} is ${String(now.size)} bytes long, shorter than the ${String(at.bytes)} bytes ${file} was taken at` });
  const recorded = snapshot.journal.file;
  const untouched =
    now.dev === recorded.dev && now.ino === recorded.ino && now.size === recorded.size && now.ctimeMs === recorded.ctimeMs;
  let prefix: Hash | undefined;
  if (!untouched) {
    try {
      prefix = await hashBytes(createHash('sha256'), journal, 0, at.bytes);
    } catch (cause) {
      return E.left({ reason: `${journal} could not be read (${String(cause)})` });
    }
    if (prefix.copy().digest('hex') !== snapshot.journal.sha256) {
      return E.left({ reason: `${journal} was changed before line ${String(at.count + 1)} since ${file} was taken (its bytes differ)` });
    }
  }
  for (const projection of group.projections) {
    const saved = checkpoint.right.views[projection.name];
    if (saved === undefined) return E.left({ reason: `${file} has no ${projection.name} view` });
    const sections = snapshot.sections[projection.name];
    if (isSectioned(projection) !== (sections !== undefined)) return E.left({ reason: `${file} does not hold the ${projection.name} view in the sections it is saved in` });
    const restored =
      sections === undefined || !isSectioned(projection)
        ? projection.restore(saved)
        : projection.restoreSections(saved, new Map(sections.map((place) => [place[0], () => readSection(file, bodyStart, place)])));
    if (E.isLeft(restored)) return E.left({ reason: `the ${projection.name} view of ${file} does not fit: ${restored.left.message}` });
  }
  return E.right({ at, prefix });
};

/** Where a journal was read to, and the SHA-256 of its bytes before that place: what a snapshot taken there is keyed by. */
export interface SnapshotPlace {
  readonly at: JournalResumePoint;
  readonly sha256: string;
  readonly file: FileIdentity;
}

/** The place a read reached, with the hash of the bytes before it (`from`: a hash of a shorter prefix to go on from). */
export const placeOf = async (
  journal: string,
  at: JournalResumePoint,
  from: { readonly bytes: number; readonly prefix: Hash } | undefined,
): Promise<E.Either<CliFailure, SnapshotPlace>> => {
  const file = await identityOf(journal);
  if (file === undefined) return E.left(internalFailure(`${journal} is gone`));
  try {
    const start = from ?? { bytes: 0, prefix: createHash('sha256') };
    const sha256 = (await hashBytes(start.prefix.copy(), journal, start.bytes, at.bytes)).digest('hex');
    return E.right({ at, sha256, file });
  } catch (cause) {
    return E.left(internalFailure(`${journal} could not be read to hash it (${String(cause)})`));
  }
};

/** Writes a group's snapshot at a place, whole or not at all (a file beside it, renamed over it); the first format's file of the group goes. */
export const saveGroup = async (journal: string, group: ViewGroup, place: SnapshotPlace): Promise<E.Either<CliFailure, number>> => {
  const { at } = place;
  const views: Record<string, unknown> = {};
  const sections: Record<string, SectionPlace[]> = {};
  const lines: Buffer[] = [];
  let offset = 0;
  for (const projection of group.projections) {
    if (!isSectioned(projection)) {
      views[projection.name] = projection.snapshot();
      continue;
    }
    const saved = projection.saveSections();
    views[projection.name] = saved.head;
    sections[projection.name] = saved.sections.map(([key, state]) => {
      const { line, place } = sectionLine(key, state, offset);
      lines.push(line);
      offset += line.length;
      return place;
    });
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
      revisions: [...at.revisions].flatMap(([stream, revision]) => [stream, revision.toString()]),
      sha256: place.sha256,
      file: place.file,
    },
    checkpoint: { format: CHECKPOINT_FORMAT, position: at.count === 0 ? null : String(at.count - 1), views },
    sections,
  };
  try {
    await mkdir(viewsSnapshotFolder(journal), { recursive: true });
  } catch (cause) {
    return E.left(internalFailure(`cannot make ${viewsSnapshotFolder(journal)}: ${String(cause)}`));
  }
  const written = await writeTextFile(groupFile(journal, group), Buffer.concat([headerLine(header), Buffer.from('\n', 'utf8'), ...lines]));
  if (E.isRight(written)) await rm(firstFormatFile(journal, group), { force: true }).catch(() => undefined);
  return written;
};
