import type { EndReason } from '../policy/policy-values.js';
import type { IsoDate } from '../shared/iso-date.js';
import type { CommanderRole, CommandUnit, Officer } from '../shared/vocabulary.js';
import type { PostingEvent } from './posting-events.js';

/** A posting whose holder is in post (PO-1). */
export interface ActivePosting {
  readonly status: 'active';
  readonly postingId: string;
  readonly unit: CommandUnit;
  readonly role: CommanderRole;
  readonly officer: Officer;
  readonly acting: boolean;
  /** RS-4: an interim commander of a pathfinder BCU; no minimum term applies (PO-2). */
  readonly interim: boolean;
  /** RS-4: named before the unit went live and not yet in command. */
  readonly designate: boolean;
  /** RS-4: the day the holder took command: the start, or for a designate posting the day it took command; null before. */
  readonly commandFrom: IsoDate | null;
  readonly start: IsoDate;
  readonly lineManager: string | null;
  readonly appointmentProcessId: string | null;
  /** PO-2: the day the minimum term is reached, as recorded at the start; null when it does not apply. */
  readonly minimumTermEnd: IsoDate | null;
}

/** A posting that has ended; it accepts no further command (PO-5). */
export interface EndedPosting extends Omit<ActivePosting, 'status'> {
  readonly status: 'ended';
  readonly end: IsoDate;
  readonly reason: EndReason;
  readonly exceptional: boolean;
  readonly minimumTermMet: boolean | null;
}

/** One posting of a command unit, active or ended. */
export type PostingRecord = ActivePosting | EndedPosting;

/**
 * Every posting of one command unit, in the order they started. `unit` is the unit the first
 * posting named; every later command must name the same one (PO-1).
 */
export interface PostingState {
  readonly unit: CommandUnit | null;
  readonly postings: readonly PostingRecord[];
}

/** The postings of a unit before anything was recorded. */
export const initialPostingState: PostingState = { unit: null, postings: [] };

const started = (data: Extract<PostingEvent, { type: 'PostingStarted' }>['data']): ActivePosting => ({
  status: 'active',
  postingId: data.postingId,
  unit: data.unit,
  role: data.role,
  officer: data.officer,
  acting: data.acting,
  interim: data.interim,
  designate: data.designate,
  commandFrom: data.designate ? null : data.start,
  start: data.start,
  lineManager: data.lineManager,
  appointmentProcessId: data.appointmentProcessId,
  minimumTermEnd: data.minimumTermEnd,
});

const ended = (posting: PostingRecord, data: Extract<PostingEvent, { type: 'PostingEnded' }>['data']): EndedPosting => ({
  ...posting,
  status: 'ended',
  end: data.end,
  reason: data.reason,
  exceptional: data.exceptional,
  minimumTermMet: data.minimumTermMet,
});

/** The postings of a unit after one more event; assessments and breaches change nothing the decisions read. */
export const evolvePosting = (state: PostingState, event: PostingEvent): PostingState => {
  switch (event.type) {
    case 'PostingStarted':
      return { unit: state.unit ?? event.data.unit, postings: [...state.postings, started(event.data)] };
    case 'CommandTakenUp':
      return {
        ...state,
        postings: state.postings.map((posting) =>
          posting.postingId === event.data.postingId ? { ...posting, designate: false, commandFrom: event.data.at } : posting,
        ),
      };
    case 'PostingEnded':
      return {
        ...state,
        postings: state.postings.map((posting) => (posting.postingId === event.data.postingId ? ended(posting, event.data) : posting)),
      };
    case 'MinimumTermBreached':
    case 'PerformanceAssessed':
    case 'PostingRuleDeparted':
      return state;
  }
};
