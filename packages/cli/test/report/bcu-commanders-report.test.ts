import { beforeAll, describe, expect, it } from 'vitest';
import { isoDate } from '@borough-command/domain';
import type { BoroughCommandViews } from '@borough-command/projections';
import { renderReport } from '../../src/report/index.js';
import { bcuCommandersStory } from '../support/bcu-commanders-story.js';
import { viewsOf } from './support/histories.js';
import { barsOf, decodeEntities, sectionOf } from './support/markup.js';

// Ada Stone: named interim commander of Central North on 2016-11-01, in command from its go-live on
// 2017-01-01 until Ben Hale succeeds her on 2018-03-01.

let views: BoroughCommandViews;

beforeAll(async () => {
  views = await viewsOf(bcuCommandersStory());
});

/** The accountability row of a borough, its entities decoded. */
const accountabilityRow = (page: string, borough: string): string => {
  const section = sectionOf(page, 'accountability');
  const start = section.indexOf(`<th scope="row">${borough}</th>`);
  if (start < 0) throw new Error(`no row for ${borough}`);
  return decodeEntities(section.slice(start, section.indexOf('</tr>', start)));
};

describe('the report of a pathfinder BCU with an interim commander named before go-live (RS-4)', () => {
  it('AC-1 before go-live: nobody in command of Camden, Ada Stone shown as commander-designate, interim, not accountable yet', () => {
    const row = accountabilityRow(renderReport(views, { asAt: isoDate('2016-12-15') }), 'Camden');
    expect(row).toContain('<span class="none">none recorded</span>');
    expect(row).toContain(
      '<div class="commander-designate"><span class="sub">commander-designate of Central North (BCU)</span>Ada Stone (synthetic) <span class="tag interim">interim</span><span class="sub">named 2016-11-01; not accountable until the BCU goes live</span></div>',
    );
  });

  it('AC-1 after go-live: Ada Stone in command, interim, since go-live, named before as designate; no designate shown', () => {
    const row = accountabilityRow(renderReport(views, { asAt: isoDate('2017-06-01') }), 'Islington');
    expect(row).toContain('Ada Stone (synthetic) <span class="tag interim">interim</span><span class="sub">chief superintendent, since 2017-01-01, named 2016-11-01 as designate</span>');
    expect(row).not.toContain('commander-designate');
  });

  it('TE-1: the postings table tags the interim posting and says when the designate took command; the chart bar says so too', () => {
    const page = renderReport(views, { asAt: isoDate('2019-01-01') });
    const tenure = decodeEntities(sectionOf(page, 'tenure'));
    expect(tenure).toContain('BCU commander <span class="tag interim">interim</span><span class="sub">Named 2016-11-01 as designate, before the BCU went live; in command from 2017-01-01.</span>');
    const ada = barsOf(page).find((bar) => bar.title.includes('Ada Stone'));
    expect(ada?.title).toContain('BCU commander (interim) from 2016-11-01 until 2018-03-01.');
    const ben = barsOf(page).find((bar) => bar.title.includes('Ben Hale'));
    expect(ben?.title).toContain('BCU commander from 2018-03-01 no end recorded.');
    expect(ben?.title).not.toContain('designate');
  });
});
