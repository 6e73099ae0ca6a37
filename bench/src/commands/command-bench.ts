import * as E from 'fp-ts/lib/Either.js';
import {
  createBoroughCommand,
  domainEventRegistry,
  postingDecider,
  postingStream,
  type DomainCommand,
  type DomainEvent,
  type Policy,
} from '@borough-command/domain';
import { createInMemoryStore, deriveEventId, describeStoreError, type EventStore } from '@borough-command/domain/eventsourcing';
import { median, spreadOf, type Spread } from '../report/spread.js';
import { appointmentWorkload } from './appointment-workload.js';
import { fixedClock } from './fixed-clock.js';
import { postingCommandOf, postingWorkload, workloadUnits } from './posting-workload.js';

/** The command figures: throughput of a mixed workload, and latency by the length of the command's stream. */
export interface CommandFigures {
  readonly commands: number;
  readonly opsPerSec: Spread;
  /** Median latency in microseconds of a command whose stream already holds that many events, by length. */
  readonly latencyUsByStreamLength: Readonly<Record<string, Spread>>;
  /** Latency in microseconds of the first command on such a stream: the handler folds the whole stream once. */
  readonly firstCommandUsByStreamLength: Readonly<Record<string, Spread>>;
}

const ACTOR = { actor: 'bench' } as const;

/** Assessments per posting in the stream whose latency is measured: long postings, so 10,000 events end before 2200. */
const LATENCY_ASSESSMENTS = 200;

/** Handles commands one after the other through the domain service's command handlers (no process managers); the first failure stops it. */
const handleAll = async (store: EventStore<DomainEvent>, policy: Policy, commands: readonly DomainCommand[]): Promise<E.Either<string, void>> => {
  const service = createBoroughCommand({ store, policy, clock: fixedClock, processManagers: [] });
  for (const command of commands) {
    const handled = await service.handle(command, ACTOR)();
    if (E.isLeft(handled)) return E.left(`${command.type} ${command.commandId} failed: ${JSON.stringify(handled.left)}`);
  }
  return E.right(undefined);
};

/** Commands a second of the mixed workload on a fresh in-memory store. */
const throughputOnce = async (policy: Policy, commands: readonly DomainCommand[]): Promise<E.Either<string, number>> => {
  const store = createInMemoryStore(domainEventRegistry);
  const started = performance.now();
  const handled = await handleAll(store, policy, commands);
  const seconds = (performance.now() - started) / 1000;
  await store.close();
  return E.isLeft(handled) ? handled : E.right(commands.length / seconds);
};

/**
 * A store whose posting stream for the first unit already holds `length` events: the decider's
 * own events for the workload's first `length` commands, appended in batches.
 */
const storeWithStream = async (policy: Policy, length: number): Promise<E.Either<string, EventStore<DomainEvent>>> => {
  const store = createInMemoryStore(domainEventRegistry);
  const [unit] = workloadUnits(1);
  if (unit === undefined) return E.left('no unit');
  const decider = postingDecider(policy);
  const stream = postingStream(unit);
  let state = decider.initialState;
  let batch: DomainEvent[] = [];
  let revision: bigint | 'no_stream' = 'no_stream';
  const flush = async (): Promise<E.Either<string, void>> => {
    if (batch.length === 0) return E.right(undefined);
    const events = batch.map((event, index) => {
      const commandId = `prior-${String(revision)}-${String(index)}`;
      return {
        event,
        metadata: { eventId: deriveEventId(commandId, 0), commandId, correlationId: commandId, causationId: commandId, actor: 'bench', recordedAt: fixedClock().toISOString() },
      };
    });
    batch = [];
    const appended = await store.appendToStream(stream, events, revision)();
    if (E.isLeft(appended)) return E.left(`cannot write the prior events: ${describeStoreError(appended.left)}`);
    revision = appended.right.nextExpectedRevision;
    return E.right(undefined);
  };
  for (let index = 0; index < length; index++) {
    const decided = decider.decide(postingCommandOf(unit, index, LATENCY_ASSESSMENTS), state);
    if (E.isLeft(decided)) return E.left(`prior command ${String(index)} refused: ${decided.left.rule}`);
    for (const event of decided.right) {
      state = decider.evolve(state, event);
      batch.push(event);
    }
    if (batch.length >= 100) {
      const flushed = await flush();
      if (E.isLeft(flushed)) return flushed;
    }
  }
  const flushed = await flush();
  return E.isLeft(flushed) ? flushed : E.right(store);
};

/** Latencies on a stream of `length` events: the first command's, and the median of the next `samples` commands'. */
interface StreamLatency {
  readonly firstUs: number;
  readonly medianUs: number;
}

/** Times `samples` + 1 commands on a stream of `length` events: the first folds the whole stream, the others only what follows. */
const latencyOnce = async (policy: Policy, length: number, samples: number): Promise<E.Either<string, StreamLatency>> => {
  const prepared = await storeWithStream(policy, length);
  if (E.isLeft(prepared)) return prepared;
  const [unit] = workloadUnits(1);
  if (unit === undefined) return E.left('no unit');
  const service = createBoroughCommand({ store: prepared.right, policy, clock: fixedClock, processManagers: [] });
  const times: number[] = [];
  for (let index = length; index <= length + samples; index++) {
    const command = postingCommandOf(unit, index, LATENCY_ASSESSMENTS);
    const started = performance.now();
    const handled = await service.handle(command, ACTOR)();
    times.push((performance.now() - started) * 1000);
    if (E.isLeft(handled)) return E.left(`${command.type} after ${String(length)} events failed: ${JSON.stringify(handled.left)}`);
  }
  await prepared.right.close();
  const [firstUs, ...rest] = times;
  return E.right({ firstUs: firstUs ?? Number.NaN, medianUs: median(rest) });
};

/** Runs the command workload (postings and appointments) and the latency probes `runs` times. */
export const commandBench = async (
  policy: Policy,
  sizes: { readonly units: number; readonly perUnit: number; readonly appointments: number; readonly streamLengths: readonly number[]; readonly samples: number },
  runs: number,
): Promise<E.Either<string, CommandFigures>> => {
  const commands: DomainCommand[] = [
    ...postingWorkload(sizes.units, sizes.perUnit).map(({ command }) => command),
    ...appointmentWorkload(sizes.appointments, sizes.units, policy),
  ];
  const warm = await throughputOnce(policy, commands);
  if (E.isLeft(warm)) return warm;
  const throughput: number[] = [];
  const latency = new Map<number, number[]>(sizes.streamLengths.map((length) => [length, []]));
  const first = new Map<number, number[]>(sizes.streamLengths.map((length) => [length, []]));
  for (let run = 0; run < runs; run++) {
    const once = await throughputOnce(policy, commands);
    if (E.isLeft(once)) return once;
    throughput.push(once.right);
    for (const length of sizes.streamLengths) {
      const probed = await latencyOnce(policy, length, sizes.samples);
      if (E.isLeft(probed)) return probed;
      latency.get(length)?.push(probed.right.medianUs);
      first.get(length)?.push(probed.right.firstUs);
    }
  }
  return E.right({
    commands: commands.length,
    opsPerSec: spreadOf(throughput),
    latencyUsByStreamLength: Object.fromEntries([...latency].map(([length, times]) => [String(length), spreadOf(times)])),
    firstCommandUsByStreamLength: Object.fromEntries([...first].map(([length, times]) => [String(length), spreadOf(times)])),
  });
};
