import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { createBoroughCommand, type BoroughCommand } from '../../src/borough-command/borough-command-service.js';
import { createInMemoryStore } from '../../src/eventsourcing/in-memory-store.js';
import { defaultPolicy, policyChangedFrom } from '../../src/policy/policy.js';
import { domainEventRegistry, type DomainEvent } from '../../src/borough-command/domain-events.js';
import { isoDate, type IsoDate } from '../../src/shared/iso-date.js';
import { policyStream, postingStream } from '../../src/shared/streams.js';
import type { CommandUnit } from '../../src/shared/vocabulary.js';
import type { DomainCommand } from '../../src/borough-command/domain-commands.js';
import type { EventStore } from '../../src/eventsourcing/event-store.js';
import type { RecordedEvent } from '../../src/eventsourcing/envelope.js';
import { appointmentInCamden, dana, eli } from '../borough-command/story.js';

const actor = { actor: 'policy test' };
const camden = { kind: 'borough', name: 'Camden' } as const;
const islington = { kind: 'borough', name: 'Islington' } as const;

const run = async (service: BoroughCommand, commands: readonly DomainCommand[]): Promise<void> => {
  for (const command of commands) {
    const outcome = await service.execute(command, actor)();
    if (E.isLeft(outcome)) expect.fail(`${command.type} ${command.commandId} failed: ${JSON.stringify(outcome.left)}`);
  }
};

const streamOf = async (store: EventStore<DomainEvent>, stream: string): Promise<readonly RecordedEvent<DomainEvent>[]> => {
  const read = await store.readStream(stream)();
  return E.isRight(read) ? read.right : [];
};

const start = (unit: CommandUnit, postingId: string, at: IsoDate, officer = dana): DomainCommand => ({
  type: 'StartPosting',
  commandId: `start ${postingId}`,
  at,
  unit,
  postingId,
  role: 'borough-commander',
  officer,
  acting: false,
});

/** PH-2: a version in force from 2014-01-01 that expects borough commanders to stay two years. */
const twoYears = (at: IsoDate, versionId = 'two-year-2014'): DomainCommand => ({
  type: 'AdoptPolicyVersion',
  commandId: `adopt ${versionId}`,
  at,
  policyId: 'london',
  versionId,
  effectiveFrom: isoDate('2014-01-01'),
  source: { kind: 'decision', citation: 'Two-year expectation stated for some boroughs in 2014' },
  changes: { minimumTerms: [{ role: 'borough-commander', years: 2 }, { role: 'bcu-commander', years: 3 }] },
  decidedBy: 'MOPAC',
});

