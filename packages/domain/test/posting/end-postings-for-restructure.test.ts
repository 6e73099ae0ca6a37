import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { defaultPolicy, policyWith } from '../../src/policy/policy.js';
import { postingDecider } from '../../src/posting/posting-decider.js';
import type { PostingEvent } from '../../src/posting/posting-events.js';
import { isoDate } from '../../src/shared/iso-date.js';
import {
  amira,
  ben,
  camden,
  centralNorth,
  claire,
  endPostingsForRestructure,
  enforced,
  islington,
  postingEnded,
  postingStarted,
  recorded,
  under,
} from './posting-fixtures.js';

const amiraInPost = postingStarted({ start: isoDate('2015-06-01'), minimumTermEnd: isoDate('2018-06-01') });
const claireCoversLink = postingStarted({
  postingId: 'camden-link-acting',
  officer: claire,
  role: 'link-borough-commander',
  acting: true,
  start: isoDate('2016-09-01'),
  minimumTermEnd: null,
});
const camdenBeforeMerger = [amiraInPost, claireCoversLink];

const bothEnded: readonly PostingEvent[] = [
  postingEnded({
    start: isoDate('2015-06-01'),
    end: isoDate('2017-02-01'),
    reason: 'organisational-restructure',
    detail: 'Camden borough joined BCU Central North',
    daysServed: 611,
    minimumTermEnd: isoDate('2018-06-01'),
    minimumTermMet: false,
    exceptional: true,
  }),
  postingEnded({
    postingId: 'camden-link-acting',
    officer: claire,
    role: 'link-borough-commander',
    acting: true,
    start: isoDate('2016-09-01'),
    end: isoDate('2017-02-01'),
    reason: 'organisational-restructure',
    detail: 'Camden borough joined BCU Central North',
    daysServed: 153,
    minimumTermEnd: null,
    minimumTermMet: null,
    exceptional: true,
  }),
];

describe('EndPostingsForRestructure', () => {
  it('PO-6 ends every active posting, substantive and acting, as an exceptional organisational restructure in enforce mode', () => {
    enforced(camdenBeforeMerger).when(endPostingsForRestructure()).then(bothEnded);
  });

  it('PO-6 records no breach in record mode, even before the minimum term', () => {
    recorded(camdenBeforeMerger).when(endPostingsForRestructure()).then(bothEnded);
  });

  it('PO-6 is exceptional and never a breach, even under a policy whose exceptional reasons leave restructures out', () => {
    const narrow = policyWith({ exceptionalReasons: ['personal'], enforcement: 'record' });
    under(narrow)(camdenBeforeMerger).when(endPostingsForRestructure()).then(bothEnded);
    under(policyWith({ exceptionalReasons: [] }))(camdenBeforeMerger).when(endPostingsForRestructure()).then(bothEnded);
  });

  it('PO-6 with no active posting emits nothing, so running it twice changes nothing', () => {
    enforced([]).when(endPostingsForRestructure()).then([]);
    enforced([...camdenBeforeMerger, ...bothEnded])
      .when(endPostingsForRestructure({ commandId: 'restructure-2' }))
      .then([]);
  });

  it('PO-6 running the decision again on its own outcome emits nothing', () => {
    const decider = postingDecider(defaultPolicy);
    const state = camdenBeforeMerger.reduce(decider.evolve, decider.initialState);
    const first = decider.decide(endPostingsForRestructure(), state);
    if (E.isLeft(first)) expect.fail(first.left.message);
    const after = first.right.reduce(decider.evolve, state);
    expect(decider.decide(endPostingsForRestructure({ commandId: 'restructure-2' }), after)).toEqual(E.right([]));
  });

  it('PO-6 ends the commander of a dissolved BCU for organisational restructure', () => {
    const bcuCommander = postingStarted({
      postingId: 'cn-1',
      unit: centralNorth,
      role: 'bcu-commander',
      officer: ben,
      start: isoDate('2017-01-16'),
      minimumTermEnd: null,
    });
    enforced([bcuCommander])
      .when(endPostingsForRestructure({ unit: centralNorth, at: isoDate('2019-01-16') }))
      .then([
        postingEnded({
          postingId: 'cn-1',
          unit: centralNorth,
          role: 'bcu-commander',
          officer: ben,
          start: isoDate('2017-01-16'),
          end: isoDate('2019-01-16'),
          reason: 'organisational-restructure',
          detail: 'BCU Central North restructured',
          daysServed: 730,
          minimumTermEnd: null,
          minimumTermMet: null,
          exceptional: true,
        }),
      ]);
  });

  it('PO-2 refuses a restructure dated before an active posting started', () => {
    enforced(camdenBeforeMerger)
      .when(endPostingsForRestructure({ at: isoDate('2016-08-31') }))
      .then({ _tag: 'EndBeforeStart', rule: 'PO-2', postingId: 'camden-link-acting', start: isoDate('2016-09-01') });
  });

  it('PO-1 refuses a restructure naming another unit than the postings of the stream', () => {
    enforced(camdenBeforeMerger)
      .when(endPostingsForRestructure({ unit: islington }))
      .then({ _tag: 'PostingUnitMismatch', rule: 'PO-1', streamUnit: camden, commandUnit: islington });
  });

  it('PO-6 leaves the officers free to take a new posting in the unit afterwards', () => {
    enforced([...camdenBeforeMerger, ...bothEnded])
      .when({
        type: 'StartPosting',
        commandId: 'start-9',
        at: isoDate('2017-02-01'),
        unit: camden,
        postingId: 'camden-9',
        role: 'borough-commander',
        officer: amira,
        acting: false,
      })
      .then([postingStarted({ postingId: 'camden-9', start: isoDate('2017-02-01'), minimumTermEnd: isoDate('2020-02-01') })]);
  });
});
