import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { isoDate } from '@borough-command/domain';
import type { BoroughCommandViews } from '@borough-command/projections';
import { DEFAULT_REPORT_TITLE, renderReport } from '../../src/report/index.js';
import { demoCommands, hostileNames, hostileStory, viewsOf } from './support/histories.js';
import { barsOf, occurrences, sectionOf } from './support/markup.js';

const hostileOptions = { asAt: isoDate('2013-01-01'), title: 'Report <b>"one"</b> & two', notes: ['Officers are <i>synthetic</i> & "invented"'] };
const demoOptions = { asAt: isoDate('2019-12-31'), notes: ['Officers, candidates and partners are synthetic.'] };

let hostile: BoroughCommandViews;
let hostilePage: string;
let demo: BoroughCommandViews;
let demoPage: string;

beforeAll(async () => {
  hostile = await viewsOf(hostileStory());
  hostilePage = renderReport(hostile, hostileOptions);
  demo = await viewsOf(demoCommands());
  demoPage = renderReport(demo, demoOptions);
});

/** The row of a table whose first cell is `name`. */
const rowOf = (markup: string, name: string): string => {
  const start = markup.indexOf(`<tr>\n<th scope="row">${name}</th>`);
  if (start < 0) throw new Error(`no row for ${name}`);
  return markup.slice(start, markup.indexOf('</tr>', start));
};

