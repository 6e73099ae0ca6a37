import { describe, expect, it } from 'vitest';
import { isoDate } from '@borough-command/domain';
import type { PostingReport, UnitTenure } from '@borough-command/projections';
import { createStyle } from '../../src/cli/style.js';
import { tenureText } from '../../src/render/tenure-text.js';
import { postingTitle } from '../../src/report/posting-text.js';
import { postingReport } from '../report/support/postings.js';

const plain = createStyle(false);

/** A BCU commander posting named on 2016-11-01, with the RS-4 fields given. */
const bcuPosting = (postingId: string, fields: Partial<PostingReport>): PostingReport => ({
  ...postingReport({ postingId, role: 'bcu-commander', acting: false, start: isoDate('2016-11-01'), end: null }),
  unit: { kind: 'bcu', name: 'Central North' },
  ...fields,
});

/** The row of the TE-1 text that names the officer of a posting. */
const rowOf = (lines: readonly string[], postingId: string): string => lines.find((line) => line.includes(`Officer ${postingId}`)) ?? '';

describe('TE-1 text: how each posting was held (capacity)', () => {
  const tenure: UnitTenure = {
    unit: { kind: 'bcu', name: 'Central North' },
    postings: [
      bcuPosting('ordinary', { commandFrom: isoDate('2016-11-01') }),
      bcuPosting('acting', { acting: true, commandFrom: isoDate('2016-11-01') }),
      bcuPosting('waiting', { designate: true, commandFrom: null }),
      bcuPosting('withdrawn', { designate: true, interim: true, commandFrom: null, end: isoDate('2016-12-01'), daysServed: 30, endReason: 'organisational-restructure' }),
      bcuPosting('named', { designate: true, interim: true, commandFrom: isoDate('2017-01-01') }),
    ],
    periods: [],
  };
  const lines = tenureText(tenure, plain, undefined);

  it('names the column capacity', () => {
    expect(lines).toContainEqual(expect.stringMatching(/^start\s+end\s+days\s+officer\s+role\s+capacity\s+minimum term\s+end reason$/));
  });

  it('shows nothing for an ordinary posting, and acting for an acting one', () => {
    expect(rowOf(lines, 'ordinary')).toMatch(/BCU commander\s+-\s+n\/a/);
    expect(rowOf(lines, 'acting')).toMatch(/BCU commander\s+acting\s+n\/a/);
  });

  it('shows a designate not in command yet, one that never took command, and one in command from go-live, interim where it was', () => {
    expect(rowOf(lines, 'waiting')).toMatch(/BCU commander\s+designate, not in command yet\s+n\/a/);
    expect(rowOf(lines, 'withdrawn')).toMatch(/BCU commander\s+interim; designate, never in command\s+n\/a\s+organisational restructure/);
    expect(rowOf(lines, 'named')).toMatch(/BCU commander\s+interim; designate, in command from 2017-01-01\s+n\/a/);
  });
});

describe("the report's posting title (TE-1 chart)", () => {
  it('says interim, and when a designate was named and took command', () => {
    const title = postingTitle(bcuPosting('named', { designate: true, interim: true, commandFrom: isoDate('2017-01-01') }), isoDate('2017-06-01'));
    expect(title).toContain('BCU commander (interim) from 2016-11-01 no end recorded.');
    expect(title).toContain('Named 2016-11-01 as designate, before the BCU went live; in command from 2017-01-01.');
  });

  it('says a designate posting that ended before go-live never took command', () => {
    const title = postingTitle(bcuPosting('withdrawn', { designate: true, commandFrom: null, end: isoDate('2016-12-01'), daysServed: 30 }), isoDate('2017-06-01'));
    expect(title).toContain('Named 2016-11-01 as designate, before the BCU went live; never in command.');
  });

  it('says nothing of designation for an ordinary posting', () => {
    expect(postingTitle(bcuPosting('ordinary', { commandFrom: isoDate('2016-11-01') }), isoDate('2017-06-01'))).not.toContain('designate');
  });
});
