import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import type { IsoDate, Partner } from '@borough-command/domain';
import { createAccountabilityView, type Accountability, type AccountabilityView, type DomainEnvelope } from '../src/index.js';
import {
  appointmentEvent,
  bcu,
  bcuDissolved,
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
  processStream,
  superintendentDedicated,
} from './support/envelopes.js';

const camden = borough('Camden');
const islington = borough('Islington');
const centralNorth = bcu('Central North');
const alice = officer('alice', 'Alice Adeyemi');
const chloe = officer('chloe', 'Chloe Chowdhury');
const ben = officer('ben', 'Ben Baker', 'superintendent');
const femi = officer('femi', 'Femi Fraser', 'superintendent');
const ioana = officer('ioana', 'Ioana Iqbal', 'superintendent');
const kemi = officer('kemi', 'Kemi Khan', 'superintendent');
const leader: Partner = { kind: 'local-authority-leader', name: 'Sarah Hayward' };
const mp: Partner = { kind: 'mp', name: 'Frank Dobson' };
const chiefExecutive: Partner = { kind: 'local-authority-chief-executive', name: 'Mike Cooke' };
const linkMember: Partner = { kind: 'link-member', name: 'Joanne McCartney' };

interface Story {
  readonly view: AccountabilityView;
  readonly events: Readonly<Record<string, DomainEnvelope>>;
}

const story = (): Story => {
  const log = envelopeLog();
  const camdenPosting = {
    unit: camden,
    postingId: 'camden-2011',
    officer: alice,
    start: d('2011-06-01'),
    lineManager: 'Area Commander Grey',
    appointmentProcessId: 'camden-2011',
  };
  const events = {
    confirmed: log.record(
      processStream('camden-2011'),
      appointmentEvent('AppointmentConfirmed', {
        processId: 'camden-2011',
        unit: camden,
        role: 'borough-commander',
        candidate: alice,
        policeAuthorityDecisionBy: 'Kit Malthouse',
        mpsDecisionBy: 'Tim Godwin',
        oversightBody: 'Metropolitan Police Authority (MPA)',
        partnersInvolved: [leader, mp],
        areaCommander: 'Area Commander Grey',
        startDate: d('2011-06-01'),
        at: d('2011-05-20'),
      }),
    ),
    started: log.record(postingsOf(camden), postingStarted(camdenPosting)),
    firstAssessment: log.record(postingsOf(camden), performanceAssessed(camdenPosting, d('2011-12-01'), [chiefExecutive])),
    secondAssessment: log.record(postingsOf(camden), performanceAssessed(camdenPosting, d('2012-06-01'), [chiefExecutive, linkMember])),
    unpartnered: log.record(postingsOf(camden), performanceAssessed(camdenPosting, d('2012-09-01'), [])),
    islingtonActing: log.record(
      postingsOf(islington),
      postingStarted({ unit: islington, postingId: 'islington-acting', officer: ben, start: d('2016-01-01'), acting: true }),
    ),
    wentLive: log.record(
      metRestructure,
      bcuWentLive('Central North', ['Camden', 'Islington'], chloe, d('2017-01-16'), [
        ['Camden', femi],
        ['Islington', ioana],
      ]),
    ),
    camdenEnded: log.record(
      postingsOf(camden),
      postingEnded({ ...camdenPosting, end: d('2017-01-16'), reason: 'organisational-restructure', exceptional: true }),
    ),
    bcuStarted: log.record(postingsOf(centralNorth), postingStarted({ unit: centralNorth, postingId: 'cn-2017', officer: chloe, start: d('2017-01-16') })),
    reassigned: log.record(metRestructure, superintendentDedicated('Central North', 'Camden', kemi, d('2017-06-01'))),
    dissolved: log.record(metRestructure, bcuDissolved('Central North', ['Camden', 'Islington'], d('2019-02-01'))),
  };
  const view = createAccountabilityView();
  for (const envelope of log.all()) view.apply(envelope);
  return { view, events };
};

const ref = (envelope: DomainEnvelope | undefined) => ({
  eventId: envelope?.metadata.eventId,
  position: envelope?.position,
  stream: envelope?.stream,
  revision: envelope?.revision,
});

const asAt = (view: AccountabilityView, name: string, date: IsoDate): Accountability => {
  const answer = view.accountabilityOn(name, date);
  if (E.isLeft(answer)) throw new Error(answer.left.message);
  return answer.right;
};

