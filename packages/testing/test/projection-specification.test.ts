import * as E from 'fp-ts/lib/Either.js';
import { isoDate, type DomainEvent, type Officer } from '@borough-command/domain';
import { isEventId } from '@borough-command/domain/eventsourcing';
import { createAccountabilityView, createCareerView, createTenureView } from '@borough-command/projections';
import { describe, expect, it } from 'vitest';
import { envelopesOf, streamOfEvent } from '../src/index.js';
import { projectionSpecification } from '../src/vitest.js';

const camden = { kind: 'borough', name: 'Camden' } as const;
const alice: Officer = { id: 'alice', name: 'Alice Adeyemi', rank: 'chief-superintendent' };
const ben: Officer = { id: 'ben', name: 'Ben Baker', rank: 'superintendent' };

const started = (officer: Officer, postingId: string, start: string, acting = false): DomainEvent => ({
  type: 'PostingStarted',
  data: {
    postingId,
    unit: camden,
    role: 'borough-commander',
    officer,
    acting,
    interim: false,
    designate: false,
    start: isoDate(start),
    lineManager: 'Area Commander Hart',
    appointmentProcessId: null,
    minimumTermEnd: acting ? null : isoDate(`${String(Number(start.slice(0, 4)) + 3)}${start.slice(4)}`),
  },
});

const ended = (officer: Officer, postingId: string, start: string, end: string): DomainEvent => ({
  type: 'PostingEnded',
  data: {
    postingId,
    unit: camden,
    role: 'borough-commander',
    officer,
    acting: false,
    start: isoDate(start),
    end: isoDate(end),
    reason: 'promotion',
    detail: null,
    approvedBy: null,
    daysServed: 1461,
    minimumTermEnd: isoDate('2014-04-01'),
    minimumTermMet: true,
    exceptional: false,
    restructure: null,
  },
});

const opened: DomainEvent = {
  type: 'AppointmentProcessOpened',
  data: { processId: 'camden-2011', unit: camden, role: 'borough-commander', areaCommander: 'Area Commander Hart', at: isoDate('2011-02-01') },
};
const wentLive: DomainEvent = {
  type: 'BcuWentLive',
  data: {
    restructureId: 'met',
    programmeId: 'pathfinder',
    bcu: 'Central North',
    boroughs: ['Camden', 'Islington'],
    commander: { id: 'cath', name: 'Cath Roper', rank: 'chief-superintendent' },
    interim: true,
    functionLeads: [],
    dedicatedSuperintendents: [{ borough: 'Camden', superintendent: ben }],
    at: isoDate('2017-01-09'),
  },
};

describe('envelopesOf', () => {
  it('places plain domain events as a store would: their own streams, revisions per stream, positions in order, made-up metadata', () => {
    const envelopes = envelopesOf([opened, started(alice, 'p1', '2011-04-01'), wentLive, ended(alice, 'p1', '2011-04-01', '2015-04-01')], { firstPosition: 10n });
    expect(envelopes.map((envelope) => [envelope.stream, envelope.revision, envelope.position])).toEqual([
      ['appointment-camden-2011', 0n, 10n],
      ['posting-borough-camden', 0n, 11n],
      ['restructure-met', 0n, 12n],
      ['posting-borough-camden', 1n, 13n],
    ]);
    expect(envelopes.map((envelope) => envelope.metadata.recordedAt)).toEqual([
      '2011-02-01T12:00:00.000Z',
      '2011-04-01T12:00:00.000Z',
      '2017-01-09T12:00:00.000Z',
      '2015-04-01T12:00:00.000Z',
    ]);
    expect(envelopes.every((envelope) => isEventId(envelope.metadata.eventId) && envelope.metadata.actor === 'given')).toBe(true);
    // Each event at its type's current schema version: PostingStarted and PostingEnded are at version 2 since RS-4.
    expect(envelopes.map((envelope) => envelope.metadata.schemaVersion)).toEqual([1, 2, 1, 2]);
    expect(new Set(envelopes.map((envelope) => envelope.metadata.eventId)).size).toBe(4);
    expect(envelopes.map((envelope) => streamOfEvent(envelope.event))).toEqual(envelopes.map((envelope) => envelope.stream));
  });

  it('takes the stream and metadata given for an event', () => {
    const [envelope] = envelopesOf([{ event: opened, stream: 'appointment-elsewhere', metadata: { actor: 'auditor', commandId: 'c-1' } }]);
    expect(envelope?.stream).toBe('appointment-elsewhere');
    expect(envelope?.metadata).toMatchObject({ actor: 'auditor', commandId: 'c-1' });
  });
});

describe('projectionSpecification', () => {
  const tenure = projectionSpecification(createTenureView);

  it('given events, then the view answers: TE-1 shows the posting, its end and its days served', () => {
    tenure([started(alice, 'p1', '2011-04-01'), ended(alice, 'p1', '2011-04-01', '2015-04-01')]).then((view) => {
      const [posting] = view.tenureOf(camden).postings;
      expect(posting).toMatchObject({ postingId: 'p1', start: '2011-04-01', end: '2015-04-01', daysServed: 1461, minimumTerm: 'met' });
    });
  });

  it('given events, then the snapshot is the state expected, and a wrong expectation fails', () => {
    const spec = projectionSpecification(createCareerView)([started(alice, 'p1', '2011-04-01')]);
    const state = spec.view.snapshot().state;
    spec.thenSnapshot(state);
    expect(JSON.stringify(state)).toContain('"alice"');
    expect(() => {
      projectionSpecification(createCareerView)([]).thenSnapshot(state);
    }).toThrow();
    expect(spec.envelopes).toHaveLength(1);
  });

  it('AC-1 as at a date from hand-written events: the BCU\'s commander and the dedicated superintendent once it is live', () => {
    projectionSpecification(() => createAccountabilityView())([started(alice, 'p1', '2014-04-01'), wentLive]).then((view) => {
      const before = view.accountabilityOn('Camden', isoDate('2016-12-31'));
      expect(E.isRight(before) && before.right.commander?.officer).toEqual(alice);
      const after = view.accountabilityOn('Camden', isoDate('2017-01-09'));
      expect(E.isRight(after) && after.right.commandUnit.unit).toEqual({ kind: 'bcu', name: 'Central North' });
      expect(E.isRight(after) && after.right.dedicatedSuperintendent?.superintendent).toEqual(ben);
    });
  });

  it('fails when the assertions on the view fail', () => {
    expect(() => {
      tenure([started(alice, 'p1', '2011-04-01')]).then((view) => {
        expect(view.tenureOf(camden).postings).toHaveLength(2);
      });
    }).toThrow();
  });
});
