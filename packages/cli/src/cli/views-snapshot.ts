/**
 * The views snapshot beside a journal (`<journal>.views.json`): the six views as the projection
 * runner checkpoints them, keyed by where in the journal they were taken (bytes, lines, the last
 * line's hash, every stream's revision, the SHA-256 of every byte before that place), the code
 * that wrote them and the policy they were built with. A question asked of the same journal again
 * restores them and folds only the events after; a snapshot that does not match is ignored, with
 * the reason, and written again. The bytes before the place are hashed again unless the file is
 * the very one the snapshot was written beside, untouched since (same device, inode, size and
 * change time): an edit anywhere before the place is found, as a whole replay would find it.
 */
import { createHash, type Hash } from 'node:crypto';
import { createReadStream, readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { defaultPolicy } from '@borough-command/domain';
import { checkJournalResumePoint, firstProblem, type JournalResumePoint } from '@borough-command/domain/eventsourcing';
import { CHECKPOINT_FORMAT, checkpointOf, decodeCheckpoint, type Projection } from '@borough-command/projections';
import { internalFailure, type CliFailure } from './failure.js';
import { writeTextFile } from './output-file.js';

/** Where the views snapshot of a journal lives: beside it. */
export const viewsSnapshotFile = (journal: string): string => `${journal}.views.json`;

const SNAPSHOT_FORMAT = 1;

/** What wrote a snapshot: the command line's version and the checkpoint format of its views. */
const codeVersion = (): string => {
  const manifest: unknown = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  const version = typeof manifest === 'object' && manifest !== null && 'version' in manifest && typeof manifest.version === 'string' ? manifest.version : 'unknown';
  return `borough-command ${version}, views checkpoint format ${String(CHECKPOINT_FORMAT)}`;
};

/** The policy the views are built with, as a fingerprint: another default policy is another snapshot. */
const policyFingerprint = (): string => createHash('sha256').update(JSON.stringify(defaultPolicy)).digest('hex');

const WholeNumber = t.refinement(t.number, (n) => Number.isInteger(n) && n >= 0, 'whole number');
const RevisionText = t.refinement(t.string, (s) => /^(0|[1-9]\d*)$/.test(s), 'decimal revision');

const FileIdentityCodec = t.type({ dev: t.number, ino: t.number, size: t.number, ctimeMs: t.number });
type FileIdentity = t.TypeOf<typeof FileIdentityCodec>;

const SnapshotCodec = t.type({
  format: t.literal(SNAPSHOT_FORMAT),
  code: t.string,
  policy: t.string,
  journal: t.type({
    bytes: WholeNumber,
    count: WholeNumber,
    head: t.string,
    revisions: t.record(t.string, RevisionText),
    /** SHA-256 of the journal's first `bytes` bytes. */
    sha256: t.string,
    /** The file the snapshot was written beside, as it was then. */
    file: FileIdentityCodec,
  }),
  checkpoint: t.unknown,
});

/** A snapshot read back, matching this code and policy: where it was taken, and its views' checkpoint. */
export interface ViewsSnapshot {
  readonly at: JournalResumePoint;
  readonly views: Readonly<Record<string, unknown>>;
  /** The SHA-256 of the bytes before `at`, still open to more bytes, when they were hashed again. */
  readonly prefix: Hash | undefined;
}

const identityOf = async (file: string): Promise<FileIdentity | undefined> => {
  try {
    const info = await stat(file);
    return { dev: info.dev, ino: info.ino, size: info.size, ctimeMs: info.ctimeMs };
  } catch {
    return undefined;
  }
};

/** Feeds bytes `from` to `to` of a file into a hash. */
const hashBytes = async (hash: Hash, file: string, from: number, to: number): Promise<Hash> => {
  if (to <= from) return hash;
  for await (const chunk of createReadStream(file, { start: from, end: to - 1, highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) hash.update(chunk);
  return hash;
};

/** Why a snapshot is not used: a sentence, or undefined when there is none to use (no file). */
export type SnapshotUnusable = { readonly reason: string } | undefined;

/**
 * Reads the snapshot of a journal and checks it against the code, the policy and the journal as
 * it is now; `Left` says why it cannot be used (`undefined` when there is no snapshot).
 */
export const loadViewsSnapshot = async (journal: string): Promise<E.Either<SnapshotUnusable, ViewsSnapshot>> => {
  const file = viewsSnapshotFile(journal);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    const code = (cause as { readonly code?: string }).code;
    return E.left(code === 'ENOENT' ? undefined : { reason: `it cannot be read (${String(cause)})` });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return E.left({ reason: 'it is not JSON' });
  }
  const decoded = SnapshotCodec.decode(json);
  if (E.isLeft(decoded)) {
    const problem = firstProblem(decoded.left);
    return E.left({ reason: `it is not a views snapshot (${problem.path === '' ? 'the document' : `'${problem.path}'`}: ${problem.reason})` });
  }
  const snapshot = decoded.right;
  if (snapshot.code !== codeVersion()) return E.left({ reason: `it was written by ${snapshot.code}, not ${codeVersion()}` });
  if (snapshot.policy !== policyFingerprint()) return E.left({ reason: 'it was built with another policy' });
  const checkpoint = decodeCheckpoint(snapshot.checkpoint, file);
  if (E.isLeft(checkpoint)) return E.left({ reason: checkpoint.left.reason });
  const expected = snapshot.journal.count === 0 ? null : String(snapshot.journal.count - 1);
  if (checkpoint.right.position !== expected) return E.left({ reason: 'its views are not at its place in the journal' });
  const at: JournalResumePoint = {
    bytes: snapshot.journal.bytes,
    count: snapshot.journal.count,
    head: snapshot.journal.head,
    revisions: new Map(Object.entries(snapshot.journal.revisions).map(([stream, revision]) => [stream, BigInt(revision)])),
  };
  const held = await checkJournalResumePoint(journal, at);
  if (E.isLeft(held)) return E.left({ reason: `${journal} is not the journal it was taken from: ${held.left}` });
  const now = await identityOf(journal);
  const recorded = snapshot.journal.file;
  const untouched =
    now !== undefined && now.dev === recorded.dev && now.ino === recorded.ino && now.size === recorded.size && now.ctimeMs === recorded.ctimeMs;
  if (untouched) return E.right({ at, views: checkpoint.right.views, prefix: undefined });
  let prefix: Hash;
  try {
    prefix = await hashBytes(createHash('sha256'), journal, 0, at.bytes);
  } catch (cause) {
    return E.left({ reason: `${journal} could not be read (${String(cause)})` });
  }
  if (prefix.copy().digest('hex') !== snapshot.journal.sha256) {
    return E.left({ reason: `${journal} was changed before line ${String(at.count + 1)} since the snapshot was taken (its bytes differ)` });
  }
  return E.right({ at, views: checkpoint.right.views, prefix });
};

/** Restores each view from a snapshot; `Left` names the view that does not fit (the views are then not usable). */
export const restoreFromSnapshot = (projections: readonly Projection[], snapshot: ViewsSnapshot): E.Either<string, void> => {
  for (const projection of projections) {
    const saved = snapshot.views[projection.name];
    if (saved === undefined) return E.left(`it has no ${projection.name} view`);
    const restored = projection.restore(saved);
    if (E.isLeft(restored)) return E.left(`its ${projection.name} view does not fit: ${restored.left.message}`);
  }
  return E.right(undefined);
};

/**
 * Writes the snapshot of views folded up to `at`, whole or not at all (a file beside it, renamed
 * over it). `from` is the snapshot the views were restored from, if any: its bytes are not hashed again.
 */
export const saveViewsSnapshot = async (
  journal: string,
  at: JournalResumePoint,
  projections: readonly Projection[],
  from: ViewsSnapshot | undefined,
): Promise<E.Either<CliFailure, number>> => {
  const identity = await identityOf(journal);
  if (identity === undefined) return E.left(internalFailure(`${journal} is gone`));
  let sha256: string;
  try {
    const start = from?.prefix === undefined ? { hash: createHash('sha256'), bytes: 0 } : { hash: from.prefix, bytes: from.at.bytes };
    sha256 = (await hashBytes(start.hash, journal, start.bytes, at.bytes)).digest('hex');
  } catch (cause) {
    return E.left(internalFailure(`${journal} could not be read to hash it (${String(cause)})`));
  }
  const document = {
    format: SNAPSHOT_FORMAT,
    code: codeVersion(),
    policy: policyFingerprint(),
    journal: {
      bytes: at.bytes,
      count: at.count,
      head: at.head,
      revisions: Object.fromEntries([...at.revisions].map(([stream, revision]) => [stream, revision.toString()])),
      sha256,
      file: identity,
    },
    checkpoint: checkpointOf(projections, at.count === 0 ? undefined : BigInt(at.count - 1)),
  };
  return writeTextFile(viewsSnapshotFile(journal), JSON.stringify(document));
};
