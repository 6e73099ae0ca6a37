import { compareDates, type CommandUnit, type IsoDate, type Officer } from '@borough-command/domain';
import type { CareerView, PostingReport } from '@borough-command/projections';

/** The service's own rule: one officer never commands two units at once. */
export const SVC_1 = 'SVC-1';

/** A posting of an officer, as the rule looks at it: where, and from when until when (the day before its end). */
export interface HeldCommand {
  readonly unit: CommandUnit;
  readonly postingId: string;
  readonly acting: boolean;
  readonly start: IsoDate;
  /** The day the posting ended, or null while in post. */
  readonly end: IsoDate | null;
}

/** SVC-1 broken: an officer held two postings on the same days. */
export interface DoubleCommand {
  readonly officer: Officer;
  readonly first: HeldCommand;
  readonly second: HeldCommand;
  /** The first day both were in force. */
  readonly from: IsoDate;
}

const held = (posting: PostingReport): HeldCommand => ({
  unit: posting.unit,
  postingId: posting.postingId,
  acting: posting.acting,
  start: posting.start,
  end: posting.end,
});

/** Tells whether two postings were in force on a common day: each starts before the other ends. */
const overlap = (a: HeldCommand, b: HeldCommand): boolean => (b.end === null || a.start < b.end) && (a.end === null || b.start < a.end);

/** SVC-1: every pair of an officer's postings that were in force on the same days, from the TE-3 careers view. */
export const doubleCommands = (careers: CareerView): readonly DoubleCommand[] =>
  careers.officers().flatMap((officer) => {
    const postings = (careers.careerOf(officer.id)?.postings ?? []).map(held);
    return postings.flatMap((first, index) =>
      postings
        .slice(index + 1)
        .filter((second) => overlap(first, second))
        .map((second) => ({ officer, first, second, from: compareDates(first.start, second.start) < 0 ? second.start : first.start })),
    );
  });
