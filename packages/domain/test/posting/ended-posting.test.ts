import { describe, expect, it } from 'vitest';
import { foldEvents } from '../../src/eventsourcing/decider.js';
import { defaultPolicy } from '../../src/policy/policy.js';
import { activePostings, findPosting } from '../../src/posting/posting-queries.js';
import { postingDecider } from '../../src/posting/posting-decider.js';
import { isoDate } from '../../src/shared/iso-date.js';
import {
  assessPerformance,
  ben,
  endPosting,
  endPostingsForRestructure,
  enforced,
  postingEnded,
  postingStarted,
  startPosting,
} from './posting-fixtures.js';

const endedPosting = [postingStarted(), postingEnded({ end: isoDate('2013-06-30'), daysServed: 1186 })];

describe('an ended posting', () => {
  it('PO-5 refuses to end a posting that has ended', () => {
    enforced(endedPosting)
      .when(endPosting({ at: isoDate('2014-01-01'), commandId: 'end-2' }))
      .then({ _tag: 'PostingAlreadyEnded', rule: 'PO-5', postingId: 'camden-1', end: isoDate('2013-06-30') });
  });

  it('PO-5 refuses to assess a posting that has ended', () => {
    enforced(endedPosting)
      .when(assessPerformance({ at: isoDate('2013-07-01') }))
      .then({ _tag: 'PostingAlreadyEnded', rule: 'PO-5', postingId: 'camden-1' });
  });

  it('PO-5 refuses to start an ended posting again', () => {
    enforced(endedPosting)
      .when(startPosting({ officer: ben, at: isoDate('2014-01-01') }))
      .then({ _tag: 'PostingAlreadyEnded', rule: 'PO-5', postingId: 'camden-1' });
  });

  it('PO-5 refuses a command naming a posting that never started', () => {
    enforced(endedPosting)
      .when(endPosting({ postingId: 'camden-9', reason: 'personal', approvedBy: 'ACTP' }))
      .then({ _tag: 'UnknownPosting', rule: 'PO-5', postingId: 'camden-9' });
    enforced([])
      .when(assessPerformance({ postingId: 'camden-9' }))
      .then({ _tag: 'UnknownPosting', rule: 'PO-5', postingId: 'camden-9' });
  });

  it('PO-5 a restructure leaves an ended posting alone', () => {
    enforced(endedPosting).when(endPostingsForRestructure()).then([]);
  });

  it('PO-5 is enforced per posting: the unit stream is never terminal and takes the next posting', () => {
    const decider = postingDecider(defaultPolicy);
    const state = foldEvents(decider, endedPosting);
    expect(decider.isTerminal(state)).toBe(false);
    expect(findPosting(state, 'camden-1')?.status).toBe('ended');
    expect(activePostings(state)).toEqual([]);
    enforced(endedPosting)
      .when(startPosting({ postingId: 'camden-2', officer: ben, at: isoDate('2013-07-01') }))
      .then([postingStarted({ postingId: 'camden-2', officer: ben, start: isoDate('2013-07-01'), minimumTermEnd: isoDate('2016-07-01') })]);
  });
});
