import * as E from 'fp-ts/lib/Either.js';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createBoroughCommand,
  domainEventRegistry,
  londonBcus,
  londonBoroughs,
  policyWith,
  type DomainEvent,
} from '@borough-command/domain';
import { createInMemoryStore, type RecordedEvent } from '@borough-command/domain/eventsourcing';
import { londonHistory } from '../../src/demo/london-history.js';

const events: RecordedEvent<DomainEvent>[] = [];
let refused: string[] = [];

beforeAll(async () => {
  const store = createInMemoryStore(domainEventRegistry);
  const service = createBoroughCommand({ store, policy: policyWith({ enforcement: 'record' }), clock: () => new Date('2020-01-01T00:00:00Z') });
  refused = [];
  for (const command of londonHistory().commands) {
    const outcome = await service.execute(command, { actor: 'demo' })();
    if (E.isLeft(outcome)) refused.push(`${command.type} ${command.commandId}: ${JSON.stringify(outcome.left)}`);
    else for (const failed of outcome.right.failedReactions) refused.push(`${failed.command.type}: ${JSON.stringify(failed.error)}`);
  }
  for await (const page of store.readAll()) if (E.isRight(page)) events.push(...page.right);
});

type DataOf<T extends DomainEvent['type']> = Extract<DomainEvent, { readonly type: T }>['data'];

const ofType = <T extends DomainEvent['type']>(type: T): DataOf<T>[] =>
  events.flatMap((recorded) => (recorded.event.type === type ? [recorded.event.data as unknown as DataOf<T>] : []));

describe('the London history of the demo', () => {
  it('is accepted by every rule: no command and no process-manager reaction is refused', () => {
    expect(refused).toEqual([]);
  });

  it('is the same for the same seed, and differs for another seed', () => {
    expect(londonHistory({ seed: 7 }).commands).toEqual(londonHistory({ seed: 7 }).commands);
    expect(londonHistory({ seed: 7 }).commands).not.toEqual(londonHistory({ seed: 8 }).commands);
  });

  it('AP-3: consults a police authority link member only while the MPA existed: none from MOPAC\'s first day, 2012-01-16', () => {
    const linkMembers = ofType('PartnerConsulted').filter((consulted) => consulted.partner.kind === 'link-member');
    expect(linkMembers.length).toBeGreaterThan(0);
    expect(linkMembers.filter((consulted) => consulted.at >= '2012-01-16').map((consulted) => `${consulted.processId} ${consulted.at}`)).toEqual([]);
  });

  it('gives each of the 32 boroughs a commander and every borough joins its 2018-19 BCU', () => {
    const boroughsWithPostings = new Set(ofType('PostingStarted').filter((posting) => posting.unit.kind === 'borough').map((posting) => posting.unit.name));
    expect([...boroughsWithPostings].sort()).toEqual(londonBoroughs.map((borough) => borough.name).sort());
    const live = ofType('BcuWentLive');
    expect(live.map((bcu) => bcu.bcu).sort()).toEqual(londonBcus.map((bcu) => bcu.name).sort());
    for (const borough of londonBoroughs) {
      expect(live.find((bcu) => bcu.boroughs.includes(borough.name))?.bcu, borough.name).toBe(borough.bcu2018);
    }
  });

  it('takes the two pathfinders live in January 2017, before the evaluation, and the roll-out after it', () => {
    const live = ofType('BcuWentLive');
    const evaluation = ofType('PathfinderEvaluationRecorded')[0];
    expect(evaluation).toBeDefined();
    for (const bcu of live) {
      const pathfinder = londonBcus.find((known) => known.name === bcu.bcu)?.pathfinder;
      if (pathfinder === true) expect(bcu.at).toBe('2017-01-01');
      else expect(bcu.at > (evaluation?.at ?? '')).toBe(true);
    }
    expect(live.find((bcu) => bcu.bcu === 'West Area')?.at).toBe('2018-06-06');
    expect(live.find((bcu) => bcu.bcu === 'North Area')?.at).toBe('2019-01-09');
  });

  it('ends every borough posting active at go-live for organisational restructure, never as a breach (PO-6)', () => {
    const goLive = new Map(ofType('BcuWentLive').flatMap((bcu) => bcu.boroughs.map((borough) => [borough, bcu.at] as const)));
    const restructured = ofType('PostingEnded').filter((ended) => ended.reason === 'organisational-restructure');
    expect(restructured.length).toBeGreaterThanOrEqual(32);
    for (const ended of restructured) {
      if (ended.unit.kind === 'borough') expect(ended.end).toBe(goLive.get(ended.unit.name));
    }
    const breached = new Set(ofType('MinimumTermBreached').map((breach) => breach.postingId));
    for (const ended of restructured) expect(breached.has(ended.postingId)).toBe(false);
  });

  it('appoints successors through the process, starts their postings from the decision (AP-12), and records some early departures', () => {
    const confirmed = ofType('AppointmentConfirmed');
    const started = ofType('PostingStarted');
    expect(confirmed.length).toBeGreaterThan(30);
    for (const decision of confirmed) {
      expect(started.find((posting) => posting.appointmentProcessId === decision.processId)?.start).toBe(decision.startDate);
    }
    expect(ofType('MinimumTermBreached').length).toBeGreaterThan(0);
    expect(ofType('PostingEnded').some((ended) => ended.minimumTermMet === false && ended.exceptional)).toBe(true);
    expect(started.some((posting) => posting.acting)).toBe(true);
  });

  it('marks every officer and partner as synthetic', () => {
    for (const posting of ofType('PostingStarted')) expect(posting.officer.name).toContain('(synthetic)');
    for (const consulted of ofType('PartnerConsulted')) expect(consulted.partner.name).toContain('(synthetic)');
  });
});
