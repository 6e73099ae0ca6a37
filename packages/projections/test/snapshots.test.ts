import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { createViews, projectionsOf, type BoroughCommandViews } from '../src/index.js';
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
