import type { EndReason } from '../policy/policy-values.js';
import { daysBetween, type IsoDate } from '../shared/iso-date.js';
import type { PostingEvent } from './posting-events.js';
import type { ActivePosting } from './posting-state.js';
import type { RestructureTouch } from './restructure-touches.js';

/** The `PostingEnded` event. */
export type PostingEndedEvent = Extract<PostingEvent, { type: 'PostingEnded' }>;

/** How a posting ends: the day, the reason, and whether it counts as exceptional (PO-3). */
export interface PostingEnding {
  readonly end: IsoDate;
  readonly reason: EndReason;
  readonly detail: string | null;
  readonly approvedBy: string | null;
  readonly exceptional: boolean;
  /** PO-3, PO-6: the restructure an end for organisational restructure names; null otherwise. */
  readonly restructure: RestructureTouch | null;
}

/**
 * PO-2: the event that ends an active posting. Days served are counted from start to end on the
 * calendar; the minimum term is met when the end is on or after the day it is reached.
 */
export const postingEnded = (posting: ActivePosting, ending: PostingEnding): PostingEndedEvent => ({
  type: 'PostingEnded',
  data: {
    postingId: posting.postingId,
    unit: posting.unit,
    role: posting.role,
    officer: posting.officer,
    acting: posting.acting,
    start: posting.start,
    end: ending.end,
    reason: ending.reason,
    detail: ending.detail,
    approvedBy: ending.approvedBy,
    daysServed: daysBetween(posting.start, ending.end),
    minimumTermEnd: posting.minimumTermEnd,
    minimumTermMet: posting.minimumTermEnd === null ? null : ending.end >= posting.minimumTermEnd,
    exceptional: ending.exceptional,
    restructure: ending.restructure,
  },
});
