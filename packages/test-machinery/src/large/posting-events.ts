import {
  isExceptionalReason,
  minimumTermEnd,
  missingForEarlyEnd,
  valuesOn,
  type CommanderRole,
  type CommandUnit,
  type DomainEvent,
  type EndReason,
  type IsoDate,
  type Officer,
  type Partner,
  type Policy,
} from '@borough-command/domain';
import { dayNumberOf, isoDateOfDay, type DayNumber } from './calendar-days.js';

/** A posting of a large history, as the generator keeps it while it is active. */
export interface GeneratedPosting {
  readonly postingId: string;
  readonly unit: CommandUnit;
  readonly role: CommanderRole;
  readonly officer: Officer;
  readonly acting: boolean;
  readonly start: DayNumber;
  readonly lineManager: string | null;
  readonly appointmentProcessId: string | null;
  /** PO-2: fixed when the posting starts; null when the minimum term does not apply. */
  readonly minimumTermEnd: IsoDate | null;
}

/** A posting starting on a day, with its minimum term worked out under the policy (PO-2). */
export const generatedPosting = (
  policy: Policy,
  fields: Omit<GeneratedPosting, 'minimumTermEnd'>,
): GeneratedPosting => ({
  ...fields,
  minimumTermEnd: minimumTermEnd(valuesOn(policy, isoDateOfDay(fields.start)), { role: fields.role, acting: fields.acting, start: isoDateOfDay(fields.start) }) ?? null,
});

/** The `PostingStarted` event of a posting (PO-1). */
export const postingStarted = (posting: GeneratedPosting): DomainEvent => ({
  type: 'PostingStarted',
  data: {
    postingId: posting.postingId,
    unit: posting.unit,
    role: posting.role,
    officer: posting.officer,
    acting: posting.acting,
    interim: false,
    designate: false,
    start: isoDateOfDay(posting.start),
    lineManager: posting.lineManager,
    appointmentProcessId: posting.appointmentProcessId,
    minimumTermEnd: posting.minimumTermEnd,
  },
});

/** How a posting ends. */
export interface GeneratedEnding {
  readonly end: DayNumber;
  readonly reason: EndReason;
  readonly detail: string | null;
  readonly approvedBy: string | null;
  /** PO-6: an end for a restructure is exceptional whatever the policy says. */
  readonly restructure: boolean;
}

/**
 * The events of a posting's end, as the posting decider records them: `PostingEnded` (PO-2), and
 * in `record` mode a `MinimumTermBreached` when it ends before its minimum term without an approved
 * exceptional reason (PO-3). Never a breach for a restructure (PO-6).
 */
export const postingEnded = (policy: Policy, posting: GeneratedPosting, ending: GeneratedEnding): readonly DomainEvent[] => {
  const end = isoDateOfDay(ending.end);
  const start = isoDateOfDay(posting.start);
  const term = posting.minimumTermEnd;
  const values = valuesOn(policy, end);
  const exceptionalReason = isExceptionalReason(values, ending.reason);
  // PO-6: an end for a restructure is never a breach; any other end is judged by PO-3.
  const [missing] = ending.restructure
    ? []
    : missingForEarlyEnd(values, posting, {
        at: end,
        reason: ending.reason,
        ...(ending.detail === null ? {} : { detail: ending.detail }),
        ...(ending.approvedBy === null ? {} : { approvedBy: ending.approvedBy }),
      });
  const ended: DomainEvent = {
    type: 'PostingEnded',
    data: {
      postingId: posting.postingId,
      unit: posting.unit,
      role: posting.role,
      officer: posting.officer,
      acting: posting.acting,
      start,
      end,
      reason: ending.reason,
      detail: ending.detail,
      approvedBy: ending.approvedBy,
      daysServed: ending.end - posting.start,
      minimumTermEnd: term,
      minimumTermMet: term === null ? null : end >= term,
      exceptional: ending.restructure || (missing === undefined && exceptionalReason),
      restructure: null,
    },
  };
  if (missing === undefined || term === null) return [ended];
  return [
    ended,
    {
      type: 'MinimumTermBreached',
      data: {
        postingId: posting.postingId,
        unit: posting.unit,
        officer: posting.officer,
        start,
        end,
        minimumTermEnd: term,
        daysShort: dayNumberOf(term) - ending.end,
        reason: ending.reason,
        missing,
      },
    },
  ];
};

/** A `PerformanceAssessed` event (PO-4): flagged when no partner contributed. */
export const performanceAssessed = (posting: GeneratedPosting, day: DayNumber, assessedBy: string, partners: readonly Partner[]): DomainEvent => ({
  type: 'PerformanceAssessed',
  data: {
    postingId: posting.postingId,
    unit: posting.unit,
    officer: posting.officer,
    assessedBy,
    partners,
    noPartnerInvolved: partners.length === 0,
    at: isoDateOfDay(day),
  },
});
