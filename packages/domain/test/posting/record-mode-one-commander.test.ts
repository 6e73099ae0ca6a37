/**
 * `record` mode for PO-1 (one commander per role at a time) and PO-5 (an ended posting accepts no
 * command): what went against them is recorded as it happened after a `PostingRuleDeparted`, and
 * refused in `enforce` mode; what names no posting that could be recorded stays refused.
 */
import { describe, expect, it } from 'vitest';
import { isoDate } from '../../src/shared/iso-date.js';
import {
  amira,
  assessPerformance,
  ben,
  camden,
  claire,
  enforced,
  islington,
  performanceAssessed,
  postingEnded,
  postingStarted,
  recorded,
  startPosting,
} from './posting-fixtures.js';

const amiraInPost = [postingStarted()];
const departed = (postingId: string, rule: string, departure: string, at: string): never => {
  const data: unknown = expect.objectContaining({ postingId, unit: camden, rule, departure, at: isoDate(at) });
  return { type: 'PostingRuleDeparted', data } as never;
};


describe('PO-1 record mode: two commanders of one role at once', () => {
  it('PO-1 a second substantive commander while one is in post is recorded after a departure; refused in enforce mode', () => {
    const benStarts = startPosting({ commandId: 'start-2', postingId: 'camden-2', officer: ben, at: isoDate('2011-09-01') });
    enforced(amiraInPost).when(benStarts).then({ _tag: 'UnitAlreadyCommanded', rule: 'PO-1' });
    recorded(amiraInPost).when(benStarts).then([
      departed('camden-2', 'PO-1', 'UnitAlreadyCommanded', '2011-09-01'),
      postingStarted({ postingId: 'camden-2', officer: ben, start: isoDate('2011-09-01'), minimumTermEnd: isoDate('2014-09-01') }),
    ]);
  });

  it('PO-1 an acting commander beside the substantive one in post is recorded after a departure; refused in enforce mode', () => {
    const benActs = startPosting({ commandId: 'start-2', postingId: 'camden-2', officer: ben, acting: true, at: isoDate('2011-09-01') });
    enforced(amiraInPost).when(benActs).then({ _tag: 'NoVacancyToCover', rule: 'PO-1' });
    recorded(amiraInPost).when(benActs).then([
      departed('camden-2', 'PO-1', 'NoVacancyToCover', '2011-09-01'),
      postingStarted({ postingId: 'camden-2', officer: ben, acting: true, start: isoDate('2011-09-01'), minimumTermEnd: null }),
    ]);
  });

  it('PO-1 a substantive start ends every acting cover of the role, the second one record mode recorded beside the first too', () => {
    const twoCovers = [
      postingStarted({ postingId: 'cover-1', officer: ben, acting: true, start: isoDate('2011-01-01'), minimumTermEnd: null }),
      postingStarted({ postingId: 'cover-2', officer: claire, acting: true, start: isoDate('2011-02-01'), minimumTermEnd: null }),
    ];
    const decided = recorded(twoCovers).when(startPosting({ at: isoDate('2011-03-01') })).result;
    if (decided._tag === 'Left') return expect.fail(JSON.stringify(decided.left));
    expect(decided.right.map((event) => [event.type, 'postingId' in event.data ? event.data.postingId : ''])).toEqual([
      ['PostingEnded', 'cover-1'],
      ['PostingEnded', 'cover-2'],
      ['PostingStarted', 'camden-1'],
    ]);
  });

  it('PO-1 an officer holding two postings of the unit at once is recorded after a departure; refused in enforce mode', () => {
    const amiraAlsoLink = startPosting({ commandId: 'start-2', postingId: 'camden-2', role: 'link-borough-commander', at: isoDate('2011-09-01') });
    enforced(amiraInPost).when(amiraAlsoLink).then({ _tag: 'OfficerAlreadyPosted', rule: 'PO-1' });
    recorded(amiraInPost).when(amiraAlsoLink).then([
      departed('camden-2', 'PO-1', 'OfficerAlreadyPosted', '2011-09-01'),
      // (the default policy's minimum term does not cover link borough commanders)
      postingStarted({ postingId: 'camden-2', role: 'link-borough-commander', start: isoDate('2011-09-01'), minimumTermEnd: null }),
    ]);
  });

  it('PO-1 what names no posting that could be recorded stays refused in record mode: a taken id, a command for another unit\'s stream', () => {
    recorded(amiraInPost).when(startPosting({ commandId: 'start-2', officer: ben, at: isoDate('2011-09-01') })).then({ _tag: 'PostingIdAlreadyUsed', rule: 'PO-1' });
    recorded(amiraInPost).when(startPosting({ commandId: 'start-2', postingId: 'islington-1', unit: islington, officer: ben })).then({ _tag: 'PostingUnitMismatch' });
  });
});

describe('PO-5 record mode: an assessment after the posting ended', () => {
  const ended = [...amiraInPost, postingEnded({ end: isoDate('2013-06-01'), daysServed: 1157, reason: 'retirement' })];

  it('PO-5 a late assessment of an ended posting is recorded after a departure; refused in enforce mode', () => {
    const late = assessPerformance({ at: isoDate('2013-07-15') });
    enforced(ended).when(late).then({ _tag: 'PostingAlreadyEnded', rule: 'PO-5' });
    recorded(ended).when(late).then([departed('camden-1', 'PO-5', 'PostingAlreadyEnded', '2013-07-15'), performanceAssessed({ at: isoDate('2013-07-15') })]);
  });

  it('PO-5 an ended posting is not ended again, nor started again, in record mode', () => {
    recorded(ended).when(startPosting({ commandId: 'start-2', officer: amira, at: isoDate('2014-01-01') })).then({ _tag: 'PostingAlreadyEnded', rule: 'PO-5' });
  });
});
