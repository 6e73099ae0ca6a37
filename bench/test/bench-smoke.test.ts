import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const main = fileURLToPath(new URL('../src/main.ts', import.meta.url));
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

/** Runs the bench as `npm run bench -- <args>` runs it: tsx with the source condition. */
const runBench = (args: readonly string[]): { readonly status: number | null; readonly stdout: string; readonly stderr: string } => {
  const ran = spawnSync(process.execPath, ['--import', tsxLoader, '--conditions=@borough-command/source', main, ...args], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: ran.status, stdout: ran.stdout, stderr: ran.stderr };
};

const headlineKeys = [
  'replay_events_per_sec',
  'replay_peak_rss_mb',
  'replay_rss_growth_ratio',
  'views_bytes_per_event',
  'decode_overhead_ratio',
  'command_ops_per_sec',
  'vs_emmett_command_ratio',
  'vs_emmett_replay_ratio',
  'esdb_catchup_events_per_sec',
  'esdb_vs_raw_client_ratio',
  'esdb_catchup_events_per_sec_kurrentdb',
  'esdb_vs_raw_client_ratio_kurrentdb',
  'vs_emmett_pg_command_ratio',
  'vs_emmett_pg_catchup_ratio',
] as const;

const isPositiveNumber = (value: unknown): boolean => typeof value === 'number' && Number.isFinite(value) && value > 0;

describe('npm run bench -- --smoke --json', () => {
  let ran: ReturnType<typeof runBench> = { status: null, stdout: '', stderr: '' };
  let lines: readonly string[] = [];
  let figures: Record<string, unknown> = {};
  beforeAll(() => {
    ran = runBench(['--smoke', '--runs', '1', '--json']);
    lines = ran.stdout.trim().split('\n');
    figures = JSON.parse(lines[lines.length - 1] ?? '{}') as Record<string, unknown>;
  }, 120_000);

  it('exits 0 and prints the table before the JSON line', () => {
    expect(ran.stderr).not.toContain('bench failed');
    expect(ran.status).toBe(0);
    expect(lines.some((line) => line.startsWith('replay_events_per_sec '))).toBe(true);
  });

  it.each(headlineKeys)('has %s as a finite positive number', (key) => {
    expect(isPositiveNumber(figures[key])).toBe(true);
  });

  it('has the median command latency at 10, 1,000 and 10,000 prior events, each finite and positive', () => {
    const latency = figures['command_latency_us_by_stream_length'] as Record<string, unknown>;
    expect(Object.keys(latency).sort()).toEqual(['10', '1000', '10000']);
    for (const value of Object.values(latency)) expect(isPositiveNumber(value)).toBe(true);
  });

  it('gives every figure a minimum, median and maximum in that order', () => {
    const spread = figures['spread'] as Record<string, { readonly min: number; readonly median: number; readonly max: number }>;
    expect(Object.keys(spread).length).toBeGreaterThan(headlineKeys.length);
    for (const { min, median, max } of Object.values(spread)) {
      expect([min, median, max].every(isPositiveNumber)).toBe(true);
      expect(min <= median && median <= max).toBe(true);
    }
  });

  it('names the machine and the sizes it ran', () => {
    expect(figures['smoke']).toBe(true);
    expect(figures['runs']).toBe(1);
    const machine = figures['machine'] as Record<string, unknown>;
    expect(isPositiveNumber(machine['cores'])).toBe(true);
    expect(String(machine['node'])).toBe(process.version);
    const sizes = figures['sizes'] as Record<string, unknown>;
    expect(sizes['replay_events']).toBe(4_000);
    expect(sizes['replay_small_events']).toBe(400);
  });
});

describe('npm run bench with bad arguments', () => {
  it.each([
    [['--runs', '0'], '--runs needs a whole number of 1 or more'],
    [['--runs'], "--runs needs a whole number of 1 or more, got nothing"],
    [['--fast'], "unknown argument '--fast'"],
  ])('%j exits 2 and says why', (args, message) => {
    const ran = runBench(args);
    expect(ran.status).toBe(2);
    expect(ran.stderr).toContain(message);
    expect(ran.stdout).toBe('');
  });
});
