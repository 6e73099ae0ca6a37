import fc from 'fast-check';
import { expect, it } from 'vitest';
import { defaultPolicy } from '@borough-command/domain';
import { validAppointmentHistory } from '@borough-command/testing';

it('a completed appointment is confirmed before its outcome is reported', () => {
  fc.assert(
    fc.property(validAppointmentHistory(defaultPolicy), (history) => {
      const types = history.events.map((event) => event.type);
      if (history.stage !== 'completed') return;
      expect(types.indexOf('AppointmentConfirmed')).toBeGreaterThan(-1);
      expect(types.indexOf('AppointmentConfirmed')).toBeLessThan(types.indexOf('OutcomeReported'));
    }),
    { numRuns: 50 },
  );
});

/* The examples of docs/testing.md after the first: each TypeScript block of the page appears in this file, which compiles and runs. */
import {
  appointmentDecider,
  domainEventRegistry,
  isoDate,
  postingDecider,
  ruleIds,
  type AppointmentState,
  type DomainEvent,
} from '@borough-command/domain';
import { createInMemoryStore } from '@borough-command/domain/eventsourcing';
import { createTenureView } from '@borough-command/projections';
import { describe } from 'vitest';
import {
  appointmentCommandArbitrary,
  conformanceCase,
  ensureEqual,
  idsOf,
  mustSucceed,
  numberedItems,
  readStreamOk,
  validRestructureHistory,
  checkDeciderLaws,
  DeciderLawViolation,
  deciderLaws,
  envelopesOf,
  postingCommandArbitrary,
  validPostingHistory,
} from '@borough-command/testing';
import {
  appointmentConfirmedArbitrary,
  bcuWentLiveArbitrary,
  candidateOfficerArbitrary,
  defaultRestructureVocabulary,
  openAppointmentProcessArbitrary,
  postingStartedArbitrary,
  proposeBcuArbitrary,
} from '@borough-command/testing/arbitraries';
import { deciderSpecification, describeEventStoreConformance, projectionSpecification } from '@borough-command/testing/vitest';

describe('the examples of docs/testing.md', () => {
  it('the decider laws', () => {
    const report = checkDeciderLaws({
      decider: postingDecider(defaultPolicy),
      histories: validPostingHistory(defaultPolicy),
      commands: (history) => postingCommandArbitrary({ unit: history.unit }),
      codecs: domainEventRegistry,
      ruleIds,
      numRuns: 25,
    });
    expect(report.laws).toEqual(Object.keys(deciderLaws));
    expect(report.accepted).toBeGreaterThan(0);
    expect(report.rejected).toBeGreaterThan(0);
  });

  it('a decider that breaks a law', () => {
    // A decider whose evolve forgets every event: replayed, its history decides otherwise.
    const forgetful = { ...appointmentDecider(defaultPolicy), evolve: (state: AppointmentState) => state };
    expect(() =>
      checkDeciderLaws({ decider: forgetful, histories: validAppointmentHistory(defaultPolicy), commands: appointmentCommandArbitrary(), numRuns: 20, seed: 42 }),
    ).toThrow(DeciderLawViolation);
  });

  it('given, when, then for a decider', () => {
    const processId = 'camden-2012';
    const at = isoDate('2012-02-01');
    const appointment = deciderSpecification(appointmentDecider(defaultPolicy));
    appointment([
      { type: 'AppointmentProcessOpened', data: { processId, unit: { kind: 'borough', name: 'Camden' }, role: 'borough-commander', areaCommander: 'Area Commander Hart', at } },
    ])
      .when({ type: 'InterviewCandidate', commandId: 'c-2', processId, at, candidateId: 'alice' })
      .then({ _tag: 'RoleDescriptionNotAttached', rule: 'AP-2' });
  });

  it('given, when, then for a view', () => {
    const camden = { kind: 'borough', name: 'Camden' } as const;
    const officer = { id: 'alice', name: 'Alice Adeyemi', rank: 'chief-superintendent' } as const;
    const started: DomainEvent = {
      type: 'PostingStarted',
      data: {
        postingId: 'camden-1',
        unit: camden,
        role: 'borough-commander',
        officer,
        acting: false,
        interim: false,
        designate: false,
        start: isoDate('2012-04-02'),
        lineManager: 'Area Commander Hart',
        appointmentProcessId: null,
        minimumTermEnd: isoDate('2015-04-02'),
      },
    };
    const tenure = projectionSpecification(createTenureView);
    tenure([started]).then((view) => {
      expect(view.tenureOf(camden).postings.map((posting) => posting.minimumTerm)).toEqual(['pending']);
    });
    const [envelope] = envelopesOf([started], { firstPosition: 100n });
    expect([envelope?.stream, envelope?.revision, envelope?.position]).toEqual(['posting-borough-camden', 0n, 100n]);
  });

  it('the appointment arbitraries', () => {
    const opened = fc.sample(openAppointmentProcessArbitrary({ processId: fc.constant('camden-2012') }), 3);
    const candidates = fc.sample(candidateOfficerArbitrary, 3);
    const confirmed = fc.sample(appointmentConfirmedArbitrary, 3);
    const completed = fc.sample(validAppointmentHistory(defaultPolicy).filter((history) => history.stage === 'completed'), 3);
    expect([opened, candidates, confirmed, completed].map((drawn) => drawn.length)).toEqual([3, 3, 3, 3]);
    expect(completed.every((history) => history.events.at(-1)?.type === 'OutcomeReported')).toBe(true);
  });

  it('the restructure arbitraries', () => {
    const vocabulary = { ...defaultRestructureVocabulary, bcuNames: ['Central North'] };
    const proposals = fc.sample(proposeBcuArbitrary(vocabulary), 3);
    const wentLive = fc.sample(bcuWentLiveArbitrary(vocabulary), 3);
    const restructures = fc.sample(validRestructureHistory(defaultPolicy), 2);
    expect([...proposals, ...wentLive].every((drawn) => ('bcu' in drawn ? drawn.bcu : drawn.data.bcu) === 'Central North')).toBe(true);
    expect(restructures.every((history) => history.bcus.length > 0)).toBe(true);
  });

  it('a conformance case of your own', async () => {
    const readsBack = conformanceCase('my guarantees', 'a stream reads back what was appended', async ({ store, stream, append }) => {
      mustSucceed(await append(stream('orders'), numberedItems('item', 1, 3), 'no_stream'), 'an append to a new stream succeeds');
      const events = await readStreamOk(store, stream('orders'), undefined, 'a written stream can be read');
      ensureEqual(idsOf(events).length, 3, 'every event appended is read back');
    });
    await readsBack.run({ name: 'in-memory', open: (registry) => Promise.resolve(createInMemoryStore(registry)) });
  });

  it('arbitraries of commands, events and valid histories', () => {
    const commands = fc.sample(postingCommandArbitrary({ unit: { kind: 'borough', name: 'Camden' } }), 5);
    const events = fc.sample(postingStartedArbitrary, 5);
    const histories = fc.sample(validAppointmentHistory(defaultPolicy), 5);
    expect(commands.length + events.length + histories.length).toBe(15);
  });

});

describeEventStoreConformance({
  name: 'my wrapped in-memory store',
  open: (registry) => Promise.resolve(createInMemoryStore(registry)),
});