describe('the report of a story with markup in its names', () => {
  it('AC-2 lists the departures record mode recorded, and none when there are none', async () => {
    const base = { processId: 'camden-2013' };
    const departed = await viewsOf([
      { type: 'OpenAppointmentProcess', commandId: 'open', at: '2013-03-01', ...base, unit: { kind: 'borough', name: 'Camden' }, role: 'borough-commander', areaCommander: 'Cdr <i>North</i>' },
      { type: 'AttachRoleDescription', commandId: 'attach', at: '2013-03-01', ...base, version: 1 },
      { type: 'ConsultPartner', commandId: 'consult', at: '2013-03-05', ...base, partner: { kind: 'local-authority-leader', name: 'Camden leader' } },
      { type: 'RecordCandidate', commandId: 'apply', at: '2013-03-10', ...base, candidate: { id: 'dana', name: 'Dana', rank: 'chief-superintendent' }, route: 'applied' },
      { type: 'InterviewCandidate', commandId: 'interview', at: '2013-03-20', ...base, candidateId: 'dana' },
    ]);
    const section = sectionOf(renderReport(departed, { asAt: isoDate('2013-12-31') }), 'compliance');
    expect(section).toContain('Departures recorded as they happened: 1');
    expect(section).toMatch(/<strong>AP-3<\/strong> on 2013-03-20, appointment camden-2013: [^<]*an MP/);
    expect(sectionOf(hostilePage, 'compliance')).not.toContain('Departures recorded');
  });

  it('shows the officer named <script>alert(1)</script> as text wherever it appears, never as markup', () => {
    expect(hostilePage).not.toMatch(/<script/i);
    expect(hostilePage).not.toContain('alert(1)</script>');
    // The bar's title, the postings table, the breach list, AC-1 and AC-2's explanations.
    expect(occurrences(hostilePage, '&lt;script&gt;alert(1)&lt;/script&gt;')).toBeGreaterThanOrEqual(5);
  });

  it('shows a partner name with quotes and & as text, in AC-1 cells and in AC-2 attributes', () => {
    const escapedPartner = 'Leader &quot;Sam&quot; O&#39;Neil &amp; Co &lt;img src=x onerror=alert(2)&gt;';
    expect(hostilePage).not.toMatch(/<img/i);
    const camden = rowOf(sectionOf(hostilePage, 'accountability'), 'Camden');
    // AP-9's partners in the appointment, and PO-4's partners in the assessment.
    expect(occurrences(camden, `<li>${escapedPartner} (local authority leader)</li>`)).toBe(2);
    const titles = [...sectionOf(hostilePage, 'compliance').matchAll(/title="(AP-[0-9]+) followed: ([^"]*)"/g)];
    expect(titles.filter((title) => title[2]?.includes(escapedPartner)).map((title) => title[1])).toEqual(['AP-3', 'AP-7', 'AP-9']);
  });

  it('escapes ids in attributes, the title, the notes and the end details', () => {
    expect(hostilePage).toContain('data-posting-id="camden &quot;second&quot; &amp; &lt;b&gt;posting&lt;/b&gt;"');
    expect(hostilePage).toContain('<title>Report &lt;b&gt;&quot;one&quot;&lt;/b&gt; &amp; two</title>');
    expect(hostilePage).toContain('<li>Officers are &lt;i&gt;synthetic&lt;/i&gt; &amp; &quot;invented&quot;</li>');
    expect(hostilePage).toContain('personal (family &lt;reasons&gt; &amp; &quot;care&quot;)');
    expect(hostilePage).not.toMatch(/<(b|i|u|em)>/);
  });

  it('TE-1 draws a bar per posting: acting apart, the breach and the exceptional departure marked differently, the posting in post open', () => {
    const bars = barsOf(hostilePage);
    expect(bars.map((bar) => bar.postingId)).toEqual(['camden-2012', 'camden-acting', hostileNames.postingId, 'islington-2014']);
    const [appointed, acting, second, islington] = bars;
    expect(appointed?.classes).toEqual(['posting-bar', 'substantive', 'departure-breach']);
    expect(acting?.classes).toEqual(['posting-bar', 'acting', 'departure-none']);
    expect(second?.classes).toEqual(['posting-bar', 'substantive', 'departure-exceptional']);
    expect(islington?.classes).toEqual(['posting-bar', 'substantive', 'in-post', 'departure-none']);
    expect(occurrences(hostilePage, '<path class="breach-marker" data-posting-id="camden-2012"')).toBe(1);
    expect(occurrences(hostilePage, '<path class="exceptional-marker" data-posting-id="camden &quot;second&quot; &amp; &lt;b&gt;posting&lt;/b&gt;"')).toBe(1);
    expect(occurrences(hostilePage, '<path class="breach-marker" data-posting-id=')).toBe(1);
    expect(occurrences(hostilePage, '<path class="exceptional-marker" data-posting-id=')).toBe(1);
  });

  it('TE-1 names the officer, the dates, the days served and the end reason in each bar’s accessible title', () => {
    const [appointed, acting, second, islington] = barsOf(hostilePage).map((bar) => bar.title);
    // 2012-04-02 to 2013-06-30: 365 days to 2013-04-02, then 89.
    expect(appointed).toBe(
      '1. <script>alert(1)</script>, chief superintendent: Borough commander from 2012-04-02 until 2013-06-30. Days served: 454. End: promotion. Minimum term: not met (due 2015-04-02). Breach of the minimum term: left early without an exceptional reason.',
    );
    // 2013-07-01 to 2014-01-06: 184 days to 1 January, then 5.
    expect(acting).toContain('Borough commander (acting) from 2013-07-01 until 2014-01-06. Days served: 189.');
    // 2014-01-06 to 2015-02-01: 365 days to 2015-01-06, then 26.
    expect(second).toContain('Days served: 391. End: personal (family <reasons> & "care"). Minimum term: not met (due 2017-01-06).');
    expect(second).toContain('approved by Deputy & "Assistant" <i>Commissioner</i>');
    expect(islington).toContain('from 2014-05-01 no end recorded. Days served: none by 2013-01-01. End: in post, no end recorded. Minimum term: pending (due 2017-05-01).');
  });

  it('TE-2 gives the London-wide figures: two ended substantive postings of 454 and 391 days, one breach, one exceptional', () => {
    const continuity = sectionOf(hostilePage, 'continuity');
    // (454 + 391) / 2 = 422.5 days, 1.16 years.
    expect(continuity).toContain('<dt>Mean tenure</dt><dd>423 days (1.2 years)</dd>');
    expect(continuity).toContain('<dt>Median tenure</dt><dd>423 days (1.2 years)</dd>');
    expect(continuity).toContain('<dt>Minimum term met</dt><dd>0 of 2 (0.0%)</dd>');
    expect(continuity).toContain('<caption>Breaches of the minimum term: 1</caption>');
    expect(continuity).toContain('<caption>Early departures with an exceptional reason: 1</caption>');
  });

  it('AC-1 answers for each of the 32 boroughs as at the date: commander, line manager, oversight body', () => {
    const accountability = sectionOf(hostilePage, 'accountability');
    expect(occurrences(accountability, '<tr>\n<th scope="row">')).toBe(32);
    const camden = rowOf(accountability, 'Camden');
    expect(camden).toContain('&lt;script&gt;alert(1)&lt;/script&gt;<span class="sub">chief superintendent, since 2012-04-02</span>');
    expect(camden).toContain('<td>Area commander &quot;Grey&quot; &amp; &lt;u&gt;co&lt;/u&gt;</td>');
    expect(camden).toContain("<td>Mayor's Office for Policing and Crime (MOPAC)</td>".replace("'", '&#39;'));
    expect(rowOf(accountability, 'Islington')).toContain('<span class="none">none recorded</span>');
  });

  it('AC-2 shows which of AP-2..AP-10 the appointment followed and the local-authority share', () => {
    const compliance = sectionOf(hostilePage, 'compliance');
    expect(occurrences(compliance, '<td class="status followed"')).toBe(9);
    expect(compliance).toContain('<td class="count">9 of 9</td>');
    expect(compliance).toContain('<dt>With local-authority involvement</dt><dd>1 of 1 (100.0%)</dd>');
    expect(compliance).toContain('No appointment broke any of AP-2 to AP-10.');
  });

  it('escapes any officer name and posting id: the page has the same markup as with plain names of the same length', async () => {
    const hostileCharacters = fc.string({ unit: fc.constantFrom('<', '>', '&', '"', "'", '/', '=', 'a', ' '), minLength: 1, maxLength: 24 });
    await fc.assert(
      fc.asyncProperty(hostileCharacters, hostileCharacters, async (name, id) => {
        const names = { ...hostileNames, officer: `O${name}`, postingId: `x${id}x` };
        const plain = { ...hostileNames, officer: 'n'.repeat(names.officer.length), postingId: `x${'n'.repeat(id.length)}x` };
        const page = renderReport(await viewsOf(hostileStory(names)), hostileOptions);
        const plainPage = renderReport(await viewsOf(hostileStory(plain)), hostileOptions);
        for (const character of ['<', '>', '"']) expect(occurrences(page, character), character).toBe(occurrences(plainPage, character));
        expect(barsOf(page).map((bar) => bar.postingId)).toContain(names.postingId);
        expect(barsOf(page)[0]?.title.startsWith(`1. ${names.officer}, chief superintendent`)).toBe(true);
      }),
      { numRuns: 12 },
    );
  });
});

