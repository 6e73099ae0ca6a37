import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import {
  createBoroughCommand,
  createInMemoryStore,
  domainEventRegistry,
  isoDate,
  policyWith,
  type DomainCommand,
  type DomainEvent,
  type EventStore,
  type Officer,
  type Policy,
} from '@borough-command/domain';
import { rebuildViews } from '../src/index.js';

const dana: Officer = { id: 'officer-dana', name: 'Dana Whitfield', rank: 'chief-superintendent' };
const camden = { kind: 'borough', name: 'Camden' } as const;
const base = { processId: 'camden-2013' };

/** A 2013 appointment that skips the role description, consults only the council, skips the discussion and the three-year commitment. */
const shortcuts: readonly DomainCommand[] = [
  { type: 'OpenAppointmentProcess', commandId: 'open', at: isoDate('2013-03-01'), ...base, unit: camden, role: 'borough-commander', areaCommander: 'Cdr Area North' },
  { type: 'ConsultPartner', commandId: 'consult', at: isoDate('2013-03-05'), ...base, partner: { kind: 'local-authority-leader', name: 'Camden leader' } },
  { type: 'RecordCandidate', commandId: 'apply', at: isoDate('2013-03-10'), ...base, candidate: dana, route: 'applied' },
  { type: 'InterviewCandidate', commandId: 'interview', at: isoDate('2013-03-20'), ...base, candidateId: dana.id },
  { type: 'ProposePreferredCandidate', commandId: 'propose', at: isoDate('2013-03-21'), ...base, candidateId: dana.id },
  { type: 'AgreeProposal', commandId: 'agree', at: isoDate('2013-03-22'), ...base, actp: 'AC Territorial Policing' },
  { type: 'TakeFinalDecision', commandId: 'decide', at: isoDate('2013-04-02'), ...base, policeAuthorityDecisionBy: 'MOPAC', mpsDecisionBy: 'AC Territorial Policing', startDate: isoDate('2013-05-01') },
];

const run = async (policy: Policy): Promise<{ readonly store: EventStore<DomainEvent>; readonly refused: string | undefined }> => {
  const store: EventStore<DomainEvent> = createInMemoryStore(domainEventRegistry);
  const service = createBoroughCommand({ store, policy });
  for (const command of shortcuts) {
    const outcome = await service.execute(command, { actor: 'auditor' })();
    if (E.isLeft(outcome)) return { store, refused: outcome.left._tag === 'CommandRejected' ? `${command.commandId} ${outcome.left.rejection.rule}` : outcome.left._tag };
  }
  return { store, refused: undefined };
};

describe('record mode for the appointment rules (AP-2, AP-3, AP-7, AP-8)', () => {
  it('AP-2 AP-3 AP-7 AP-8 in record mode an appointment that skipped them is recorded as it happened, each departure with its rule; AC-2 counts them as not followed and the trail shows them', async () => {
    const { store, refused } = await run(policyWith({ enforcement: 'record' }));
    expect(refused).toBeUndefined();
    const read = await store.readStream('appointment-camden-2013')();
    if (E.isLeft(read)) return expect.fail(JSON.stringify(read.left));
    const types = read.right.map((recorded) => recorded.event.type);
    // Each departure is recorded just before the step that went ahead without it.
    expect(types.slice(3, 6)).toEqual(['AppointmentRuleDeparted', 'AppointmentRuleDeparted', 'CandidateInterviewed']);
    expect(types.slice(-3)).toEqual(['AppointmentRuleDeparted', 'AppointmentRuleDeparted', 'AppointmentConfirmed']);
    const departures = read.right.flatMap((recorded) => (recorded.event.type === 'AppointmentRuleDeparted' ? [recorded.event.data] : []));
    expect(departures.map((departure) => [departure.rule, departure.departure])).toEqual([
      ['AP-2', 'RoleDescriptionNotAttached'],
      ['AP-3', 'PartnersNotConsulted'],
      ['AP-7', 'ChosenCandidateNotDiscussed'],
      ['AP-8', 'ThreeYearCommitmentMissing'],
    ]);
    expect(departures[1]?.message).toContain('an MP');
    const rebuilt = await rebuildViews(store)();
    if (E.isLeft(rebuilt)) return expect.fail(JSON.stringify(rebuilt.left));
    const compliance = rebuilt.right.compliance.complianceOf('camden-2013');
    const status = (rule: string) => compliance?.rules.find((item) => item.rule === rule)?.status;
    expect([status('AP-2'), status('AP-3'), status('AP-7'), status('AP-8')]).toEqual(['not-followed', 'not-followed', 'not-followed', 'not-followed']);
    const trail = rebuilt.right.audit.trailOf('camden-2013');
    expect(trail?.entries.filter((entry) => entry.decision.includes('departure')).map((entry) => entry.rule)).toEqual(['AP-2', 'AP-3', 'AP-7', 'AP-8']);
  });

  it('AP-2 in enforce mode the same appointment is refused at the interview, and nothing of the step is recorded', async () => {
    const { store, refused } = await run(policyWith({ enforcement: 'enforce' }));
    expect(refused).toBe('interview AP-2');
    const read = await store.readStream('appointment-camden-2013')();
    expect(E.isRight(read) && read.right.map((recorded) => recorded.event.type)).not.toContain('AppointmentRuleDeparted');
  });
});
