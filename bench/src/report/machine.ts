import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';

/** The machine a bench ran on, for the figures to be read against. */
export interface MachineFacts {
  readonly cores: number;
  readonly cpu: string;
  readonly node: string;
  readonly memoryGb: number;
  /** The 1-minute load average when the bench started: other work on the machine makes figures noisy. */
  readonly loadAverage: number;
}

/** What this machine is. */
export const machineFacts = (): MachineFacts => ({
  cores: availableParallelism(),
  cpu: cpus()[0]?.model ?? 'unknown',
  node: process.version,
  memoryGb: Math.round(totalmem() / 2 ** 30),
  loadAverage: loadavg()[0] ?? 0,
});
