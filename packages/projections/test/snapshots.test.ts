import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import {
  ACCOUNTABILITY_VIEW,
  CAREER_VIEW,
  createViews,
  projectionsOf,
  TENURE_VIEW,
  type BoroughCommandViews,
} from '../src/index.js';
import { compliantProcess } from './support/appointments.js';
import {
  bcuWentLive,
  borough,
  d,
  envelopeLog,
  metRestructure,
  officer,
  performanceAssessed,
  postingEnded,
  postingsOf,
  postingStarted,
} from './support/envelopes.js';

const filled = (): BoroughCommandViews => {
  const log = envelopeLog();
  compliantProcess(log);
  const camden = borough('Camden');
  const posting = { unit: camden, postingId: 'camden-2012', officer: officer('alice', 'Alice Adeyemi'), start: d('2012-04-02') };
  log.record(postingsOf(camden), performanceAssessed(posting, d('2012-10-01'), [{ kind: 'mp', name: 'Frank Dobson' }]));
  log.record(metRestructure, bcuWentLive('Central North', ['Camden', 'Islington'], officer('chloe', 'Chloe Chowdhury'), d('2017-01-16'), []));
  log.record(postingsOf(camden), postingEnded({ ...posting, end: d('2017-01-16'), reason: 'organisational-restructure', exceptional: true }));
  log.record(postingsOf(borough('Islington')), postingStarted({ unit: borough('Islington'), postingId: 'i-1', officer: officer('ben', 'Ben Baker'), start: d('2013-01-01') }));
  const views = createViews();
  for (const envelope of log.all()) for (const projection of projectionsOf(views)) projection.apply(envelope);
  return views;
};

/** The views whose snapshots RS-4 added fields to. */
const RS4_VIEWS = new Set([TENURE_VIEW, CAREER_VIEW, ACCOUNTABILITY_VIEW]);

/** The fields RS-4 added to those views' snapshots: what a snapshot written before them lacks. */
const RS4_FIELDS = new Set(['interim', 'designate', 'commandFrom', 'takenUp', 'proposals']);

/** A snapshot as written before RS-4's fields: the same JSON without them, at any depth. */
const withoutRs4Fields = (json: unknown): unknown => {
  if (Array.isArray(json)) return json.map(withoutRs4Fields);
  if (json === null || typeof json !== 'object') return json;
  return Object.fromEntries(
    Object.entries(json as Record<string, unknown>).filter(([key]) => !RS4_FIELDS.has(key)).map(([key, value]) => [key, withoutRs4Fields(value)]),
  );
};

describe('view snapshots', () => {
  it('every view restores from its snapshot, through JSON, into a fresh view that answers the same', () => {
    const views = filled();
    const fresh = createViews();
    for (const [index, projection] of projectionsOf(fresh).entries()) {
      const original = projectionsOf(views)[index];
      const json: unknown = JSON.parse(JSON.stringify(original?.snapshot()));
      expect(projection.restore(json)).toEqual(E.right(undefined));
      expect(projection.snapshot()).toEqual(original?.snapshot());
      expect(projection.position()).toBe(original?.position());
    }
    expect(fresh.tenure.tenureOf(borough('Camden'))).toEqual(views.tenure.tenureOf(borough('Camden')));
    expect(fresh.accountability.accountabilityOn('Camden', d('2013-01-01'))).toEqual(views.accountability.accountabilityOn('Camden', d('2013-01-01')));
    expect(fresh.compliance.complianceOf('camden-2012')).toEqual(views.compliance.complianceOf('camden-2012'));
    expect(fresh.audit.trailOf('camden-2012')).toEqual(views.audit.trailOf('camden-2012'));
    expect(fresh.careers.careerOf('alice')).toEqual(views.careers.careerOf('alice'));
    expect(fresh.continuity.londonWide()).toEqual(views.continuity.londonWide());
  });

  it('a snapshot is plain JSON data: it survives a JSON round trip unchanged', () => {
    for (const projection of projectionsOf(filled())) {
      const snapshot = projection.snapshot();
      expect(JSON.parse(JSON.stringify(snapshot))).toEqual(snapshot);
    }
  });

  it('RS-4 a snapshot written before interim, designate and command take-up were kept restores, its postings ordinary ones', () => {
    const views = filled();
    const fresh = createViews();
    for (const [index, projection] of projectionsOf(fresh).entries()) {
      const original = projectionsOf(views)[index];
      const written = original?.snapshot();
      const json: unknown = JSON.parse(JSON.stringify(written));
      const older = RS4_VIEWS.has(projection.name) ? withoutRs4Fields(json) : json;
      if (RS4_VIEWS.has(projection.name)) expect(JSON.stringify(older)).not.toMatch(/interim|designate|commandFrom|takenUp|proposals/);
      expect(projection.restore(older)).toEqual(E.right(undefined));
      // Loaded with the defaults of an ordinary posting (not interim, not designate, in command from its start), it saves as written now.
      expect(projection.snapshot()).toEqual(written);
    }
    expect(fresh.tenure.tenureOf(borough('Camden')).postings.map((posting) => [posting.interim, posting.designate, posting.commandFrom])).toEqual([
      [false, false, '2012-04-02'],
    ]);
    expect(fresh.tenure.tenureOf(borough('Camden'))).toEqual(views.tenure.tenureOf(borough('Camden')));
    expect(fresh.accountability.accountabilityOn('Camden', d('2013-01-01'))).toEqual(views.accountability.accountabilityOn('Camden', d('2013-01-01')));
    expect(fresh.careers.careerOf('alice')).toEqual(views.careers.careerOf('alice'));
    expect(fresh.continuity.londonWide()).toEqual(views.continuity.londonWide());
  });

  it('a view refuses another view\'s snapshot, another format or a wrong shape, and keeps its state', () => {
    const views = filled();
    const before = views.tenure.snapshot();
    const careers = views.careers.snapshot();
    const refusal = views.tenure.restore(careers);
    expect(E.isLeft(refusal) && refusal.left).toMatchObject({ _tag: 'SnapshotRejected', view: 'TE-1 tenure', path: 'view' });
    expect(E.isLeft(refusal) && refusal.left.message).toBe(
      "the snapshot of view 'TE-1 tenure' cannot be restored at 'view': it is the snapshot of view 'TE-3 careers'",
    );
    expect(E.isLeft(views.tenure.restore({ ...before, format: 7 }))).toBe(true);
    const wrongDate = JSON.parse(JSON.stringify(before).replace('"2012-04-02"', '"2012-02-30"')) as unknown;
    const refusedDate = views.tenure.restore(wrongDate);
    expect(E.isLeft(refusedDate) && refusedDate.left.path).toBe('state.units[0].postings[0].start');
    expect(views.tenure.snapshot()).toEqual(before);
  });
});
