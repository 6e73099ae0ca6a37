import { describe, it } from 'vitest';
import { policyWith } from '../../src/policy/policy.js';
import { isoDate } from '../../src/shared/iso-date.js';
import { claire, endPosting, enforced, minimumTermBreached, postingEnded, postingStarted, recorded, under } from './posting-fixtures.js';

const inPost = [postingStarted()];

describe('EndPosting: dates', () => {
  it('PO-2 refuses an end before the start', () => {
    enforced(inPost)
      .when(endPosting({ at: isoDate('2010-03-31'), reason: 'personal', approvedBy: 'ACTP' }))
      .then({ _tag: 'EndBeforeStart', rule: 'PO-2', postingId: 'camden-1', start: isoDate('2010-04-01'), end: isoDate('2010-03-31') });
  });

  it('PO-2 an end on the third anniversary meets the minimum term and needs no reason or approval', () => {
    enforced(inPost)
      .when(endPosting({ at: isoDate('2013-04-01'), reason: 'promotion' }))
      .then([postingEnded({ end: isoDate('2013-04-01'), daysServed: 1096, minimumTermMet: true, exceptional: false })]);
  });

  it('PO-2 an end the day before the third anniversary is early', () => {
    enforced(inPost)
      .when(endPosting({ at: isoDate('2013-03-31'), reason: 'promotion' }))
      .then({ _tag: 'EarlyEndWithoutExceptionalReason', rule: 'PO-3', daysShort: 1, minimumTermEnd: isoDate('2013-04-01') });
  });

  it('PO-2 the minimum term recorded at the start holds even when the policy later changes', () => {
    under(policyWith({ minimumTerms: [{ role: 'borough-commander', years: 2 }] }))(inPost)
      .when(endPosting({ at: isoDate('2012-06-01'), reason: 'promotion' }))
      .then({ _tag: 'EarlyEndWithoutExceptionalReason', rule: 'PO-3', minimumTermEnd: isoDate('2013-04-01') });
  });

  it('PO-2 a posting started before 2009-07-01 may end at any time, for any reason', () => {
    enforced([postingStarted({ start: isoDate('2009-06-30'), minimumTermEnd: null })])
      .when(endPosting({ at: isoDate('2010-06-30'), reason: 'promotion' }))
      .then([
        postingEnded({
          start: isoDate('2009-06-30'),
          end: isoDate('2010-06-30'),
          daysServed: 365,
          minimumTermEnd: null,
          minimumTermMet: null,
        }),
      ]);
  });

  it('PO-2 an acting posting has no minimum term and may end at any time', () => {
    enforced([postingStarted({ officer: claire, acting: true, minimumTermEnd: null })])
      .when(endPosting({ at: isoDate('2010-05-01'), reason: 'other', detail: 'returned to her own command' }))
      .then([
        postingEnded({
          officer: claire,
          acting: true,
          end: isoDate('2010-05-01'),
          reason: 'other',
          detail: 'returned to her own command',
          daysServed: 30,
          minimumTermEnd: null,
          minimumTermMet: null,
        }),
      ]);
  });
});

