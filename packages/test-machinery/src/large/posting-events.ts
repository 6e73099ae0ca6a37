import * as E from 'fp-ts/lib/Either.js';
import {
  postingDecider,
  type CommanderRole,
  type CommandUnit,
  type DomainEvent,
  type EndReason,
  type IsoDate,
  type Officer,
  type Partner,
  type Policy,
  type PostingCommand,
  type PostingEvent,
  type PostingState,
} from '@borough-command/domain';
import { isoDateOfDay, type DayNumber } from './calendar-days.js';

type PostingStarted = Extract<PostingEvent, { readonly type: 'PostingStarted' }>;

/** A posting of a large history while it is active: the day it started and the start the posting decider recorded. */
export interface GeneratedPosting {
  readonly postingId: string;
  readonly unit: CommandUnit;
  readonly officer: Officer;
  readonly start: DayNumber;
  /** PO-2: fixed by the decider when the posting starts; null when the minimum term does not apply. */
  readonly minimumTermEnd: IsoDate | null;
  readonly started: PostingStarted;
  /** The unit's postings as the decider folds them with this posting alone active. */
  readonly state: PostingState;
}

/** What a posting of a large history is when it starts. */
export interface PostingFields {
  readonly postingId: string;
  readonly unit: CommandUnit;
  readonly role: CommanderRole;
  readonly officer: Officer;
  readonly acting: boolean;
  readonly start: DayNumber;
  readonly lineManager: string | null;
  readonly appointmentProcessId: string | null;
}

/** How a posting ends: an end of its own (PO-2, PO-3), or the unit's restructure into or out of a BCU (PO-6). */
export type GeneratedEnding =
  | { readonly end: DayNumber; readonly reason: EndReason; readonly detail: string | null; readonly approvedBy: string | null }
  | { readonly end: DayNumber; readonly restructuredInto: string };

/**
 * The events of a command to the postings of one unit, as the posting decider records them. A large
 * history does not keep each unit's folded stream (it would grow with millions of events): the
 * decider decides on the postings the command concerns, which are all it reads for these commands.
 * A refusal is a bug of the generator and throws.
 */
const deciders = new WeakMap<Policy, ReturnType<typeof postingDecider>>();

const deciderOf = (policy: Policy): ReturnType<typeof postingDecider> => {
  const decider = deciders.get(policy) ?? postingDecider(policy);
  deciders.set(policy, decider);
  return decider;
};

const decided = (policy: Policy, active: GeneratedPosting | undefined, command: PostingCommand): readonly PostingEvent[] => {
  const decider = deciderOf(policy);
  const events = decider.decide(command, active?.state ?? decider.initialState);
  if (E.isLeft(events)) throw new Error(`largeHistory: the posting decider refused ${command.type} of ${command.commandId}: ${events.left.message}`);
  return events.right;
};

/** A posting starting on a day, as `StartPosting` would start it: PO-1, and its minimum term under the policy (PO-2). */
export const generatedPosting = (policy: Policy, fields: PostingFields): GeneratedPosting => {
  const [started] = decided(policy, undefined, startCommand(fields));
  if (started?.type !== 'PostingStarted') throw new Error(`largeHistory: no start of ${fields.postingId}`);
  const { postingId, unit, officer, start } = fields;
  const decider = deciderOf(policy);
  return { postingId, unit, officer, start, minimumTermEnd: started.data.minimumTermEnd, started, state: decider.evolve(decider.initialState, started) };
};

const startCommand = (fields: PostingFields): PostingCommand => ({
  type: 'StartPosting',
  commandId: `${fields.postingId}/start`,
  at: isoDateOfDay(fields.start),
  unit: fields.unit,
  postingId: fields.postingId,
  role: fields.role,
  officer: fields.officer,
  acting: fields.acting,
  ...(fields.lineManager === null ? {} : { lineManager: fields.lineManager }),
  ...(fields.appointmentProcessId === null ? {} : { appointmentProcessId: fields.appointmentProcessId }),
});

/** The events of a posting's start (PO-1): with an acting commander covering, the decider ends the cover first, the same day. */
export const postingStarted = (policy: Policy, posting: GeneratedPosting, cover?: GeneratedPosting): readonly DomainEvent[] => {
  const { data } = posting.started;
  return decided(policy, cover, startCommand({ ...data, start: posting.start }));
};

/**
 * The events of a posting's end, as the posting decider records them: `PostingEnded` (PO-2), and in
 * `record` mode a `MinimumTermBreached` when it ends before its minimum term without an approved
 * exceptional reason (PO-3); a restructure's end is exceptional and never a breach (PO-6).
 */
export const postingEnded = (policy: Policy, posting: GeneratedPosting, ending: GeneratedEnding): readonly DomainEvent[] => {
  const base = { commandId: `${posting.postingId}/end`, at: isoDateOfDay(ending.end), unit: posting.unit };
  return decided(
    policy,
    posting,
    'restructuredInto' in ending
      ? { type: 'EndPostingsForRestructure', ...base, bcu: ending.restructuredInto }
      : {
          type: 'EndPosting',
          ...base,
          postingId: posting.postingId,
          reason: ending.reason,
          ...(ending.detail === null ? {} : { detail: ending.detail }),
          ...(ending.approvedBy === null ? {} : { approvedBy: ending.approvedBy }),
        },
  );
};

/** The events of a performance assessment (PO-4), flagged by the decider when no partner contributed. */
export const performanceAssessed = (
  policy: Policy,
  posting: GeneratedPosting,
  day: DayNumber,
  assessedBy: string,
  partners: readonly Partner[],
): readonly DomainEvent[] =>
  decided(policy, posting, {
    type: 'AssessPerformance',
    commandId: `${posting.postingId}/assessment`,
    at: isoDateOfDay(day),
    unit: posting.unit,
    postingId: posting.postingId,
    assessedBy,
    partners,
  });