describe('the report of the demo history', () => {
  it('TE-1 draws exactly one bar per posting of the tenure view, each with its posting id', () => {
    const postings = demo.tenure.units().flatMap((unit) => demo.tenure.tenureOf(unit).postings);
    expect(postings.length).toBeGreaterThan(100);
    const bars = barsOf(demoPage);
    expect(bars).toHaveLength(postings.length);
    expect(occurrences(demoPage, 'class="posting-bar ')).toBe(postings.length);
    expect(bars.map((bar) => bar.postingId).sort()).toEqual(postings.map((posting) => posting.postingId).sort());
    expect(bars.filter((bar) => bar.classes.includes('acting'))).toHaveLength(postings.filter((posting) => posting.acting).length);
  });

  it('TE-2 marks as many breaches and exceptional early departures as it counts London-wide', () => {
    const london = demo.continuity.londonWide();
    expect(london.earlyDepartures.withoutExceptionalReason.length).toBeGreaterThan(0);
    expect(occurrences(demoPage, '<path class="breach-marker" data-posting-id=')).toBe(london.earlyDepartures.withoutExceptionalReason.length);
    expect(occurrences(demoPage, '<path class="exceptional-marker" data-posting-id=')).toBe(london.earlyDepartures.withExceptionalReason.length);
  });

  it('has a tenure chart for every command unit, the BCUs too', () => {
    const units = demo.tenure.units();
    expect(units.some((unit) => unit.kind === 'bcu')).toBe(true);
    expect(occurrences(demoPage, '<svg class="tenure-chart"')).toBe(units.length);
    expect(demoPage).toContain('<h3>Central North BCU</h3>');
  });

  it('is the same page for the same views and options, byte for byte, and for views rebuilt from the same history', async () => {
    expect(renderReport(demo, demoOptions)).toBe(demoPage);
    expect(renderReport(await viewsOf(demoCommands()), demoOptions)).toBe(demoPage);
    expect(renderReport(await viewsOf(hostileStory()), hostileOptions)).toBe(hostilePage);
  });

  it('shows the options: the default title, the date, the time given and the notes', () => {
    expect(demoPage).toContain(`<title>${DEFAULT_REPORT_TITLE}</title>`);
    expect(demoPage).toContain('<p class="meta">As at 2019-12-31</p>');
    expect(demoPage).toContain('<li>Officers, candidates and partners are synthetic.</li>');
    const stamped = renderReport(demo, { ...demoOptions, generatedAt: '2020-01-02 09:00' });
    expect(stamped).toContain('<p class="meta">As at 2019-12-31 · generated 2020-01-02 09:00</p>');
    expect(renderReport(demo, { asAt: isoDate('2019-12-31') })).not.toContain('class="notes"');
  });

  it('needs nothing from outside the page: no script, no link, no image, no font, no address but its own anchors', () => {
    expect(demoPage).not.toMatch(/<(script|link|img|iframe|object|embed|base)\b/i);
    expect(demoPage).not.toMatch(/url\(|@import|@font-face|\bsrc=/i);
    const addresses = [...demoPage.matchAll(/href="([^"]*)"/g)].map((match) => match[1] ?? '');
    expect(addresses.length).toBeGreaterThan(0);
    for (const address of addresses) expect(address.startsWith('#')).toBe(true);
    expect([...demoPage.matchAll(/https?:\/\/[^"\s]*/g)].map((match) => match[0])).toEqual(
      Array.from({ length: occurrences(demoPage, 'xmlns="http://www.w3.org/2000/svg"') }, () => 'http://www.w3.org/2000/svg'),
    );
  });
});
