import { checkPackage, Package } from '@arethetypeswrong/core';
import { problemKindInfo } from '@arethetypeswrong/core/problems';
import type { Problem, ResolutionKind } from '@arethetypeswrong/core/types';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { tarballFiles } from './packed-package.js';

/**
 * The resolutions attw's `esm-only` profile leaves out: the packages are ESM only ("type": "module",
 * no `require` condition), so `require` from CommonJS and the pre-exports node10 resolution are not
 * promised. What is checked: `import` under node16/nodenext and bundlers.
 */
export const ESM_ONLY_IGNORED: readonly ResolutionKind[] = ['node10', 'node16-cjs'];

/** publint's findings on a packed tarball, every level (suggestion, warning, error), strict: one line each. */
export const publintFindings = async (tarball: Uint8Array): Promise<string[]> => {
  const data = tarball.buffer.slice(tarball.byteOffset, tarball.byteOffset + tarball.byteLength) as ArrayBuffer;
  const { messages, pkg } = await publint({ pack: { tarball: data }, level: 'suggestion', strict: true });
  return messages.map((message) => `publint ${message.type} ${message.code}: ${formatMessage(message, pkg, { color: false }) ?? message.path.join('.')}`);
};

/** Where an attw problem is: the entry point and resolution, or the file. */
const whereOf = (problem: Problem): string => {
  if ('entrypoint' in problem) return `${problem.entrypoint} (${problem.resolutionKind})`;
  if ('typesFileName' in problem) return problem.typesFileName;
  return 'moduleSpecifier' in problem ? `${problem.fileName}, import of ${problem.moduleSpecifier} (${problem.resolutionOption})` : problem.fileName;
};

/**
 * attw's findings on a packed tarball under the `esm-only` profile, one line each, or that the
 * package has no types. This runs attw's engine (@arethetypeswrong/core 0.18.2, a devDependency) on
 * files read here rather than attw's command line: its 0.18.2 CLI cannot read any tarball when npm
 * installs fflate 0.8.3 (it keeps only fflate's last, empty, output chunk:
 * arethetypeswrong/arethetypeswrong.github.io#262).
 */
export const typesFindings = async (tarball: Uint8Array): Promise<string[]> => {
  const files = tarballFiles(tarball);
  const manifest = files.get('package/package.json');
  if (manifest === undefined) return ['attw: the tarball has no package/package.json'];
  const { name, version } = JSON.parse(new TextDecoder().decode(manifest)) as { name: string; version: string };
  const inPackage = Object.fromEntries([...files].map(([path, content]) => [`/node_modules/${name}/${path.slice('package/'.length)}`, content]));
  const analysis = await checkPackage(new Package(inPackage, name, version));
  if (!analysis.types) return [`attw: ${name} ships no types`];
  return analysis.problems
    .filter((problem) => !('resolutionKind' in problem) || !ESM_ONLY_IGNORED.includes(problem.resolutionKind))
    .map((problem) => `attw ${problem.kind}: ${problemKindInfo[problem.kind].title}, at ${whereOf(problem)}`);
};
