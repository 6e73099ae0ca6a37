import { describe, expect, it } from 'vitest';
import { createTenureView } from '../src/index.js';
import {
  bcuDissolved,
  bcuWentLive,
  borough,
  d,
  envelopeLog,
  metRestructure,
  minimumTermBreached,
  officer,
  postingEnded,
  postingsOf,
  postingStarted,
} from './support/envelopes.js';

const camden = borough('Camden');
const islington = borough('Islington');
const alice = officer('alice', 'Alice Adeyemi');
const ben = officer('ben', 'Ben Baker', 'superintendent');
const chloe = officer('chloe', 'Chloe Chowdhury');

/** Camden: Alice leaves early for promotion (a breach), Ben acts, a month's vacancy, then Chloe. */
const camdenHistory = () => {
  const log = envelopeLog();
  const stream = postingsOf(camden);
  const first = { unit: camden, postingId: 'camden-1', officer: alice, start: d('2010-09-01'), lineManager: 'Area Commander Grey' };
  const acting = { unit: camden, postingId: 'camden-acting', officer: ben, start: d('2012-03-01'), acting: true };
  log.record(stream, postingStarted(first));
  log.record(stream, postingEnded({ ...first, end: d('2012-03-01'), reason: 'promotion' }));
  log.record(stream, minimumTermBreached({ ...first, end: d('2012-03-01'), reason: 'promotion', minimumTermEnd: d('2013-09-01') }));
  log.record(stream, postingStarted(acting));
  log.record(stream, postingEnded({ ...acting, end: d('2012-06-01'), reason: 'other' }));
  log.record(stream, postingStarted({ unit: camden, postingId: 'camden-2', officer: chloe, start: d('2012-07-02') }));
  return log;
};