describe('policy as history (PH-1, PH-2)', () => {
  it('PH-1 every event of a decision names the version of the policy in force on the command’s date', async () => {
    const store = createInMemoryStore(domainEventRegistry);
    const service = createBoroughCommand({ store });
    await run(service, appointmentInCamden('camden-2012', dana, isoDate('2012-04-02'), isoDate('2012-05-01')));
    await run(service, [start(islington, 'islington-2011', isoDate('2011-06-01'), eli)]);
    const appointment = await streamOf(store, 'appointment-camden-2012');
    expect(appointment.length).toBeGreaterThan(5);
    expect(new Set(appointment.map((recorded) => recorded.metadata.policyVersion))).toEqual(new Set(['london-2012-01-16']));
    const islingtonPostings = await streamOf(store, postingStream(islington));
    expect(islingtonPostings.map((recorded) => recorded.metadata.policyVersion)).toEqual(['london-2010-06-17']);
  });

  it('PH-2 adopting a version records who decided it, from when, its source and every value; decisions from its date are judged by it, earlier ones are not', async () => {
    const store = createInMemoryStore(domainEventRegistry);
    const service = createBoroughCommand({ store });
    await run(service, [twoYears(isoDate('2013-12-01')), start(islington, 'islington-2013', isoDate('2013-06-01'), eli), start(camden, 'camden-2014', isoDate('2014-02-01'))]);
    const [adopted] = await streamOf(store, policyStream('london'));
    expect(adopted?.event).toMatchObject({
      type: 'PolicyVersionAdopted',
      data: { versionId: 'two-year-2014', effectiveFrom: '2014-01-01', decidedBy: 'MOPAC', retroactive: false, at: '2013-12-01' },
    });
    // Every value, not only the change: the seeds' 2012 values carried forward.
    expect(adopted?.event.data).toMatchObject({ values: { oversightBody: "Mayor's Office for Policing and Crime (MOPAC)", commitmentRequired: true, requiredPartners: ['local-authority', 'mp'] } });
    const [camdenStart] = await streamOf(store, postingStream(camden));
    expect(camdenStart?.metadata.policyVersion).toBe('two-year-2014');
    expect(camdenStart?.event.data).toMatchObject({ minimumTermEnd: '2016-02-01' });
    const [islingtonStart] = await streamOf(store, postingStream(islington));
    expect(islingtonStart?.metadata.policyVersion).toBe('london-2012-01-16');
    expect(islingtonStart?.event.data).toMatchObject({ minimumTermEnd: '2016-06-01' });
    const inForce = await service.policyInForce()();
    expect(E.isRight(inForce) && inForce.right.versions.map((version) => version.id)).toContain('two-year-2014');
  });

  it('PH-2 refuses a version whose id is taken with other values, or that takes effect on a day another version does, and records nothing', async () => {
    const store = createInMemoryStore(domainEventRegistry);
    const service = createBoroughCommand({ store });
    const takenId = await service.execute({ ...twoYears(isoDate('2013-12-01'), 'london-2010-06-17') }, actor)();
    expect(E.isLeft(takenId) && takenId.left).toMatchObject({ _tag: 'CommandRejected', rejection: { _tag: 'PolicyVersionIdTaken', rule: 'PH-2' } });
    const takenDay = await service.execute(
      { ...twoYears(isoDate('2013-12-01'), 'mopac-day'), effectiveFrom: isoDate('2012-01-16') } as DomainCommand,
      actor,
    )();
    expect(E.isLeft(takenDay) && takenDay.left).toMatchObject({ _tag: 'CommandRejected', rejection: { _tag: 'PolicyDateTaken', rule: 'PH-2' } });
    expect(await streamOf(store, policyStream('london'))).toEqual([]);
  });

  it('PH-2 a retroactive adoption is marked so and does not re-judge what was decided before it: the posting keeps its recorded minimum term', async () => {
    const store = createInMemoryStore(domainEventRegistry);
    const service = createBoroughCommand({ store });
    await run(service, [start(camden, 'camden-2014', isoDate('2014-02-01')), twoYears(isoDate('2015-01-01'))]);
    const [adopted] = await streamOf(store, policyStream('london'));
    expect(adopted?.event.data).toMatchObject({ retroactive: true });
    const [started] = await streamOf(store, postingStream(camden));
    expect(started?.metadata.policyVersion).toBe('london-2012-01-16');
    // The end is judged against the minimum term fixed when the posting started (three years), not the two of the later version.
    const early = await service.execute(
      { type: 'EndPosting', commandId: 'end camden-2014', at: isoDate('2016-03-01'), unit: camden, postingId: 'camden-2014', reason: 'promotion' },
      actor,
    )();
    expect(E.isLeft(early) && early.left).toMatchObject({ _tag: 'CommandRejected', rejection: { rule: 'PO-3', minimumTermEnd: '2017-02-01' } });
  });

  it('PH-1 a version given to the service in code is recorded on the policy stream before the first decision judged under it, once', async () => {
    const store = createInMemoryStore(domainEventRegistry);
    const policy = policyChangedFrom(defaultPolicy, isoDate('2014-01-01'), { minimumTerms: [{ role: 'borough-commander', years: 2 }] }, 'code-2014');
    const service = createBoroughCommand({ store, policy });
    await run(service, [start(camden, 'camden-2014', isoDate('2014-02-01')), start(islington, 'islington-2014', isoDate('2014-03-01'), eli)]);
    const history = await streamOf(store, policyStream('london'));
    expect(history.map((recorded) => (recorded.event.type === 'PolicyVersionAdopted' ? recorded.event.data.versionId : recorded.event.type))).toEqual(['code-2014']);
    const [camdenStart] = await streamOf(store, postingStream(camden));
    expect(camdenStart?.metadata.policyVersion).toBe('code-2014');
    expect(camdenStart?.event.data).toMatchObject({ minimumTermEnd: '2016-02-01' });
    // A second service over the same store with the seeds' policy still judges 2014 by the recorded version.
    const later = createBoroughCommand({ store });
    const hackney = { kind: 'borough', name: 'Hackney' } as const;
    await run(later, [start(hackney, 'hackney-2014', isoDate('2014-04-01'), eli)]);
    const [hackneyStart] = await streamOf(store, postingStream(hackney));
    expect(hackneyStart?.metadata.policyVersion).toBe('code-2014');
  });
});