describe('AC-1 accountability for a borough as at a date', () => {
  it('AC-1 names the borough commander, line manager, MPA and the partners of the appointment and assessments', () => {
    const { view, events } = story();
    const answer = asAt(view, 'Camden', d('2012-01-15'));
    expect(answer.commandUnit).toEqual({ unit: camden, merged: false, sources: [] });
    expect(answer.commander).toMatchObject({ officer: alice, role: 'borough-commander', acting: false, since: '2011-06-01' });
    expect(answer.commander?.sources).toEqual([ref(events.started)]);
    expect(answer.lineManager).toEqual({ name: 'Area Commander Grey', sources: [ref(events.started)] });
    expect(answer.oversightBody).toBe('Metropolitan Police Authority (MPA)');
    expect(answer.appointmentPartners).toEqual({
      processId: 'camden-2011',
      partners: [leader, mp],
      decidedOn: '2011-05-20',
      sources: [ref(events.confirmed), ref(events.started)],
    });
    expect(answer.assessmentPartners).toEqual({ partners: [chiefExecutive], sources: [ref(events.firstAssessment)] });
    expect(answer.dedicatedSuperintendent).toBeNull();
    expect(answer.unpartneredAssessment).toBeNull();
  });

  it('AC-1 names MOPAC from 2012-01-16', () => {
    const { view } = story();
    expect(asAt(view, 'Camden', d('2012-01-16')).oversightBody).toBe("Mayor's Office for Policing and Crime (MOPAC)");
  });

  it('AC-1 counts only the assessments up to the date, and flags one without a partner', () => {
    const { view, events } = story();
    const answer = asAt(view, 'Camden', d('2012-10-01'));
    expect(answer.assessmentPartners.partners).toEqual([chiefExecutive, linkMember]);
    expect(answer.assessmentPartners.sources).toEqual([ref(events.firstAssessment), ref(events.secondAssessment)]);
    expect(answer.unpartneredAssessment).toEqual({ on: '2012-09-01', sources: [ref(events.unpartnered)] });
  });

  it('AC-1 answers for the BCU a borough joined: its commander and the borough\'s dedicated superintendent', () => {
    const { view, events } = story();
    expect(asAt(view, 'Camden', d('2017-01-15')).commander?.officer).toEqual(alice);
    const merged = asAt(view, 'Camden', d('2017-01-16'));
    expect(merged.commandUnit).toEqual({ unit: centralNorth, merged: true, sources: [ref(events.wentLive)] });
    expect(merged.commander).toMatchObject({ officer: chloe, role: 'bcu-commander', acting: false });
    expect(merged.dedicatedSuperintendent).toEqual({ superintendent: femi, bcu: 'Central North', since: '2017-01-16', sources: [ref(events.wentLive)] });
    expect(merged.lineManager).toBeNull();
    expect(merged.appointmentPartners).toBeNull();
    expect(asAt(view, 'Islington', d('2017-06-01')).dedicatedSuperintendent?.superintendent).toEqual(ioana);
  });

  it('AC-1 follows a later assignment of a dedicated superintendent from its date', () => {
    const { view, events } = story();
    expect(asAt(view, 'Camden', d('2017-05-31')).dedicatedSuperintendent?.superintendent).toEqual(femi);
    expect(asAt(view, 'Camden', d('2017-06-01')).dedicatedSuperintendent).toEqual({
      superintendent: kemi,
      bcu: 'Central North',
      since: '2017-06-01',
      sources: [ref(events.reassigned)],
    });
  });

  it('AC-1 returns a borough to its own command when its BCU is dissolved', () => {
    const { view, events } = story();
    const answer = asAt(view, 'Camden', d('2019-02-01'));
    expect(answer.commandUnit).toEqual({ unit: camden, merged: false, sources: [ref(events.dissolved)] });
    expect(answer.commander).toBeNull();
    expect(answer.dedicatedSuperintendent).toBeNull();
  });

  it('AC-1 marks an acting commander as acting', () => {
    const { view, events } = story();
    const answer = asAt(view, 'Islington', d('2016-06-30'));
    expect(answer.commander).toMatchObject({ officer: ben, acting: true, sources: [ref(events.islingtonActing)] });
  });

  it('AC-1 refuses a name that is not a London borough', () => {
    const { view } = story();
    expect(view.accountabilityOn('City of London', d('2012-01-01'))).toEqual(
      E.left({ _tag: 'NotALondonBorough', borough: 'City of London', message: "'City of London' is not one of London's 32 boroughs" }),
    );
  });
});