describe('TE-1 tenure per command unit', () => {
  it('TE-1 lists every posting with officer, role, acting, dates, days served, minimum term and end reason', () => {
    const view = createTenureView();
    const log = camdenHistory();
    for (const envelope of log.all()) view.apply(envelope);
    const { postings } = view.tenureOf(camden);
    expect(
      postings.map((posting) => [
        posting.postingId,
        posting.officer.name,
        posting.role,
        posting.acting,
        posting.start,
        posting.end,
        posting.daysServed,
        posting.minimumTerm,
        posting.endReason,
        posting.breached,
      ]),
    ).toEqual([
      // 2010-09-01 to 2011-09-01 is 365 days, then 182 to 2012-03-01 (February 2012 has 29 days).
      ['camden-1', 'Alice Adeyemi', 'borough-commander', false, '2010-09-01', '2012-03-01', 547, 'not-met', 'promotion', true],
      // March 31 + April 30 + May 31.
      ['camden-acting', 'Ben Baker', 'borough-commander', true, '2012-03-01', '2012-06-01', 92, 'not-applicable', 'other', false],
      ['camden-2', 'Chloe Chowdhury', 'borough-commander', false, '2012-07-02', null, null, 'pending', null, false],
    ]);
    expect(postings[0]?.lineManager).toBe('Area Commander Grey');
    expect(postings[0]?.minimumTermEnd).toBe('2013-09-01');
  });

  it('TE-1 names the events behind every posting: its start, its end and its breach', () => {
    const view = createTenureView();
    const log = camdenHistory();
    for (const envelope of log.all()) view.apply(envelope);
    const [first] = view.tenureOf(camden).postings;
    const [started, ended, breached] = log.all();
    expect(first?.sources).toEqual(
      [started, ended, breached].map((envelope) => ({
        eventId: envelope?.metadata.eventId,
        position: envelope?.position,
        stream: 'posting-borough-camden',
        revision: envelope?.revision,
      })),
    );
  });

  it('TE-1 shows the acting and vacancy periods between substantive postings', () => {
    const view = createTenureView();
    for (const envelope of camdenHistory().all()) view.apply(envelope);
    const periods = view.tenureOf(camden).periods;
    expect(periods.map((period) => [period.kind, period.from, period.until, period.days, period.actingOfficer?.name ?? null])).toEqual([
      ['acting', '2012-03-01', '2012-06-01', 92, 'Ben Baker'],
      // June has 30 days: 2012-06-01 to 2012-07-02 is 31 days.
      ['vacancy', '2012-06-01', '2012-07-02', 31, null],
    ]);
    expect(periods[1]?.sources.map((source) => source.revision)).toEqual([1n, 5n]);
  });

  it('TE-1 counts the time a borough spent in a live BCU as merged, not vacant, and a gap after the BCU as vacant', () => {
    const log = envelopeLog();
    const stream = postingsOf(islington);
    const before = { unit: islington, postingId: 'islington-1', officer: alice, start: d('2014-05-01') };
    log.record(stream, postingStarted(before));
    log.record(metRestructure, bcuWentLive('Central North', ['Camden', 'Islington'], chloe, d('2017-01-16'), []));
    log.record(stream, postingEnded({ ...before, end: d('2017-01-16'), reason: 'organisational-restructure', exceptional: true }));
    log.record(metRestructure, bcuDissolved('Central North', ['Camden', 'Islington'], d('2019-02-01')));
    log.record(stream, postingStarted({ unit: islington, postingId: 'islington-2', officer: ben, start: d('2019-03-01') }));
    const view = createTenureView();
    for (const envelope of log.all()) view.apply(envelope);
    const tenure = view.tenureOf(islington);
    // 2014-05-01 to 2016-05-01 is 731 days (29 February 2016), then 260 to 2017-01-16.
    expect(tenure.postings[0]?.daysServed).toBe(991);
    expect(tenure.postings[0]?.minimumTerm).toBe('not-met');
    expect(tenure.postings[0]?.exceptional).toBe(true);
    expect(tenure.periods.map((period) => [period.kind, period.from, period.until, period.days, period.bcu])).toEqual([
      // Two years of 365 days, then 16 days of January 2019.
      ['merged', '2017-01-16', '2019-02-01', 746, 'Central North'],
      ['vacancy', '2019-02-01', '2019-03-01', 28, null],
    ]);
  });

  it('TE-1 shows no vacancy in a BCU after it was dissolved', () => {
    const centralNorth = { kind: 'bcu', name: 'Central North' } as const;
    const log = envelopeLog();
    const posting = { unit: centralNorth, postingId: 'cn-1', officer: chloe, start: d('2017-01-16') };
    log.record(metRestructure, bcuWentLive('Central North', ['Camden', 'Islington'], chloe, d('2017-01-16'), []));
    log.record(postingsOf(centralNorth), postingStarted(posting));
    log.record(metRestructure, bcuDissolved('Central North', ['Camden', 'Islington'], d('2019-02-01')));
    log.record(postingsOf(centralNorth), postingEnded({ ...posting, end: d('2019-02-01'), reason: 'organisational-restructure', exceptional: true }));
    const view = createTenureView();
    for (const envelope of log.all()) view.apply(envelope);
    expect(view.tenureOf(centralNorth).postings.map((row) => row.end)).toEqual(['2019-02-01']);
    expect(view.tenureOf(centralNorth).periods).toEqual([]);
  });

  it('TE-1 leaves the minimum term not applicable before its effective date and for acting cover', () => {
    const hackney = borough('Hackney');
    const log = envelopeLog();
    const early = { unit: hackney, postingId: 'hackney-1', officer: alice, start: d('2008-03-01') };
    log.record(postingsOf(hackney), postingStarted(early));
    log.record(postingsOf(hackney), postingEnded({ ...early, end: d('2010-01-10'), reason: 'retirement' }));
    const view = createTenureView();
    for (const envelope of log.all()) view.apply(envelope);
    const [posting] = view.tenureOf(hackney).postings;
    expect(posting?.minimumTermEnd).toBeNull();
    expect(posting?.minimumTerm).toBe('not-applicable');
    expect(view.tenureOf(hackney).periods).toEqual([
      {
        kind: 'vacancy',
        role: 'borough-commander',
        from: '2010-01-10',
        until: null,
        days: null,
        actingPostingId: null,
        actingOfficer: null,
        bcu: null,
        sources: [{ eventId: 'posting-borough-hackney#1', position: 1_000_001n, stream: 'posting-borough-hackney', revision: 1n }],
      },
    ]);
  });

  it('TE-1 answers who held a unit on a date: the successor from the handover day', () => {
    const view = createTenureView();
    for (const envelope of camdenHistory().all()) view.apply(envelope);
    expect(view.postingsOn(camden, d('2012-02-29')).map((posting) => posting.postingId)).toEqual(['camden-1']);
    expect(view.postingsOn(camden, d('2012-03-01')).map((posting) => posting.postingId)).toEqual(['camden-acting']);
    expect(view.postingsOn(camden, d('2012-06-15'))).toEqual([]);
    expect(view.units()).toEqual([camden]);
  });

  it('TE-1 ignores an event delivered again at or below the last position', () => {
    const view = createTenureView();
    const envelopes = camdenHistory().all();
    for (const envelope of envelopes) view.apply(envelope);
    const once = view.snapshot();
    for (const envelope of envelopes) view.apply(envelope);
    expect(view.snapshot()).toEqual(once);
    expect(view.position()).toBe(envelopes.at(-1)?.position);
  });
});
