/**
 * A service's own test suite on `@borough-command/testing`: a rule checked given/when/then, the
 * decider laws under the service's policy, a property of the service's own (every command retried
 * records nothing twice) over generated valid histories, and the store conformance suite for a
 * store the service wraps.
 */
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import {
  appointmentDecider,
  createBoroughCommand,
  defaultPolicy,
  domainEventRegistry,
  isoDate,
  policyWith,
  postingDecider,
  ruleIds,
  streamOfCommand,
  type AppointmentEvent,
} from '@borough-command/domain';
import { createInMemoryStore, type EventShape, type EventStore } from '@borough-command/domain/eventsourcing';
import {
  checkDeciderLaws,
  deciderLaws,
  postingCommandArbitrary,
  validAppointmentHistory,
  validPostingHistory,
  type PostingHistory,
} from '@borough-command/testing';
import { deciderSpecification, describeEventStoreConformance } from '@borough-command/testing/vitest';

const processId = 'camden-2012';
const at = isoDate('2012-03-01');
const opened: readonly AppointmentEvent[] = [
  {
    type: 'AppointmentProcessOpened',
    data: { processId, unit: { kind: 'borough', name: 'Camden' }, role: 'borough-commander', areaCommander: 'Area Commander Grey', at: isoDate('2012-02-01') },
  },
  { type: 'RoleDescriptionAttached', data: { processId, role: 'borough-commander', version: 1, endorsedOn: isoDate('2010-06-17'), at: isoDate('2012-02-02') } },
  { type: 'CandidateRecorded', data: { processId, candidate: { id: 'alice', name: 'Alice Adeyemi', rank: 'chief-superintendent' }, route: 'applied', at: isoDate('2012-02-15') } },
];
/** From 2012-01-16 the default policy requires the local authority and an MP to have been consulted. */
const partnersConsulted: readonly AppointmentEvent[] = [
  { type: 'PartnerConsulted', data: { processId, partner: { kind: 'local-authority-leader', name: 'Sarah Hayward' }, at: isoDate('2012-02-20') } },
  { type: 'PartnerConsulted', data: { processId, partner: { kind: 'mp', name: 'Frank Dobson' }, at: isoDate('2012-02-22') } },
];

describe('given/when/then: one rule, both ways', () => {
  const appointment = deciderSpecification(appointmentDecider(defaultPolicy));

  it('AP-3 refuses an interview before the local authority was consulted', () => {
    appointment(opened)
      .when({ type: 'InterviewCandidate', commandId: 'c-5', processId, at, candidateId: 'alice' })
      .then({ _tag: 'PartnersNotConsulted', rule: 'AP-3' });
  });

  it('AP-3 accepts the interview once the leader of the council and an MP were consulted', () => {
    appointment([...opened, ...partnersConsulted])
      .when({ type: 'InterviewCandidate', commandId: 'c-5', processId, at, candidateId: 'alice' })
      .then([{ type: 'CandidateInterviewed', data: { processId, candidateId: 'alice', interviewedBy: 'Area Commander Grey', at } }]);
  });
});

describe('the decider laws under the service policy', () => {
  it('the posting decider keeps every law when early ends are recorded as breaches (PO-3 record mode)', () => {
    const policy = policyWith({ enforcement: 'record' });
    const report = checkDeciderLaws({
      decider: postingDecider(policy),
      histories: validPostingHistory(policy),
      // further commands name the history's own unit, so that they meet its postings
      commands: (history: PostingHistory) => postingCommandArbitrary({ unit: history.unit }),
      codecs: domainEventRegistry,
      ruleIds,
      numRuns: 25,
    });
    expect(report.laws).toEqual(Object.keys(deciderLaws));
    expect(report.accepted).toBeGreaterThan(0);
    expect(report.rejected).toBeGreaterThan(0);
  });
});

describe('a property of the service: a retried command records nothing twice', () => {
  it('every command of a valid appointment history, executed twice, leaves exactly the history in its stream', async () => {
    await fc.assert(
      fc.asyncProperty(validAppointmentHistory(defaultPolicy), async (history) => {
        const store = createInMemoryStore(domainEventRegistry);
        const service = createBoroughCommand({ store });
        for (const command of history.commands) {
          const first = await service.execute(command, { actor: 'first try' })();
          const retry = await service.execute(command, { actor: 'retry after a timeout' })();
          expect(E.isRight(first) && E.isRight(retry)).toBe(true);
          if (E.isRight(retry)) expect(retry.right.handled[0]?.result.alreadyApplied).toBe(true);
        }
        const [firstCommand] = history.commands;
        if (firstCommand === undefined) return;
        const stream = await store.readStream(streamOfCommand(firstCommand))();
        const recorded = E.isRight(stream) ? stream.right : [];
        expect(recorded.map((event) => event.event)).toEqual(history.events);
        expect(new Set(recorded.map((event) => event.metadata.actor))).toEqual(new Set(['first try']));
      }),
      { numRuns: 20 },
    );
  });
});

/** A store the service wraps to count appends for its metrics; any store it writes or wraps must pass the suite. */
const withAppendMetrics = <E extends EventShape>(store: EventStore<E>, metrics: { appends: number }): EventStore<E> => ({
  ...store,
  name: `${store.name} with append metrics`,
  appendToStream: (stream, events, expectedRevision) => {
    metrics.appends += 1;
    return store.appendToStream(stream, events, expectedRevision);
  },
});

const metrics = { appends: 0 };
describeEventStoreConformance({
  name: 'in-memory store with append metrics',
  open: (registry) => Promise.resolve(withAppendMetrics(createInMemoryStore(registry), metrics)),
});

it('the conformance suite went through the wrapper', () => {
  expect(metrics.appends).toBeGreaterThan(0);
});
