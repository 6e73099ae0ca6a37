import { describe, expect, it } from 'vitest';
import { createCareerView } from '../src/index.js';
import { bcu, borough, d, envelopeLog, officer, postingEnded, postingsOf, postingStarted } from './support/envelopes.js';

const camden = borough('Camden');
const islington = borough('Islington');
const centralNorth = bcu('Central North');
const grace = officer('grace', 'Grace Okafor', 'superintendent');
const promoted = officer('grace', 'Grace Okafor', 'chief-superintendent');
const harjit = officer('harjit', 'Harjit Gill');

describe('TE-3 officer careers', () => {
  it('TE-3 lists an officer\'s postings in order of start, whatever order the streams were written in', () => {
    const log = envelopeLog();
    const bcuPosting = { unit: centralNorth, postingId: 'cn-1', officer: promoted, start: d('2017-01-16') };
    const actingPosting = { unit: islington, postingId: 'islington-acting', officer: grace, start: d('2013-04-01'), acting: true };
    const camdenPosting = { unit: camden, postingId: 'camden-1', officer: grace, start: d('2014-02-03') };
    // Written out of date order: the BCU first, then the earlier borough postings.
    log.record(postingsOf(centralNorth), postingStarted(bcuPosting));
    log.record(postingsOf(islington), postingStarted(actingPosting));
    log.record(postingsOf(islington), postingEnded({ ...actingPosting, end: d('2013-09-30'), reason: 'other' }));
    log.record(postingsOf(camden), postingStarted(camdenPosting));
    log.record(postingsOf(camden), postingEnded({ ...camdenPosting, end: d('2017-01-16'), reason: 'organisational-restructure', exceptional: true }));
    log.record(postingsOf(camden), postingStarted({ unit: camden, postingId: 'camden-0', officer: harjit, start: d('2010-01-04') }));
    const view = createCareerView();
    for (const envelope of log.all()) view.apply(envelope);

    const career = view.careerOf('grace');
    expect(career?.officer).toEqual(promoted);
    expect(career?.postings.map((posting) => [posting.unit.name, posting.acting, posting.start, posting.end, posting.daysServed])).toEqual([
      // 2013-04-01 to 2013-09-30: 30 + 31 + 30 + 31 + 31 + 29 days.
      ['Islington', true, '2013-04-01', '2013-09-30', 182],
      // 2014-02-03 to 2017-01-16: 365 + 365 + 348 (29 February 2016 in the last year).
      ['Camden', false, '2014-02-03', '2017-01-16', 1078],
      ['Central North', false, '2017-01-16', null, null],
    ]);
    expect(career?.postings.map((posting) => posting.sources.length)).toEqual([2, 2, 1]);
    expect(view.careerOf('harjit')?.postings.map((posting) => posting.postingId)).toEqual(['camden-0']);
    expect(view.careerOf('nobody')).toBeUndefined();
    expect(view.officers().map((known) => known.id)).toEqual(['grace', 'harjit']);
  });

  it('TE-3 keeps two units\' postings apart even when they share a posting id', () => {
    const log = envelopeLog();
    log.record(postingsOf(camden), postingStarted({ unit: camden, postingId: 'p-1', officer: harjit, start: d('2011-01-01') }));
    log.record(postingsOf(islington), postingStarted({ unit: islington, postingId: 'p-1', officer: harjit, start: d('2012-01-01') }));
    const view = createCareerView();
    for (const envelope of log.all()) view.apply(envelope);
    expect(view.careerOf('harjit')?.postings.map((posting) => posting.unit.name)).toEqual(['Camden', 'Islington']);
  });
});
