import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

/** What `npm pack --json` says of a tarball it wrote. */
interface PackReport {
  readonly name: string;
  readonly filename: string;
}

/** A tarball `npm pack` wrote: the package's name and the tarball's path. */
export interface PackedPackage {
  readonly name: string;
  readonly tarball: string;
}

/**
 * Packs with `npm pack`, as npm would publish them, into `destination`: the workspaces named (folders
 * relative to `folder`, in one npm run), or the package in `folder` itself when none is named.
 */
export const packPackages = (folder: string, destination: string, workspaces: readonly string[] = []): PackedPackage[] => {
  const output = execFileSync('npm', ['pack', '--json', '--silent', '--pack-destination', destination, ...workspaces.flatMap((workspace) => ['-w', workspace])], {
    cwd: folder,
    encoding: 'utf8',
  });
  const reports = JSON.parse(output) as PackReport[];
  if (reports.length !== Math.max(workspaces.length, 1)) throw new Error(`npm pack in ${folder} wrote ${String(reports.length)} tarball(s)`);
  return reports.map((report) => ({ name: report.name, tarball: join(destination, report.filename) }));
};

const BLOCK = 512;

const textField = (header: Uint8Array, start: number, length: number): string => {
  const field = header.subarray(start, start + length);
  const end = field.indexOf(0);
  return new TextDecoder().decode(end < 0 ? field : field.subarray(0, end));
};

/** The value of a pax extended header's `path` record, if it has one. */
const paxPath = (records: Uint8Array): string | undefined =>
  /(?:^|\n)\d+ path=([^\n]*)\n/.exec(new TextDecoder().decode(records))?.[1];

/**
 * The regular files of a gzipped tarball as npm packs it (ustar, with pax headers for long paths),
 * by path inside the archive (`package/...`).
 */
export const tarballFiles = (tarball: Uint8Array): Map<string, Uint8Array> => {
  const archive = gunzipSync(tarball);
  const files = new Map<string, Uint8Array>();
  let longPath: string | undefined;
  for (let offset = 0; offset + BLOCK <= archive.length; ) {
    const header = archive.subarray(offset, offset + BLOCK);
    if (header.every((byte) => byte === 0)) break;
    const size = parseInt(textField(header, 124, 12).trim() || '0', 8);
    const type = String.fromCharCode(header[156] ?? 0);
    const prefix = textField(header, 345, 155);
    const body = archive.subarray(offset + BLOCK, offset + BLOCK + size);
    if (type === 'x') longPath = paxPath(body);
    else {
      if (type === '0' || type === '\0') files.set(longPath ?? `${prefix === '' ? '' : `${prefix}/`}${textField(header, 0, 100)}`, body);
      longPath = undefined;
    }
    offset += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
  }
  return files;
};
