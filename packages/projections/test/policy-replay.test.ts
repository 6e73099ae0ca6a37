import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import {
  createBoroughCommand,
  defaultPolicy,
  domainEventRegistry,
  isoDate,
  policyChangedFrom,
  policyWith,
  type DomainCommand,
  type DomainEvent,
  type Officer,
  type Policy,
} from '@borough-command/domain';
import { createInMemoryStore, type EventStore } from '@borough-command/domain/eventsourcing';
import { rebuildViews } from '../src/index.js';

const dana: Officer = { id: 'officer-dana', name: 'Dana Whitfield', rank: 'chief-superintendent' };
const camden = { kind: 'borough', name: 'Camden' } as const;

/** An appointment in Camden whose partners consulted before the interview are the council's chief executive and, when `mp`, an MP. */
const appointment = (processId: string, year: string, mp: boolean): DomainCommand[] => {
  const on = (monthDay: string) => isoDate(`${year}-${monthDay}`);
  const base = { processId };
  return [
    { type: 'OpenAppointmentProcess', commandId: `${processId} open`, at: on('03-01'), ...base, unit: camden, role: 'borough-commander', areaCommander: 'Cdr Area North' },
    { type: 'AttachRoleDescription', commandId: `${processId} attach`, at: on('03-01'), ...base, version: 1 },
    { type: 'ConsultPartner', commandId: `${processId} consult`, at: on('03-05'), ...base, partner: { kind: 'local-authority-chief-executive', name: 'Camden chief executive' } },
    ...(mp ? [{ type: 'ConsultPartner', commandId: `${processId} consult mp`, at: on('03-06'), ...base, partner: { kind: 'mp', name: 'Holborn MP' } } as const] : []),
    { type: 'RecordCandidate', commandId: `${processId} apply`, at: on('03-10'), ...base, candidate: dana, route: 'applied' },
    { type: 'InterviewCandidate', commandId: `${processId} interview`, at: on('03-20'), ...base, candidateId: dana.id },
  ];
};

/** The statuses AC-2 gives each rule of each process. */
const complianceUnder = async (store: EventStore<DomainEvent>, policy: Policy): Promise<Readonly<Record<string, readonly string[]>>> => {
  const rebuilt = await rebuildViews(store, { policy })();
  if (E.isLeft(rebuilt)) return expect.fail(JSON.stringify(rebuilt.left));
  const views = rebuilt.right;
  return Object.fromEntries(
    views.compliance.processes().map((processId) => [
      processId,
      (views.compliance.complianceOf(processId)?.rules ?? []).map((rule) => `${rule.rule} ${rule.status}`),
    ]),
  );
};

describe('a replay never re-judges history (PH-1)', () => {
  it('PH-1 AC-2 gives the same answers whatever policy the views are rebuilt with: each decision is judged by the version its events recorded', async () => {
    const store: EventStore<DomainEvent> = createInMemoryStore(domainEventRegistry);
    // Recorded under the seeds' 2012 version (local authority and MP), then under a version from 2013 asking only for the local authority.
    const localAuthorityOnly = policyChangedFrom(defaultPolicy, isoDate('2013-01-01'), { requiredPartners: ['local-authority'] }, 'la-only-2013');
    const service = createBoroughCommand({ store, policy: localAuthorityOnly });
    for (const command of [...appointment('camden-2012', '2012', true), ...appointment('camden-2013', '2013', false)]) {
      const outcome = await service.execute(command, { actor: 'auditor' })();
      if (E.isLeft(outcome)) expect.fail(`${command.commandId}: ${JSON.stringify(outcome.left)}`);
    }
    const asRecorded = await complianceUnder(store, defaultPolicy);
    // Each interview followed AP-3 under the version in force when it was decided.
    expect(asRecorded['camden-2012']).toContain('AP-3 followed');
    expect(asRecorded['camden-2013']).toContain('AP-3 followed');
    // Rebuilt with a policy that would demand every kind of partner (neither consulted the link member, the 2013 one no MP), the answers stay.
    expect(await complianceUnder(store, policyWith({ requiredPartners: ['local-authority', 'mp', 'link-member'] }))).toEqual(asRecorded);
    expect(await complianceUnder(store, policyWith({ requiredPartners: ['local-authority'] }))).toEqual(asRecorded);
  });
});
