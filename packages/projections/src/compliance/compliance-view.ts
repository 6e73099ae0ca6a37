import * as t from 'io-ts';
import { isAppointmentEvent, type CommanderRole, type CommandUnit, type RuleId } from '@borough-command/domain';
import { createPolicyView, type PolicyView } from '../policy/policy-view.js';
import type { EventRef } from '../views/event-ref.js';
import { createViewCore, type SectionedProjection } from '../views/projection.js';
import { groupBy, isProcessSection, processSection } from '../views/process-sections.js';
import { sectionedCore } from '../views/sectioned-core.js';
import { compareText } from '../views/units.js';
import { checkCompliance, localAuthorityInvolvement, type Judge, type RuleCompliance } from './compliance-rules.js';
import { departureOf, loadDeparture, RecordedDepartureJsonCodec, saveDeparture, type RecordedDeparture } from './departures.js';
import { foldFacts, loadFacts, ProcessFactsJsonCodec, saveFacts, type ProcessFacts } from './process-facts.js';
import type { DomainEnvelope } from '../views/envelope.js';

/** The name of the AC-2 view, and the key of its snapshot. */
export const COMPLIANCE_VIEW = 'AC-2 appointment compliance';

/** Where a process stands: open, confirmed (AP-9), completed (AP-10) or abandoned (AP-11). */
export type ProcessStage = 'open' | 'confirmed' | 'completed' | 'abandoned';

/** AC-2: one appointment process checked against AP-2..AP-10. */
export interface AppointmentCompliance {
  readonly processId: string;
  /** The unit and role from the opening event; null when the view never saw it. */
  readonly unit: CommandUnit | null;
  readonly role: CommanderRole | null;
  readonly stage: ProcessStage;
  /** AP-2..AP-10 in order, each with its status and evidence. */
  readonly rules: readonly RuleCompliance[];
  /** The rules the process followed. */
  readonly followed: readonly RuleId[];
  /** Whether a local authority chief executive or leader was consulted or in the discussion, and the events that show it. */
  readonly localAuthority: { readonly involved: boolean; readonly sources: readonly EventRef[] };
}

/** AC-2: London-wide share of appointments decided with local-authority involvement. */
export interface LocalAuthorityShare {
  /** Appointments with a final decision (AP-9): the denominator. */
  readonly decidedAppointments: number;
  /** Of those, the ones a local authority chief executive or leader was consulted on or discussed. */
  readonly withLocalAuthority: number;
  /** `withLocalAuthority / decidedAppointments`, from 0 to 1; null when nothing was decided. */
  readonly share: number | null;
  /** Each decided appointment, whether involved, and the events: the decision and the involvement. */
  readonly appointments: readonly { readonly processId: string; readonly involved: boolean; readonly sources: readonly EventRef[] }[];
}

/** AC-2 as a projection with its queries; its snapshot can also be saved and restored in sections, by process. */
export interface ComplianceView extends SectionedProjection<ComplianceSnapshotState> {
  /** Every appointment process seen, by id. */
  readonly processes: () => readonly string[];
  /** How a process stands against AP-2..AP-10, or undefined for a process never seen. */
  readonly complianceOf: (processId: string) => AppointmentCompliance | undefined;
  /** The London-wide share of decided appointments with local-authority involvement. */
  readonly localAuthorityShare: () => LocalAuthorityShare;
  /** Every departure from a rule that `record` mode recorded, in the order recorded. */
  readonly departures: () => readonly RecordedDeparture[];
}

/** io-ts codec of the AC-2 view's state in a snapshot. */
export const ComplianceSnapshotStateCodec = t.readonly(
  t.intersection([
    t.type({ processes: t.readonlyArray(ProcessFactsJsonCodec) }),
    // Snapshots written before departures were recorded have none.
    t.partial({ departures: t.readonlyArray(RecordedDepartureJsonCodec) }),
  ]),
  'ComplianceSnapshotState',
);

/** The AC-2 view's state in a snapshot. */
export type ComplianceSnapshotState = t.TypeOf<typeof ComplianceSnapshotStateCodec>;

const stageOf = (facts: ProcessFacts): ProcessStage =>
  facts.abandoned !== null ? 'abandoned' : facts.outcome !== null ? 'completed' : facts.confirmation !== null ? 'confirmed' : 'open';

