import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commanderRoles, isoDate, type IsoDate } from '@borough-command/domain';
import type { PostingReport } from '@borough-command/projections';
import { chartLanes } from '../../src/report/chart-lanes.js';
import { positionOn, timeAxisCovering } from '../../src/report/time-axis.js';
import { dateArbitrary, postingReport, postingsArbitrary } from './support/postings.js';

const d = isoDate;

/** Whether two postings share a day: each runs from its start up to its end (the successor's first day). */
const overlap = (a: PostingReport, b: PostingReport): boolean => (a.end === null || b.start < a.end) && (b.end === null || a.start < b.end);

/** The most postings running on any one day. */
const mostAtOnce = (postings: readonly PostingReport[]): number =>
  Math.max(0, ...postings.map((posting) => postings.filter((other) => other.start <= posting.start && (other.end === null || posting.start < other.end)).length));

describe('the rows of a tenure chart', () => {
  it('TE-1 puts a handover in one row and an overlap of two roles in two', () => {
    const lanes = chartLanes([
      postingReport({ postingId: 'first', role: 'borough-commander', acting: false, start: d('2010-01-01'), end: d('2012-01-01') }),
      postingReport({ postingId: 'acting', role: 'borough-commander', acting: true, start: d('2012-01-01'), end: d('2012-03-01') }),
      postingReport({ postingId: 'second', role: 'borough-commander', acting: false, start: d('2012-03-01'), end: null }),
      postingReport({ postingId: 'link', role: 'link-borough-commander', acting: false, start: d('2011-01-01'), end: null }),
    ]);
    expect(lanes.map((lane) => [lane.role, lane.firstOfRole, lane.postings.map((posting) => posting.postingId)])).toEqual([
      ['borough-commander', true, ['first', 'acting', 'second']],
      ['link-borough-commander', true, ['link']],
    ]);
  });

  it('gives every posting one row of its role, rows in role order, and never two overlapping postings in a row', () => {
    fc.assert(
      fc.property(postingsArbitrary, (postings) => {
        const lanes = chartLanes(postings);
        const placed = lanes.flatMap((lane) => lane.postings.map((posting) => posting.postingId));
        expect([...placed].sort()).toEqual(postings.map((posting) => posting.postingId).sort());
        const roleOrder = lanes.map((lane) => commanderRoles.indexOf(lane.role));
        expect(roleOrder).toEqual([...roleOrder].sort((a, b) => a - b));
        for (const lane of lanes) {
          for (const posting of lane.postings) expect(posting.role).toBe(lane.role);
          lane.postings.forEach((posting, index) => {
            for (const other of lane.postings.slice(index + 1)) expect(overlap(posting, other), `${posting.postingId} and ${other.postingId}`).toBe(false);
          });
        }
        for (const role of commanderRoles) {
          const ofRole = lanes.filter((lane) => lane.role === role);
          expect(ofRole.map((lane) => lane.firstOfRole)).toEqual(ofRole.map((_, index) => index === 0));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('uses no more rows for a role than postings of that role running on one day, at least one', () => {
    fc.assert(
      fc.property(postingsArbitrary, (postings) => {
        const lanes = chartLanes(postings);
        for (const role of commanderRoles) {
          const ofRole = postings.filter((posting) => posting.role === role);
          const rows = lanes.filter((lane) => lane.role === role).length;
          expect(rows).toBe(ofRole.length === 0 ? 0 : Math.max(1, mostAtOnce(ofRole)));
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('the shared time axis', () => {
  it('runs from 1 January of the first year to 1 January after the last', () => {
    const axis = timeAxisCovering([d('2012-04-02'), d('2009-05-12'), d('2019-12-31')], d('2019-12-31'));
    expect(axis).toEqual({ from: '2009-01-01', until: '2020-01-01', years: [2009, 2010, 2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019] });
    expect(timeAxisCovering([], d('2013-06-30'))).toEqual({ from: '2013-01-01', until: '2014-01-01', years: [2013] });
  });

  it('places every date it covers inside it, in the order of the dates', () => {
    fc.assert(
      fc.property(fc.array(dateArbitrary, { minLength: 1, maxLength: 20 }), (dates) => {
        const axis = timeAxisCovering(dates, dates[0] as IsoDate);
        const sorted = [...dates].sort();
        const positions = sorted.map((date) => positionOn(axis, date));
        for (const date of dates) {
          expect(axis.from <= date && date < axis.until).toBe(true);
        }
        expect(axis.from.endsWith('-01-01') && axis.until.endsWith('-01-01')).toBe(true);
        positions.forEach((position, index) => {
          expect(position).toBeGreaterThanOrEqual(0);
          expect(position).toBeLessThan(1);
          if (index > 0) expect(position).toBeGreaterThanOrEqual(positions[index - 1] ?? 0);
        });
      }),
      { numRuns: 300 },
    );
  });
});
