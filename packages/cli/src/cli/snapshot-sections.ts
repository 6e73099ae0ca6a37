/**
 * The sections of a views snapshot file: where each is, how a section is written as a line, and how
 * one is read back, alone, when a question first needs it. A file is a header line, then one line
 * per section, `{"key":<key>,"state":<the section's state>}`; the header places each section (its
 * offset in the bytes after the header, its length, its SHA-256), so a question reads only its own.
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import * as t from 'io-ts';

/** io-ts codec of a whole number, 0 or more: a count or an offset in a snapshot's header. */
export const WholeNumberCodec = t.refinement(t.number, (n) => Number.isInteger(n) && n >= 0, 'whole number');

/** io-ts codec of a section's place: its key, its offset in the bytes after the header, its length (without its newline), its SHA-256. */
export const SectionPlaceCodec = t.tuple([t.string, WholeNumberCodec, WholeNumberCodec, t.string]);

/** A section's place in the file. */
export type SectionPlace = t.TypeOf<typeof SectionPlaceCodec>;

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** The start every section's line has, naming its key. */
const lineStart = (key: string): Buffer => Buffer.from(`{"key":${JSON.stringify(key)},"state":`, 'utf8');

/** A section's line (with its newline) and its place, the line written at `offset`. */
export const sectionLine = (key: string, state: unknown, offset: number): { readonly line: Buffer; readonly place: SectionPlace } => {
  const line = Buffer.from(`${JSON.stringify({ key, state })}\n`, 'utf8');
  const text = line.subarray(0, line.length - 1);
  return { line, place: [key, offset, text.length, sha256(text)] };
};

/**
 * Why the places do not fit the bytes after the header, if they do not: they must follow one
 * another from the first byte to the last, each line with its newline.
 */
export const misplacedSection = (places: readonly (readonly [view: string, place: SectionPlace])[], bodyBytes: number): string | undefined => {
  let next = 0;
  for (const [view, [key, offset, length]] of places) {
    if (offset !== next) return `${view}, section '${key}' at byte ${String(offset)}, not ${String(next)}`;
    next = offset + length + 1;
  }
  if (next > bodyBytes) return `the file ends ${String(next - bodyBytes)} bytes before its last section does`;
  return next === bodyBytes ? undefined : `${String(bodyBytes - next)} bytes after the last section`;
};

/** A section that could not be read when a view first needed it: the file changed, or was cut, after its header was read. */
export interface SectionUnreadable extends Error {
  readonly _tag: 'SnapshotSectionUnreadable';
}

/** Whether a thrown value is a section that could not be read. */
export const isSectionUnreadable = (cause: unknown): cause is SectionUnreadable =>
  cause instanceof Error && (cause as { readonly _tag?: unknown })._tag === 'SnapshotSectionUnreadable';

const unreadable = (file: string, key: string, reason: string): SectionUnreadable =>
  Object.assign(new Error(`${file}: section '${key}' ${reason}`), { _tag: 'SnapshotSectionUnreadable' as const });

/**
 * The bytes of one section's line in the file (with its newline), read alone at its place and
 * checked against its key and (unless `verify` is false) its SHA-256; throws a `SectionUnreadable`
 * when they are not the section's. Synchronous, as a view reads a section in the middle of a query.
 */
export const readSectionLine = (file: string, bodyStart: number, [key, offset, length, hash]: SectionPlace, verify = true): Buffer => {
  // Every byte is read into it, or it is refused below.
  const bytes = Buffer.allocUnsafe(length + 1);
  let read = 0;
  try {
    const descriptor = openSync(file, 'r');
    try {
      while (read < bytes.length) {
        const got = readSync(descriptor, bytes, read, bytes.length - read, bodyStart + offset + read);
        if (got === 0) break;
        read += got;
      }
    } finally {
      closeSync(descriptor);
    }
  } catch (cause) {
    throw unreadable(file, key, `cannot be read (${String(cause)})`);
  }
  const text = bytes.subarray(0, length);
  if (read < bytes.length || bytes[length] !== 0x0a || (verify && sha256(text) !== hash)) {
    throw unreadable(file, key, 'was changed after the snapshot was written: its bytes do not match their SHA-256');
  }
  if (!text.subarray(0, lineStart(key).length).equals(lineStart(key))) throw unreadable(file, key, 'is not the line of its key');
  return bytes;
};

/** One section's state, read alone from the file (`readSectionLine`) and parsed. */
export const readSection = (file: string, bodyStart: number, place: SectionPlace): unknown =>
  (JSON.parse(readSectionLine(file, bodyStart, place).toString('utf8', 0, place[2])) as { readonly state: unknown }).state;

const HEADER_START = '{"sha256":"';
const HEADER_MIDDLE = '","header":';
/** Where the header's JSON begins in its line: after its SHA-256. */
const HEADER_JSON_AT = HEADER_START.length + 64 + HEADER_MIDDLE.length;

/** The header line (without its newline): `{"sha256":"<SHA-256 of the header's JSON>","header":<the header's JSON>}`. */
export const headerLine = (header: unknown): Buffer => {
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  return Buffer.concat([Buffer.from(`${HEADER_START}${sha256(json)}${HEADER_MIDDLE}`, 'utf8'), json, Buffer.from('}', 'utf8')]);
};

/** The header a header line holds, once its bytes match their SHA-256; or why not. */
export const openHeaderLine = (line: Buffer): { readonly header: unknown } | { readonly problem: string } => {
  const json = line.subarray(HEADER_JSON_AT, line.length - 1);
  const start = line.subarray(0, HEADER_START.length).toString('latin1');
  const middle = line.subarray(HEADER_START.length + 64, HEADER_JSON_AT).toString('latin1');
  if (line.length <= HEADER_JSON_AT || start !== HEADER_START || middle !== HEADER_MIDDLE || line[line.length - 1] !== 0x7d) {
    return { problem: 'does not begin with the line of its header and its SHA-256' };
  }
  if (line.subarray(HEADER_START.length, HEADER_START.length + 64).toString('latin1') !== sha256(json)) {
    return { problem: 'was changed after it was written: its header does not match its SHA-256' };
  }
  try {
    return { header: JSON.parse(json.toString('utf8')) as unknown };
  } catch {
    return { problem: 'does not hold its header as JSON' };
  }
};

/** Bytes read at a time while looking for the end of the header line. */
const HEADER_CHUNK = 1 << 20;

/** The header line of an open snapshot file (without its newline), and the file's size; `undefined` header when the file has no newline. */
export const readHeaderLine = async (handle: FileHandle): Promise<{ readonly header: Buffer | undefined; readonly size: number }> => {
  const { size } = await handle.stat();
  const chunks: Buffer[] = [];
  let position = 0;
  while (position < size) {
    const chunk = Buffer.alloc(Math.min(HEADER_CHUNK, size - position));
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, position);
    if (bytesRead === 0) break;
    const end = chunk.subarray(0, bytesRead).indexOf(0x0a);
    if (end !== -1) {
      chunks.push(chunk.subarray(0, end));
      return { header: Buffer.concat(chunks), size };
    }
    chunks.push(chunk.subarray(0, bytesRead));
    position += bytesRead;
  }
  return { header: undefined, size };
};
