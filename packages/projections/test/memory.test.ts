import { describe, expect, it } from 'vitest';
import type { Partner } from '@borough-command/domain';
import { createViews, projectionsOf, type BoroughCommandViews, type DomainEnvelope } from '../src/index.js';
import { compliantProcess } from './support/appointments.js';
import { addDaysTo, borough, d, envelopeLog, officer, performanceAssessed, postingEnded, postingsOf, postingStarted } from './support/envelopes.js';

const stateSizes = (views: BoroughCommandViews): Readonly<Record<string, number>> =>
  Object.fromEntries(projectionsOf(views).map((projection) => [projection.name, JSON.stringify(projection.snapshot().state).length]));

const applyAll = (views: BoroughCommandViews, envelopes: readonly DomainEnvelope[]): void => {
  for (const envelope of envelopes) for (const projection of projectionsOf(views)) projection.apply(envelope);
};

const camden = borough('Camden');
const posting = { unit: camden, postingId: 'camden-2012', officer: officer('alice', 'Alice Adeyemi'), start: d('2012-04-02') };
const partners: readonly Partner[] = [
  { kind: 'local-authority-chief-executive', name: 'Mike Cooke' },
  { kind: 'link-member', name: 'Joanne McCartney' },
];

describe('view size grows with units, officers and appointments, not with history length', () => {
  it('no view grows when the same postings are delivered again, at their positions or under new ones', () => {
    const log = envelopeLog();
    compliantProcess(log);
    const islington = { unit: borough('Islington'), postingId: 'islington-1', officer: officer('ben', 'Ben Baker'), start: d('2011-01-10') };
    log.record(postingsOf(islington.unit), postingStarted(islington));
    log.record(postingsOf(islington.unit), postingEnded({ ...islington, end: d('2014-02-01'), reason: 'retirement' }));
    const views = createViews();
    applyAll(views, log.all());
    const sizes = stateSizes(views);

    const postingEvents = log.all().filter((envelope) => envelope.stream.startsWith('posting-'));
    applyAll(views, postingEvents);
    for (let round = 0; round < 50; round++) {
      for (const envelope of postingEvents) applyAll(views, [log.record(envelope.stream, envelope.event, { eventId: envelope.metadata.eventId })]);
    }
    expect(stateSizes(views)).toEqual(sizes);
  });

  it('no view grows with more assessments of one posting by the same partners, with or without partners', () => {
    const log = envelopeLog();
    compliantProcess(log);
    const views = createViews();
    applyAll(views, log.all());
    const assess = (index: number): DomainEnvelope =>
      log.record(postingsOf(camden), performanceAssessed(posting, addDaysTo('2012-05-01', index), index % 3 === 0 ? [] : partners));
    applyAll(views, [0, 1, 2].map(assess));
    const sizes = stateSizes(views);
    applyAll(views, Array.from({ length: 2000 }, (_, index) => assess(index + 3)));
    expect(stateSizes(views)).toEqual(sizes);
    // What the views keep of the assessments: each partner's first contribution, and the first one without a partner.
    const answer = views.accountability.accountabilityOn('Camden', d('2016-01-01'));
    // Both first contributed on 2012-05-02: ordered by kind, `link-member` first.
    expect(answer._tag === 'Right' && answer.right.assessmentPartners.partners).toEqual([partners[1], partners[0]]);
    expect(answer._tag === 'Right' && answer.right.unpartneredAssessment?.on).toBe('2012-05-01');
  });
});
