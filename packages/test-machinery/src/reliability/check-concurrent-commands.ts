import * as E from 'fp-ts/lib/Either.js';
import {
  createBoroughCommand,
  policyWith,
  postingStream,
  type BoroughCommand,
  type DomainCommand,
  type DomainCommandError,
  type DomainEvent,
  type Execution,
} from '@borough-command/domain';
import { describeStoreError, type EventStore } from '@borough-command/domain/eventsourcing';
import { mixSeeds, seededRandom } from '@borough-command/cli/london-history';
import { readAllEvents } from '../london/run-london-history.js';
import { concurrentRound, type Sent } from './concurrent-round.js';
import { checkLedger, type LedgerCheck } from './ledger-check.js';
import { postingViolations, restructureViolations, type CrossAggregateViolation } from './rule-checks.js';

/** How to run the concurrency check; every field but `open` has a default. */
export interface ConcurrentCommandsOptions {
  /** Opens a fresh, empty store for each round; the check closes it. */
  readonly open: () => Promise<EventStore<DomainEvent>>;
  /** Rounds, each on a fresh store with its own racing order; 1 by default. */
  readonly rounds?: number;
  /** Seed of the racing orders; 2013 by default. */
  readonly seed?: number;
  /** Substantive commanders racing for each of four boroughs; 5 by default. */
  readonly racers?: number;
  /** The command handler's retries after a conflict (`maxRetries`); 3 by default, so some commands meet `TooManyConflicts`. */
  readonly maxRetries?: number;
  /** Times a command answered with a retryable error (or with such a failed reaction) is sent again; 50 by default. */
  readonly resends?: number;
}

/** What the concurrency check saw, over every round. */
export interface ConcurrentCommandsReport {
  readonly rounds: number;
  /** Commands sent at once, duplicates included, over every round. */
  readonly sentAtOnce: number;
  /** Executions the domain answered with success (resends included). */
  readonly acknowledged: number;
  /** Commands and reactions refused by a rule, by rule ID (PO-1 and RS-1 are the races lost). */
  readonly refusedByRule: Readonly<Record<string, number>>;
  /** Commands sent again after `TooManyConflicts`, `StoreUnavailable` or such a failed reaction: a retry is safe. */
  readonly resent: number;
  /** Events in the stores at the end, every round added up. */
  readonly eventsChecked: number;
  /** The ledger of each round (lost, doubled, gaps, unacknowledged). */
  readonly ledgers: readonly LedgerCheck[];
  /** PO-1 and RS-1 breaches found in any log. */
  readonly violations: readonly CrossAggregateViolation[];
  /** Per round and contested unit, how many substantive postings started: each must be 1. */
  readonly substantiveCommanders: readonly number[];
  /** Per round, how many of the racing BCU proposals were recorded (at least one, and never a borough twice). */
  readonly bcusProposed: readonly number[];
}

/** A command error that a resend may get past. */
const isRetryable = (error: DomainCommandError): boolean => error._tag === 'TooManyConflicts' || error._tag === 'StoreUnavailable';

/** What one execution left to be done: nothing, a resend, or a refusal to count. */
type Outcome =
  | { readonly _tag: 'Done'; readonly execution: Execution }
  | { readonly _tag: 'Resend' }
  | { readonly _tag: 'Refused'; readonly rule: string };

const outcomeOf = (result: E.Either<DomainCommandError, Execution>): Outcome => {
  if (E.isLeft(result)) {
    if (isRetryable(result.left)) return { _tag: 'Resend' };
    if (result.left._tag === 'CommandRejected') return { _tag: 'Refused', rule: result.left.rejection.rule };
    throw new Error(`a command failed for a reason no race explains: ${result.left._tag === 'TooManyConflicts' ? 'too many conflicts' : describeStoreError(result.left)}`);
  }
  return result.right.failedReactions.some((failed) => isRetryable(failed.error)) ? { _tag: 'Resend' } : { _tag: 'Done', execution: result.right };
};

interface RoundTally {
  readonly acknowledged: Set<string>;
  readonly refused: Map<string, number>;
  executions: number;
  resent: number;
}

const note = (tally: RoundTally, execution: Execution): void => {
  tally.executions += 1;
  for (const handled of execution.handled) for (const recorded of handled.result.events) tally.acknowledged.add(recorded.metadata.eventId);
  for (const failed of execution.failedReactions) {
    if (failed.error._tag === 'CommandRejected') tally.refused.set(failed.error.rejection.rule, (tally.refused.get(failed.error.rejection.rule) ?? 0) + 1);
  }
};

