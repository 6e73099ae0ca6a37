import { describe, expect, it } from 'vitest';
import { createAuditView, type DomainEnvelope } from '../src/index.js';
import { compliantProcess, people } from './support/appointments.js';
import { appointmentEvent, d, envelopeLog, processStream } from './support/envelopes.js';

const ref = (envelope: DomainEnvelope | undefined) => ({
  eventId: envelope?.metadata.eventId,
  position: envelope?.position,
  stream: envelope?.stream,
  revision: envelope?.revision,
});

describe('AU-1 audit trail of each appointment', () => {
  it('AU-1 lists every decision of a process in order, with its rule, from the opening to the posting it started', () => {
    const log = envelopeLog();
    compliantProcess(log);
    const view = createAuditView();
    for (const envelope of log.all()) view.apply(envelope);
    const trail = view.trailOf('camden-2012');
    expect(trail?.unit).toEqual({ kind: 'borough', name: 'Camden' });
    expect(trail?.entries.map((entry) => [entry.rule, entry.when.at, entry.decision])).toEqual([
      ['AP-1', '2012-02-01', 'opened the process to appoint the borough commander of Camden'],
      ['AP-2', '2012-02-02', 'attached the borough commander role description, version 1 endorsed on 2010-06-17'],
      ['AP-3', '2012-02-10', 'consulted Sarah Hayward (local authority leader) about the skills required'],
      ['AP-3', '2012-02-11', 'consulted Frank Dobson (mp) about the skills required'],
      ['AP-4', '2012-02-15', 'recorded Alice Adeyemi (chief superintendent), who applied'],
      ['AP-4', '2012-02-15', 'recorded David Doyle (chief superintendent), who was shortlisted'],
      ['AP-4', '2012-03-01', 'interviewed Alice Adeyemi'],
      ['AP-4', '2012-03-02', 'interviewed David Doyle'],
      ['AP-5', '2012-03-05', 'proposed David Doyle to the ACTP'],
      ['AP-6', '2012-03-08', 'declined the proposal of David Doyle'],
      ['AP-5', '2012-03-09', 'proposed Alice Adeyemi to the ACTP'],
      ['AP-6', '2012-03-12', 'agreed the proposal of Alice Adeyemi'],
      ['AP-7', '2012-03-15', 'discussed Alice Adeyemi with Sarah Hayward, Frank Dobson'],
      ['AP-8', '2012-03-16', 'Alice Adeyemi committed to serve three years'],
      ['AP-9', '2012-03-20', 'appointed Alice Adeyemi, to start on 2012-04-02'],
      ['AP-10', '2012-03-22', 'reported the outcome to the Director HR'],
      ['AP-12', '2012-04-02', 'Alice Adeyemi took command of Camden'],
    ]);
  });

  it('AU-1 says who (the people named and the recording actor), when (effective and recorded) and why', () => {
    const log = envelopeLog();
    const steps = compliantProcess(log);
    const view = createAuditView();
    for (const envelope of log.all()) view.apply(envelope);
    const entries = view.trailOf('camden-2012')?.entries ?? [];
    const declined = entries.find((entry) => entry.step === 'ProposalDeclined');
    expect(declined).toEqual({
      rule: 'AP-6',
      step: 'ProposalDeclined',
      decision: 'declined the proposal of David Doyle',
      who: { people: [{ role: 'ACTP', name: people.actp }, { role: 'candidate', name: 'David Doyle' }], actor: 'actp' },
      when: { at: '2012-03-08', recordedAt: '2012-06-30T12:00:00.000Z' },
      why: 'needs more experience of partnership working',
      source: ref(steps.declineDavid),
    });
    const confirmed = entries.find((entry) => entry.step === 'AppointmentConfirmed');
    expect(confirmed?.who).toEqual({
      people: [
        { role: "police authority (Mayor's Office for Policing and Crime (MOPAC))", name: people.policeAuthority },
        { role: 'MPS', name: people.mps },
        { role: 'candidate', name: 'Alice Adeyemi' },
      ],
      actor: 'mopac',
    });
    expect(confirmed?.why).toBe('informed by Sarah Hayward (local authority leader), Frank Dobson (mp)');
    const posted = entries.at(-1);
    expect(posted?.who.people).toEqual([
      { role: 'commander', name: 'Alice Adeyemi' },
      { role: 'line manager', name: people.areaCommander },
    ]);
    expect(posted?.source).toEqual(ref(steps.posted));
  });

  it('AU-1 records why a process was abandoned', () => {
    const log = envelopeLog();
    log.record(
      processStream('brent-2013'),
      appointmentEvent('AppointmentProcessOpened', {
        processId: 'brent-2013',
        unit: { kind: 'borough', name: 'Brent' },
        role: 'borough-commander',
        areaCommander: people.areaCommander,
        at: d('2013-01-07'),
      }),
    );
    log.record(
      processStream('brent-2013'),
      appointmentEvent('AppointmentProcessAbandoned', { processId: 'brent-2013', reason: 'the vacancy was withdrawn', at: d('2013-02-01') }),
    );
    const view = createAuditView();
    for (const envelope of log.all()) view.apply(envelope);
    expect(view.trailOf('brent-2013')?.entries.at(-1)).toMatchObject({ rule: 'AP-11', why: 'the vacancy was withdrawn', when: { at: '2013-02-01' } });
    expect(view.processes()).toEqual(['brent-2013']);
  });

  it('AU-1 adds an event sent again under a new position only once', () => {
    const log = envelopeLog();
    const steps = compliantProcess(log);
    const view = createAuditView();
    for (const envelope of log.all()) view.apply(envelope);
    const reported = steps.reported!;
    view.apply(log.record(reported.stream, reported.event, { eventId: reported.metadata.eventId }));
    expect(view.trailOf('camden-2012')?.entries.filter((entry) => entry.step === 'OutcomeReported')).toHaveLength(1);
  });
});
