import { describe, it } from 'vitest';
import { defaultPolicy, policyChangedFrom, policyWith, valuesOn } from '../../src/policy/policy.js';
import { isoDate } from '../../src/shared/iso-date.js';
import {
  amira,
  ben,
  camden,
  centralNorth,
  claire,
  enforced,
  islington,
  postingEnded,
  postingStarted,
  startPosting,
  under,
} from './posting-fixtures.js';

const claireActing = postingStarted({
  postingId: 'camden-acting',
  officer: claire,
  acting: true,
  start: isoDate('2010-01-10'),
  minimumTermEnd: null,
});

describe('StartPosting', () => {
  it('PO-1 starts a substantive borough commander posting with its minimum term', () => {
    enforced([])
      .when(startPosting({ lineManager: 'Area Commander North', appointmentProcessId: 'process-7' }))
      .then([postingStarted({ lineManager: 'Area Commander North', appointmentProcessId: 'process-7' })]);
  });

  it('PO-1 refuses a second substantive borough commander while one is in post, naming the holder', () => {
    enforced([postingStarted()])
      .when(startPosting({ postingId: 'camden-2', officer: ben, at: isoDate('2011-01-01') }))
      .then({ _tag: 'UnitAlreadyCommanded', rule: 'PO-1', holder: amira, holderPostingId: 'camden-1', role: 'borough-commander' });
  });

  it('PO-1 accepts a link borough commander alongside the borough commander', () => {
    enforced([postingStarted()])
      .when(startPosting({ postingId: 'camden-link', officer: ben, role: 'link-borough-commander', at: isoDate('2011-01-01') }))
      .then([
        postingStarted({
          postingId: 'camden-link',
          officer: ben,
          role: 'link-borough-commander',
          start: isoDate('2011-01-01'),
          minimumTermEnd: null,
        }),
      ]);
  });

  it('PO-1 an acting commander covers a vacancy, is marked acting and has no minimum term', () => {
    enforced([])
      .when(startPosting({ postingId: 'camden-acting', officer: claire, acting: true, at: isoDate('2010-01-10') }))
      .then([claireActing]);
  });

  it('PO-1 refuses an acting commander while a substantive commander is in post', () => {
    enforced([postingStarted()])
      .when(startPosting({ postingId: 'camden-acting', officer: claire, acting: true, at: isoDate('2011-01-01') }))
      .then({ _tag: 'NoVacancyToCover', rule: 'PO-1', holder: amira, holderActing: false });
  });

  it('PO-1 refuses a second acting commander while one covers the role', () => {
    enforced([claireActing])
      .when(startPosting({ postingId: 'camden-acting-2', officer: ben, acting: true, at: isoDate('2010-02-01') }))
      .then({ _tag: 'NoVacancyToCover', rule: 'PO-1', holder: claire, holderActing: true });
  });

  it('PO-1 a substantive start ends the acting cover the same day, before the new posting starts', () => {
    enforced([claireActing])
      .when(startPosting())
      .then([
        postingEnded({
          postingId: 'camden-acting',
          officer: claire,
          acting: true,
          start: isoDate('2010-01-10'),
          end: isoDate('2010-04-01'),
          reason: 'other',
          detail: 'substantive commander took up post',
          daysServed: 81,
          minimumTermEnd: null,
          minimumTermMet: null,
          exceptional: false,
        }),
        postingStarted(),
      ]);
  });

  it('PO-1 the acting commander may be appointed the substantive commander', () => {
    enforced([claireActing])
      .when(startPosting({ officer: claire }))
      .then([
        postingEnded({
          postingId: 'camden-acting',
          officer: claire,
          acting: true,
          start: isoDate('2010-01-10'),
          end: isoDate('2010-04-01'),
          reason: 'other',
          detail: 'substantive commander took up post',
          daysServed: 81,
          minimumTermEnd: null,
          minimumTermMet: null,
          exceptional: false,
        }),
        postingStarted({ officer: claire }),
      ]);
  });

  it('PO-1 refuses a substantive start dated before the acting cover it would end began', () => {
    enforced([claireActing])
      .when(startPosting({ at: isoDate('2010-01-09') }))
      .then({ _tag: 'StartBeforeActingCoverBegan', rule: 'PO-1', actingPostingId: 'camden-acting', actingStart: isoDate('2010-01-10') });
  });

  it('PO-1 refuses an officer who already holds an active posting in the unit', () => {
    enforced([postingStarted()])
      .when(startPosting({ postingId: 'camden-link', role: 'link-borough-commander', at: isoDate('2011-01-01') }))
      .then({ _tag: 'OfficerAlreadyPosted', rule: 'PO-1', officer: amira, heldPostingId: 'camden-1', heldRole: 'borough-commander' });
  });

  it('PO-1 refuses a posting id that is already in use', () => {
    enforced([postingStarted({ role: 'link-borough-commander', minimumTermEnd: null })])
      .when(startPosting({ officer: ben }))
      .then({ _tag: 'PostingIdAlreadyUsed', rule: 'PO-1', postingId: 'camden-1' });
  });

  it('PO-1 refuses a command that names another unit than the postings of the stream', () => {
    enforced([postingStarted()])
      .when(startPosting({ unit: islington, postingId: 'islington-1', officer: ben }))
      .then({ _tag: 'PostingUnitMismatch', rule: 'PO-1', streamUnit: camden, commandUnit: islington });
  });

  it('PO-1 refuses a borough that is not one of London\'s 32, such as the City of London', () => {
    enforced([])
      .when(startPosting({ unit: { kind: 'borough', name: 'City of London' } }))
      .then({ _tag: 'NotALondonBorough', rule: 'PO-1', borough: 'City of London' });
    enforced([])
      .when(startPosting({ unit: { kind: 'borough', name: 'camden' } }))
      .then({ _tag: 'NotALondonBorough', rule: 'PO-1' });
  });

  it('PO-1 refuses a BCU commander in a borough and a borough commander in a BCU', () => {
    enforced([]).when(startPosting({ role: 'bcu-commander' })).then({ _tag: 'RoleDoesNotFitUnit', rule: 'PO-1', unit: camden });
    enforced([])
      .when(startPosting({ unit: centralNorth, role: 'link-borough-commander' }))
      .then({ _tag: 'RoleDoesNotFitUnit', rule: 'PO-1', unit: centralNorth, role: 'link-borough-commander' });
  });

  it('PO-1 PO-2 starts a BCU commander posting in a BCU, with the three-year minimum term the seeds set for borough commanders', () => {
    enforced([])
      .when(startPosting({ unit: centralNorth, postingId: 'cn-1', role: 'bcu-commander', at: isoDate('2017-01-16') }))
      .then([
        postingStarted({
          unit: centralNorth,
          postingId: 'cn-1',
          role: 'bcu-commander',
          start: isoDate('2017-01-16'),
          minimumTermEnd: isoDate('2020-01-16'),
        }),
      ]);
  });

  it('PO-2 leaves BCU commanders out with one change of policy value', () => {
    const boroughOnly = policyWith({ minimumTerms: [{ role: 'borough-commander', years: 3 }] });
    under(boroughOnly)([])
      .when(startPosting({ unit: centralNorth, postingId: 'cn-1', role: 'bcu-commander', at: isoDate('2017-01-16') }))
      .then([postingStarted({ unit: centralNorth, postingId: 'cn-1', role: 'bcu-commander', start: isoDate('2017-01-16'), minimumTermEnd: null })]);
  });

  it('PO-1 refuses a start inside an earlier posting of the role, and accepts one on the day it ended', () => {
    const history = [
      postingStarted(),
      postingEnded({ end: isoDate('2013-06-30'), daysServed: 1186 }),
    ];
    enforced(history)
      .when(startPosting({ postingId: 'camden-2', officer: ben, at: isoDate('2013-06-29') }))
      .then({ _tag: 'OverlapsEarlierPosting', rule: 'PO-1', earlierPostingId: 'camden-1', earlierEnd: isoDate('2013-06-30') });
    enforced(history)
      .when(startPosting({ postingId: 'camden-2', officer: ben, at: isoDate('2013-06-30') }))
      .then([postingStarted({ postingId: 'camden-2', officer: ben, start: isoDate('2013-06-30'), minimumTermEnd: isoDate('2016-06-30') })]);
  });
});