/** Sends a command, and again while the answer is retryable, up to `resends` more times. */
const sendUntilAnswered = async (service: BoroughCommand, sent: Sent, first: E.Either<DomainCommandError, Execution>, tally: RoundTally, resends: number): Promise<void> => {
  let result = first;
  for (let attempt = 0; ; attempt++) {
    const outcome = outcomeOf(result);
    if (E.isRight(result)) note(tally, result.right);
    if (outcome._tag === 'Refused') tally.refused.set(outcome.rule, (tally.refused.get(outcome.rule) ?? 0) + 1);
    if (outcome._tag !== 'Resend') return;
    if (attempt >= resends) throw new Error(`'${sent.command.commandId}' was still refused as retryable after ${String(resends)} resends`);
    tally.resent += 1;
    result = await service.execute(sent.command, { actor: sent.actor })();
  }
};

const setupFailure = (command: DomainCommand, error: DomainCommandError): Error =>
  new Error(`the setup command '${command.commandId}' failed: ${error._tag === 'CommandRejected' ? error.rejection.message : error._tag === 'TooManyConflicts' ? 'too many conflicts' : describeStoreError(error)}`);

/**
 * Many writers at once through `createBoroughCommand` on one store: in each round, dozens of
 * commands are sent together (commanders racing for boroughs, AP-12 reactions racing direct starts,
 * BCU proposals over shared boroughs, duplicates of the same command), every command answered
 * `TooManyConflicts` or `StoreUnavailable` is sent again until it gets an answer, then the whole log
 * is read back and checked: PO-1 and RS-1 hold after every event, and every acknowledged event is
 * there exactly once, with contiguous revisions and nothing unacknowledged. Returns what it saw,
 * for the caller to assert on; throws only when the store fails in a way no race explains.
 */
export const checkConcurrentCommands = async (options: ConcurrentCommandsOptions): Promise<ConcurrentCommandsReport> => {
  const rounds = options.rounds ?? 1;
  const seed = options.seed ?? 2013;
  const resends = options.resends ?? 50;
  const refusedByRule: Record<string, number> = {};
  const ledgers: LedgerCheck[] = [];
  const violations: CrossAggregateViolation[] = [];
  const substantiveCommanders: number[] = [];
  const bcusProposed: number[] = [];
  let sentAtOnce = 0;
  let acknowledged = 0;
  let resent = 0;
  for (let round = 0; round < rounds; round++) {
    const plan = concurrentRound(seededRandom(mixSeeds(seed, round)), options.racers ?? 5);
    const store = await options.open();
    try {
      // `enforce` mode: the races lost are refused by PO-1 and RS-1 (`record` mode would record a
      // second commander in post as a departure).
      const service = createBoroughCommand({ store, policy: policyWith({ enforcement: 'enforce' }), maxRetries: options.maxRetries ?? 3 });
      const tally: RoundTally = { acknowledged: new Set(), refused: new Map(), executions: 0, resent: 0 };
      for (const command of plan.setup) {
        const done = await service.execute(command, { actor: 'setup' })();
        if (E.isLeft(done)) throw setupFailure(command, done.left);
        note(tally, done.right);
      }
      const answers = await Promise.all(plan.racing.map((sent) => service.execute(sent.command, { actor: sent.actor })()));
      for (const [index, sent] of plan.racing.entries()) await sendUntilAnswered(service, sent, answers[index] as E.Either<DomainCommandError, Execution>, tally, resends);
      const log = await readAllEvents(store);
      ledgers.push(checkLedger(log, tally.acknowledged));
      violations.push(...postingViolations(log), ...restructureViolations(log));
      for (const unit of plan.contestedUnits) {
        const stream = postingStream(unit);
        substantiveCommanders.push(log.filter((recorded) => recorded.stream === stream && recorded.event.type === 'PostingStarted' && !recorded.event.data.acting).length);
      }
      bcusProposed.push(log.filter((recorded) => recorded.event.type === 'BcuProposed').length);
      for (const [rule, count] of tally.refused) refusedByRule[rule] = (refusedByRule[rule] ?? 0) + count;
      sentAtOnce += plan.racing.length;
      acknowledged += tally.executions;
      resent += tally.resent;
    } finally {
      await store.close();
    }
  }
  const eventsChecked = ledgers.reduce((sum, ledger) => sum + ledger.events, 0);
  return { rounds, sentAtOnce, acknowledged, refusedByRule, resent, eventsChecked, ledgers, violations, substantiveCommanders, bcusProposed };
};
