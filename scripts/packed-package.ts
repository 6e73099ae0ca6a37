import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

/** What `npm pack --json` says of the tarball it wrote. */
interface PackReport {
  readonly filename: string;
}

/** Packs the package in `folder` with `npm pack` into `destination`, as npm would publish it; returns the tarball's path. */
export const packPackage = (folder: string, destination: string): string => {
  const output = execFileSync('npm', ['pack', '--json', '--silent', '--pack-destination', destination], { cwd: folder, encoding: 'utf8' });
  const [report] = JSON.parse(output) as PackReport[];
  if (report === undefined) throw new Error(`npm pack wrote no tarball for ${folder}`);
  return join(destination, report.filename);
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
