import type { Decider } from '../eventsourcing/decider.js';
import type { Policy } from '../policy/policy.js';
import { assessPerformance } from './assess-performance.js';
import { endPosting } from './end-posting.js';
import { endPostingsForRestructure } from './end-postings-for-restructure.js';
import type { PostingCommand } from './posting-commands.js';
import type { PostingEvent } from './posting-events.js';
import type { PostingRejection } from './posting-rejections.js';
import { evolvePosting, initialPostingState, type PostingState } from './posting-state.js';
import { noRestructureKnown, type RestructureTouches } from './restructure-touches.js';
import { startPosting } from './start-posting.js';
import { takeUpCommand } from './take-up-command.js';

/**
 * The postings of one command unit as a decider (PO-1 to PO-6, RS-4), under a policy. One stream
 * holds every posting of the unit, so at most one substantive commander per role (PO-1) is checked
 * here. `touches` finds the restructure an end for organisational restructure names (PO-3); the
 * service answers from the restructure's stream, and without it every named restructure is refused.
 */
export const postingDecider = (
  policy: Policy,
  touches: RestructureTouches = noRestructureKnown,
): Decider<PostingCommand, PostingState, PostingEvent, PostingRejection> => {
  const start = startPosting(policy, touches);
  const end = endPosting(policy, touches);
  const takeUp = takeUpCommand(start);
  const endForRestructure = endPostingsForRestructure(touches);
  const assess = assessPerformance(policy);
  return {
    decide: (command, state) => {
      switch (command.type) {
        case 'StartPosting':
          return start(command, state);
        case 'TakeUpCommand':
          return takeUp(command, state);
        case 'EndPosting':
          return end(command, state);
        case 'AssessPerformance':
          return assess(command, state);
        case 'EndPostingsForRestructure':
          return endForRestructure(command, state);
      }
    },
    evolve: evolvePosting,
    initialState: initialPostingState,
    // The stream holds every posting of a unit, and a unit always accepts a new posting: the stream
    // is never terminal. An ended posting refuses every command (PO-5) inside `decide`.
    isTerminal: () => false,
  };
};
