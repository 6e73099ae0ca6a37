/**
 * `summarise-profile.ts <file.cpuprofile>... [--top N]`: sums the self time of every function in
 * V8 CPU profiles (written by `node --cpu-prof`) and prints the largest, with their share of the
 * samples, by function name and file:line.
 */
import { readFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';

/** The parts of a `.cpuprofile` this reads. */
interface CpuProfile {
  readonly nodes: readonly { readonly id: number; readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number } }[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** Self time per function in microseconds, keyed `name folder/file:line`, and the profile's total. */
const selfTimes = (profile: CpuProfile): { readonly byFunction: ReadonlyMap<string, number>; readonly totalUs: number } => {
  const nameOf = new Map<number, string>();
  for (const { id, callFrame } of profile.nodes) {
    const file = callFrame.url === '' ? '' : `${basename(dirname(callFrame.url))}/${basename(callFrame.url)}:${String(callFrame.lineNumber + 1)}`;
    nameOf.set(id, `${callFrame.functionName === '' ? '(anonymous)' : callFrame.functionName} ${file}`.trim());
  }
  const byFunction = new Map<string, number>();
  let totalUs = 0;
  profile.samples.forEach((node, index) => {
    const delta = profile.timeDeltas[index] ?? 0;
    totalUs += delta;
    const name = nameOf.get(node) ?? '(unknown)';
    byFunction.set(name, (byFunction.get(name) ?? 0) + delta);
  });
  return { byFunction, totalUs };
};

const main = async (args: readonly string[]): Promise<number> => {
  const topAt = args.indexOf('--top');
  const top = topAt === -1 ? 30 : Number(args[topAt + 1]);
  const files = args.filter((arg, index) => arg !== '--top' && index !== topAt + 1);
  if (files.length === 0 || !Number.isInteger(top) || top < 1) {
    console.error('usage: summarise-profile.ts <file.cpuprofile>... [--top N]');
    return 2;
  }
  for (const file of files) {
    const { byFunction, totalUs } = selfTimes(JSON.parse(await readFile(file, 'utf8')) as CpuProfile);
    console.log(`${file}: ${(totalUs / 1000).toFixed(0)} ms sampled`);
    const rows = [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top);
    for (const [name, us] of rows) console.log(`${(us / 1000).toFixed(0).padStart(8)} ms ${((100 * us) / totalUs).toFixed(1).padStart(5)} %  ${name}`);
  }
  return 0;
};

process.exitCode = await main(process.argv.slice(2));
