/**
 * Where every operation enters the server: it is counted, may be refused (UNAVAILABLE), delayed
 * or held while the server is paused, and stays tracked until it ends so a fault can end it early.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { unavailable, type CallError } from './grpc-errors.js';

/** The operations the server counts: one per call, except `batchAppend`, one per append request. */
export type CountedOperation = 'serverFeatures' | 'read' | 'subscribe' | 'append' | 'batchAppend' | 'delete' | 'tombstone';

/** How many operations of each kind reached the server, refused ones included. */
export type CallCounts = Readonly<Record<CountedOperation, number>> & {
  /** append + batchAppend + delete + tombstone: zero proves that nothing tried to write. */
  readonly writes: number;
  /** Events sent in answer to finite reads (of a stream or `$all`): what a filter on the node spared. */
  readonly eventsRead: number;
};

const NO_CALLS: Readonly<Record<CountedOperation, number>> = {
  serverFeatures: 0,
  read: 0,
  subscribe: 0,
  append: 0,
  batchAppend: 0,
  delete: 0,
  tombstone: 0,
};

/** What `whenCalls` waits for, and whether the server pauses when it comes. */
export interface CallCondition {
  readonly holds: (calls: CallCounts) => boolean;
  /** Pause the server as the operation that makes it hold enters, holding that operation too. */
  readonly pause: boolean;
  readonly met: () => void;
}

/** Resolves when `promise` does or `signal` aborts, whichever comes first. */
const untilEither = (promise: Promise<void>, signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    if (signal.aborted) {
      resolve();
      return;
    }
    const done = (): void => {
      signal.removeEventListener('abort', done);
      resolve();
    };
    signal.addEventListener('abort', done, { once: true });
    void promise.then(done);
  });

/** A call or request in progress: ends once, either normally or by a fault. */
export class CallScope {
  private finished = false;
  private readonly ended = new AbortController();

  constructor(
    private readonly active: Set<CallScope>,
    private readonly fail: (error: CallError) => void,
  ) {
    active.add(this);
  }

  /** Whether the scope has ended. */
  get done(): boolean {
    return this.finished;
  }

  /** Aborted when the scope ends, so a delay ends with it. */
  get signal(): AbortSignal {
    return this.ended.signal;
  }

  /** Ends the call with `error`, unless it has ended already. */
  abort(error: CallError): void {
    if (this.finish()) this.fail(error);
  }

  /** Marks the call as ended normally. */
  complete(): void {
    this.finish();
  }

  private finish(): boolean {
    if (this.finished) return false;
    this.finished = true;
    this.active.delete(this);
    this.ended.abort();
    return true;
  }
}

/** Counts, refuses, delays and tracks the server's operations. */
export class CallGate {
  private readonly active = new Set<CallScope>();
  private counted: Record<CountedOperation, number> = { ...NO_CALLS };
  private eventsRead = 0;
  private refusals = 0;
  private delayMs = 0;
  private paused: { readonly over: Promise<void>; readonly resume: () => void } | undefined;
  private conditions: CallCondition[] = [];

  /** Admits an operation: `undefined` when it was refused or ended while delayed (`fail` was called). */
  async enter(operation: CountedOperation, fail: (error: CallError) => void): Promise<CallScope | undefined> {
    this.counted[operation] += 1;
    this.checkConditions();
    const scope = new CallScope(this.active, fail);
    if (this.refusals > 0) {
      this.refusals -= 1;
      scope.abort(unavailable('The test server refused the call.'));
      return undefined;
    }
    if (this.delayMs > 0) await sleep(this.delayMs, undefined, { signal: scope.signal }).catch(() => undefined);
    await this.whileRunning(scope);
    return scope.done ? undefined : scope;
  }

  /**
   * Calls `condition.met` (once) as soon as the counts satisfy it: now, or as the operation that
   * makes them enters, before it is served, pausing the server first when asked. Answers a function
   * that stops waiting.
   */
  whenCounts(condition: CallCondition): () => void {
    this.conditions.push(condition);
    this.checkConditions();
    return () => {
      this.conditions = this.conditions.filter((waiting) => waiting !== condition);
    };
  }

  private checkConditions(): void {
    if (this.conditions.length === 0) return;
    const counts = this.counts();
    const met = this.conditions.filter((condition) => condition.holds(counts));
    if (met.length === 0) return;
    this.conditions = this.conditions.filter((condition) => !met.includes(condition));
    for (const condition of met) {
      if (condition.pause) this.pause();
      condition.met();
    }
  }

  /** Holds every operation that enters from now on until `resume()`, as a node stopped by SIGSTOP does. */
  pause(): void {
    if (this.paused !== undefined) return;
    let resume = (): void => undefined;
    const over = new Promise<void>((resolve) => {
      resume = resolve;
    });
    this.paused = { over, resume };
  }

  /** Lets the held operations go on, in the order they entered. */
  resume(): void {
    const paused = this.paused;
    this.paused = undefined;
    paused?.resume();
  }

  /** Tracks a call that is not counted itself (a BatchAppend stream carrying counted requests). */
  track(fail: (error: CallError) => void): CallScope {
    return new CallScope(this.active, fail);
  }

  /** Refuses the next `count` operations with UNAVAILABLE. */
  refuseNext(count: number): void {
    this.refusals = count;
  }

  /** Delays every operation by `ms` before it is served. */
  setDelay(ms: number): void {
    this.delayMs = ms;
  }

  /** Ends every call in progress with `error`. */
  abortAll(error: CallError): void {
    for (const scope of [...this.active]) scope.abort(error);
  }

  /** Resolves once the server is not paused (at once when it is not), or when `scope` ends. */
  async whileRunning(scope: CallScope): Promise<void> {
    while (this.paused !== undefined && !scope.done) await untilEither(this.paused.over, scope.signal);
  }

  /** Counts an event sent in answer to a finite read. */
  countEventRead(): void {
    this.eventsRead += 1;
  }

  /** The operations counted so far. */
  counts(): CallCounts {
    const c = this.counted;
    return { ...c, writes: c.append + c.batchAppend + c.delete + c.tombstone, eventsRead: this.eventsRead };
  }

  /** Sets every count back to zero. */
  resetCounts(): void {
    this.counted = { ...NO_CALLS };
    this.eventsRead = 0;
  }
}