// AC-2: the rules, the stage and the local-authority involvement of one process.
const complianceOf = (facts: ProcessFacts, judge: Judge): AppointmentCompliance => {
  const rules = checkCompliance(facts, judge);
  const involvement = localAuthorityInvolvement(facts);
  return {
    processId: facts.processId,
    unit: facts.opened?.data.unit ?? facts.confirmation?.data.unit ?? null,
    role: facts.opened?.data.role ?? facts.confirmation?.data.role ?? null,
    stage: stageOf(facts),
    rules,
    followed: rules.filter((rule) => rule.status === 'followed').map((rule) => rule.rule),
    localAuthority: { involved: involvement.length > 0, sources: involvement },
  };
};

/** What AC-2 keeps: each process's facts, and every recorded departure by its event id. */
interface ComplianceModel {
  readonly processes: Map<string, ProcessFacts>;
  readonly departures: Map<string, RecordedDeparture>;
}

// AC-2: the facts of each process, and the departures `record` mode recorded (each event once).
const foldCompliance = (model: ComplianceModel, envelope: DomainEnvelope): void => {
  foldFacts(model.processes, envelope);
  const departure = departureOf(envelope);
  if (departure !== undefined && !model.departures.has(departure.source.eventId)) model.departures.set(departure.source.eventId, departure);
};

const saveCompliance = (model: ComplianceModel): ComplianceSnapshotState => ({
  processes: [...model.processes.values()].sort((a, b) => compareText(a.processId, b.processId)).map(saveFacts),
  departures: [...model.departures.values()].map(saveDeparture),
});

const loadCompliance = (state: ComplianceSnapshotState): ComplianceModel => ({
  processes: new Map(state.processes.map((facts) => [facts.processId, loadFacts(facts)])),
  departures: new Map((state.departures ?? []).map((json) => [json.source.eventId, loadDeparture(json)])),
});

/**
 * Creates an empty AC-2 compliance view, each step judged under the policy version it recorded (PH-1).
 * The policy history view holds those versions; give the views' shared one. Its snapshot can also
 * be saved in sections, the processes spread over 256 by a hash of their id (the recorded
 * departures in its head), and restored with a section read the first time it is needed.
 */
export const createComplianceView = (policyView: PolicyView = createPolicyView()): ComplianceView => {
  const judge: Judge = (fact) => policyView.judgedUnder(fact.policyVersion, fact.data.at);
  const core = createViewCore<ComplianceModel, ComplianceSnapshotState>({
    name: COMPLIANCE_VIEW,
    stateCodec: ComplianceSnapshotStateCodec,
    empty: () => ({ processes: new Map(), departures: new Map() }),
    fold: foldCompliance,
    save: saveCompliance,
    load: loadCompliance,
  });
  const { unread, ...sectioned } = sectionedCore(core, ComplianceSnapshotStateCodec, loadCompliance, {
    sectionCodec: ComplianceSnapshotStateCodec,
    merge: (model, section) => {
      for (const [processId, facts] of loadCompliance(section).processes) model.processes.set(processId, facts);
    },
    sectionOfEvent: ({ event }) => (isAppointmentEvent(event) ? processSection(event.data.processId) : undefined),
    // The recorded departures stay in the head.
    split: (state) => ({
      head: { processes: [], departures: state.departures ?? [] },
      sections: [...groupBy(state.processes, (facts) => processSection(facts.processId))].map(([key, processes]) => [key, { processes }] as const),
    }),
    foreignKey: (_head, key) => (isProcessSection(key) ? undefined : `'${key}' is not a section of this view's processes`),
  });
  const sortedFacts = (): readonly ProcessFacts[] => {
    unread.readAll();
    return [...core.model().processes.values()].sort((a, b) => compareText(a.processId, b.processId));
  };
  return {
    name: core.name,
    position: core.position,
    ...sectioned,
    processes: () => sortedFacts().map((facts) => facts.processId),
    complianceOf: (processId) => {
      unread.read(processSection(processId));
      const facts = core.model().processes.get(processId);
      return facts === undefined ? undefined : complianceOf(facts, judge);
    },
    localAuthorityShare: () => {
      const appointments = sortedFacts().flatMap((facts) => {
        if (facts.confirmation === null) return [];
        const involvement = localAuthorityInvolvement(facts);
        return [{ processId: facts.processId, involved: involvement.length > 0, sources: [facts.confirmation.ref, ...involvement] }];
      });
      const withLocalAuthority = appointments.filter((appointment) => appointment.involved).length;
      return {
        decidedAppointments: appointments.length,
        withLocalAuthority,
        share: appointments.length === 0 ? null : withLocalAuthority / appointments.length,
        appointments,
      };
    },
    departures: () => [...core.model().departures.values()],
  };
};