describe('StartPosting: the minimum term', () => {
  it('PO-2 a posting started on 29 February reaches its minimum term on 1 March three years later', () => {
    enforced([])
      .when(startPosting({ at: isoDate('2012-02-29') }))
      .then([postingStarted({ start: isoDate('2012-02-29'), minimumTermEnd: isoDate('2015-03-01') })]);
  });

  it('PO-2 the minimum term applies from 2009-07-01: not to a start on 2009-06-30', () => {
    enforced([])
      .when(startPosting({ at: isoDate('2009-06-30') }))
      .then([postingStarted({ start: isoDate('2009-06-30'), minimumTermEnd: null })]);
    enforced([])
      .when(startPosting({ at: isoDate('2009-07-01') }))
      .then([postingStarted({ start: isoDate('2009-07-01'), minimumTermEnd: isoDate('2012-07-01') })]);
  });

  it('PO-2 applies to the roles the policy names: the link borough commander when the policy adds it', () => {
    const withLink = policyWith({ minimumTerms: [...valuesOn(defaultPolicy, isoDate('2010-04-01')).minimumTerms, { role: 'link-borough-commander', years: 3 }] });
    under(withLink)([])
      .when(startPosting({ role: 'link-borough-commander' }))
      .then([postingStarted({ role: 'link-borough-commander', minimumTermEnd: isoDate('2013-04-01') })]);
  });

  it('PO-2 follows the effective date and length the policy sets', () => {
    const policy = policyChangedFrom(
      policyWith({ minimumTerms: [] }),
      isoDate('2011-01-01'),
      { minimumTerms: [{ role: 'borough-commander', years: 2 }] },
      'two-years-from-2011',
    );
    under(policy)([])
      .when(startPosting())
      .then([postingStarted({ minimumTermEnd: null })]);
    under(policy)([])
      .when(startPosting({ at: isoDate('2011-01-01') }))
      .then([postingStarted({ start: isoDate('2011-01-01'), minimumTermEnd: isoDate('2013-01-01') })]);
  });
});