describe('EndPosting before the minimum term, enforce mode', () => {
  it('PO-3 refuses an early end for promotion, which is not an exceptional reason, even when approved', () => {
    enforced(inPost)
      .when(endPosting({ at: isoDate('2011-10-01'), reason: 'promotion', approvedBy: 'ACTP' }))
      .then({
        _tag: 'EarlyEndWithoutExceptionalReason',
        rule: 'PO-3',
        postingId: 'camden-1',
        reason: 'promotion',
        missing: ['exceptional-reason'],
        daysShort: 548,
        end: isoDate('2011-10-01'),
        minimumTermEnd: isoDate('2013-04-01'),
      });
  });

  it('PO-3 refuses an early end for an exceptional reason that nobody approved', () => {
    enforced(inPost)
      .when(endPosting({ at: isoDate('2011-10-01'), reason: 'personal', detail: 'family illness' }))
      .then({ _tag: 'EarlyEndWithoutExceptionalReason', rule: 'PO-3', missing: ['approval'], daysShort: 548 });
  });

  it('PO-3 refuses an approved early end for an exceptional personal or professional reason whose circumstances are not shown', () => {
    enforced(inPost)
      .when(endPosting({ at: isoDate('2011-10-01'), reason: 'professional', approvedBy: 'ACTP' }))
      .then({ _tag: 'EarlyEndWithoutExceptionalReason', rule: 'PO-3', missing: ['circumstances'], daysShort: 548 });
  });

  it('PO-3 refuses an approved early end for organisational restructure that names no restructure', () => {
    enforced(inPost)
      .when(endPosting({ at: isoDate('2011-10-01'), reason: 'organisational-restructure', detail: 'merger', approvedBy: 'ACTP' }))
      .then({ _tag: 'EarlyEndWithoutExceptionalReason', rule: 'PO-3', missing: ['restructure'], daysShort: 548 });
  });

  it('PO-3 refuses an end that names a restructure which touches no unit of the posting', () => {
    enforced(inPost)
      .when(
        endPosting({
          at: isoDate('2011-10-01'),
          reason: 'organisational-restructure',
          approvedBy: 'ACTP',
          restructure: { restructureId: 'bcu-programme', bcu: 'Central North' },
        }),
      )
      .then({ _tag: 'RestructureDoesNotTouchUnit', rule: 'PO-3' });
  });

  it('PO-3 names both what is missing when an early end has neither an exceptional reason nor an approval', () => {
    enforced(inPost)
      .when(endPosting({ at: isoDate('2011-10-01'), reason: 'retirement' }))
      .then({ _tag: 'EarlyEndWithoutExceptionalReason', rule: 'PO-3', missing: ['exceptional-reason', 'approval'] });
  });

  it('PO-3 accepts an early end for an approved exceptional reason, marked exceptional and short of the minimum term', () => {
    enforced(inPost)
      .when(endPosting({ at: isoDate('2011-10-01'), reason: 'personal', detail: 'family illness', approvedBy: 'ACTP' }))
      .then([
        postingEnded({
          end: isoDate('2011-10-01'),
          reason: 'personal',
          detail: 'family illness',
          approvedBy: 'ACTP',
          daysServed: 548,
          minimumTermMet: false,
          exceptional: true,
        }),
      ]);
  });

  it('PO-3 counts promotion as exceptional under a policy that says so', () => {
    const promotionCounts = policyWith({ exceptionalReasons: ['personal', 'professional', 'organisational-restructure', 'promotion'] });
    under(promotionCounts)(inPost)
      .when(endPosting({ at: isoDate('2011-10-01'), reason: 'promotion', detail: 'to commander', approvedBy: 'ACTP' }))
      .then([
        postingEnded({
          end: isoDate('2011-10-01'),
          reason: 'promotion',
          detail: 'to commander',
          approvedBy: 'ACTP',
          daysServed: 548,
          minimumTermMet: false,
          exceptional: true,
        }),
      ]);
  });

  it('PO-3 an end after the minimum term needs no approval; its reason is still marked exceptional when it is one', () => {
    enforced(inPost)
      .when(endPosting({ at: isoDate('2014-01-31'), reason: 'personal' }))
      .then([postingEnded({ end: isoDate('2014-01-31'), reason: 'personal', daysServed: 1401, minimumTermMet: true, exceptional: true })]);
  });
});

describe('EndPosting before the minimum term, record mode', () => {
  it('PO-3 records an early end for promotion and then the breach of the minimum term', () => {
    recorded(inPost)
      .when(endPosting({ at: isoDate('2011-10-01'), reason: 'promotion' }))
      .then([
        postingEnded({ end: isoDate('2011-10-01'), reason: 'promotion', daysServed: 548, minimumTermMet: false, exceptional: false }),
        minimumTermBreached({ end: isoDate('2011-10-01'), reason: 'promotion', daysShort: 548, missing: 'exceptional-reason' }),
      ]);
  });

  it('PO-3 records an unapproved exceptional reason as a breach for want of approval', () => {
    recorded(inPost)
      .when(endPosting({ at: isoDate('2013-03-31'), reason: 'personal', detail: 'family illness' }))
      .then([
        postingEnded({
          end: isoDate('2013-03-31'),
          reason: 'personal',
          detail: 'family illness',
          daysServed: 1095,
          minimumTermMet: false,
          exceptional: false,
        }),
        minimumTermBreached({ end: isoDate('2013-03-31'), reason: 'personal', daysShort: 1, missing: 'approval' }),
      ]);
  });

  it('PO-3 records no breach for an approved exceptional reason', () => {
    recorded(inPost)
      .when(endPosting({ at: isoDate('2011-10-01'), reason: 'professional', detail: 'national secondment', approvedBy: 'ACTP' }))
      .then([
        postingEnded({
          end: isoDate('2011-10-01'),
          reason: 'professional',
          detail: 'national secondment',
          approvedBy: 'ACTP',
          daysServed: 548,
          minimumTermMet: false,
          exceptional: true,
        }),
      ]);
  });

  it('PO-3 records no breach for an end on or after the minimum term', () => {
    recorded(inPost)
      .when(endPosting({ at: isoDate('2013-04-01'), reason: 'promotion' }))
      .then([postingEnded({ end: isoDate('2013-04-01'), daysServed: 1096 })]);
  });
});
