import { describe, expect, it } from 'vitest';
import { createContinuityView, medianOfSorted, type ContinuityView } from '../src/index.js';
import {
  borough,
  d,
  envelopeLog,
  minimumTermBreached,
  officer,
  postingEnded,
  postingsOf,
  postingStarted,
  type EndFields,
} from './support/envelopes.js';

const camden = borough('Camden');
const islington = borough('Islington');
const alice = officer('alice', 'Alice Adeyemi');
const ben = officer('ben', 'Ben Baker', 'superintendent');
const chloe = officer('chloe', 'Chloe Chowdhury');
const david = officer('david', 'David Doyle');
const esther = officer('esther', 'Esther Evans');

const endings: readonly EndFields[] = [
  // 547 days; left for promotion before 2013-09-01: a breach.
  { unit: camden, postingId: 'camden-1', officer: alice, start: d('2010-09-01'), end: d('2012-03-01'), reason: 'promotion' },
  // Acting cover: not a tenure, the minimum term does not apply.
  { unit: camden, postingId: 'camden-acting', officer: ben, acting: true, start: d('2012-03-01'), end: d('2012-06-01'), reason: 'other' },
  // Four years including 29 February 2016: 1,461 days; met.
  { unit: camden, postingId: 'camden-2', officer: chloe, start: d('2012-07-02'), end: d('2016-07-02'), reason: 'retirement' },
  // 168 days, ended by the restructure: early but exceptional.
  {
    unit: camden,
    postingId: 'camden-3',
    officer: david,
    start: d('2016-08-01'),
    end: d('2017-01-16'),
    reason: 'organisational-restructure',
    exceptional: true,
  },
  // Exactly three years (1,095 days): met on the day.
  { unit: islington, postingId: 'islington-1', officer: esther, start: d('2013-01-01'), end: d('2016-01-01'), reason: 'professional' },
];

const continuity = (): ContinuityView => {
  const log = envelopeLog();
  for (const ending of endings) {
    log.record(postingsOf(ending.unit), postingStarted(ending));
    log.record(postingsOf(ending.unit), postingEnded(ending));
    if (ending.postingId === 'camden-1') log.record(postingsOf(camden), minimumTermBreached({ ...ending, minimumTermEnd: d('2013-09-01') }));
  }
  const view = createContinuityView();
  for (const envelope of log.all()) view.apply(envelope);
  return view;
};

describe('TE-2 continuity per command unit and London-wide', () => {
  it('TE-2 gives the mean and median tenure of the ended substantive postings of a unit', () => {
    const figures = continuity().continuityOf(camden);
    expect(figures.endedSubstantivePostings).toBe(3);
    expect(figures.meanTenureDays).toBeCloseTo((547 + 1461 + 168) / 3, 10);
    expect(figures.medianTenureDays).toBe(547);
    expect(figures.tenureSources.map((source) => source.stream)).toEqual([
      'posting-borough-camden',
      'posting-borough-camden',
      'posting-borough-camden',
    ]);
  });

  it('TE-2 gives the share of ended postings that met the minimum term, among those it applies to', () => {
    const figures = continuity().continuityOf(camden);
    expect(figures.minimumTerm).toMatchObject({ applicable: 3, met: 1 });
    expect(figures.minimumTerm.share).toBeCloseTo(1 / 3, 10);
    expect(figures.minimumTerm.sources).toHaveLength(3);
  });

  it('TE-2 separates early departures with an exceptional reason from breaches without one', () => {
    const { earlyDepartures } = continuity().continuityOf(camden);
    expect(earlyDepartures.withExceptionalReason.map((departure) => [departure.postingId, departure.reason, departure.daysShort])).toEqual([
      // 2017-01-16 to 2019-08-01: 730 + 197 days.
      ['camden-3', 'organisational-restructure', 927],
    ]);
    expect(earlyDepartures.withoutExceptionalReason.map((departure) => [departure.postingId, departure.reason, departure.daysShort])).toEqual([
      // 2012-03-01 to 2013-09-01: 365 + 184 days.
      ['camden-1', 'promotion', 549],
    ]);
    expect(earlyDepartures.withoutExceptionalReason[0]?.sources.map((source) => source.revision)).toEqual([1n, 2n]);
  });

  it('TE-2 London-wide takes every command unit together', () => {
    const figures = continuity().londonWide();
    expect(figures.scope).toEqual({ kind: 'london' });
    expect(figures.endedSubstantivePostings).toBe(4);
    expect(figures.meanTenureDays).toBe((547 + 1461 + 168 + 1095) / 4);
    // Sorted 168, 547, 1095, 1461: the mean of the middle two.
    expect(figures.medianTenureDays).toBe((547 + 1095) / 2);
    expect(figures.minimumTerm).toMatchObject({ applicable: 4, met: 2, share: 0.5 });
  });

  it('TE-2 has no figures for a unit with no ended posting', () => {
    const figures = continuity().continuityOf(borough('Hackney'));
    expect(figures).toMatchObject({ endedSubstantivePostings: 0, meanTenureDays: null, medianTenureDays: null });
    expect(figures.minimumTerm.share).toBeNull();
  });

  it('TE-2 median of an odd and an even count', () => {
    expect(medianOfSorted([])).toBeNull();
    expect(medianOfSorted([3])).toBe(3);
    expect(medianOfSorted([1, 2, 10])).toBe(2);
    expect(medianOfSorted([1, 2, 10, 20])).toBe(6);
  });
});
