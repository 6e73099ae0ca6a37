import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import {
  domainEventRegistry,
  isAppointmentEvent,
  type CommanderRole,
  type CommandUnit,
  type DomainEvent,
  type IsoDate,
  type Officer,
  type RuleId,
} from '@borough-command/domain';
import type { DomainEnvelope } from '../views/envelope.js';
import { EventRefJsonCodec, loadRef, refOf, saveRef, type EventRef } from '../views/event-ref.js';
import { createViewCore, type SectionedProjection } from '../views/projection.js';
import { groupBy, isProcessSection, processSection } from '../views/process-sections.js';
import { sectionedCore } from '../views/sectioned-core.js';
import { compareText } from '../views/units.js';
import { describeAppointmentEvent, type NamedPerson } from './audit-entry.js';

/** The name of the AU-1 view, and the key of its snapshot. */
export const AUDIT_VIEW = 'AU-1 audit trail';

/** AU-1: one decision of an appointment process: which rule, what, who, when and why, and the event. */
export interface AuditEntry {
  readonly rule: RuleId;
  /** The event type that recorded the decision. */
  readonly step: string;
  readonly decision: string;
  /** The people the event names, and the actor recorded in its metadata. */
  readonly who: { readonly people: readonly NamedPerson[]; readonly actor: string };
  /** The date the decision took effect, and when it was recorded. */
  readonly when: { readonly at: IsoDate; readonly recordedAt: string };
  readonly why: string | null;
  readonly source: EventRef;
}

/** AU-1: every decision of an appointment process, in the order recorded. */
export interface AuditTrail {
  readonly processId: string;
  readonly unit: CommandUnit | null;
  readonly role: CommanderRole | null;
  readonly entries: readonly AuditEntry[];
}

/** One event of a trail as the view keeps it: the event itself, who recorded it and when, and where. */
interface TrailRecord {
  readonly event: DomainEvent;
  readonly actor: string;
  readonly recordedAt: string;
  readonly source: EventRef;
}

/**
 * A process's trail: its events as recorded (the words are put on them when asked), and the ids
 * already in it, so the same event sent again adds nothing.
 */
interface TrailModel {
  readonly processId: string;
  readonly records: TrailRecord[];
  readonly eventIds: Set<string>;
}

/** AU-1 as a projection with its queries; its snapshot can also be saved and restored in sections, by process. */
export interface AuditView extends SectionedProjection<AuditSnapshotState> {
  /** Every appointment process with a trail, by id. */
  readonly processes: () => readonly string[];
  /** The trail of a process, or undefined for a process never seen. */
  readonly trailOf: (processId: string) => AuditTrail | undefined;
}

/** io-ts codec of a domain event in a snapshot, checked by the domain's own codecs. */
const DomainEventJsonCodec = new t.Type<DomainEvent, DomainEvent>(
  'DomainEvent',
  (value): value is DomainEvent => typeof value === 'object' && value !== null && 'type' in value && 'data' in value,
  (value, context) => {
    if (typeof value !== 'object' || value === null || !('type' in value) || typeof value.type !== 'string' || !('data' in value)) {
      return t.failure(value, context, 'expected an event with a type and data');
    }
    const version = domainEventRegistry.versionOf(value.type) ?? 0;
    const decoded = domainEventRegistry.decode({ type: value.type, schemaVersion: version, data: value.data }, { stream: 'snapshot', revision: undefined });
    return E.isLeft(decoded) ? t.failure(value, context, decoded.left._tag === 'EventDecodeFailed' ? `${decoded.left.path}: ${decoded.left.reason}` : `unknown event type '${value.type}'`) : t.success(decoded.right);
  },
  t.identity,
);

/** io-ts codec of the AU-1 view's state in a snapshot. */
export const AuditSnapshotStateCodec = t.readonly(
  t.type({
    trails: t.readonlyArray(
      t.readonly(
        t.type({
          processId: t.string,
          records: t.readonlyArray(
            t.readonly(t.type({ event: DomainEventJsonCodec, actor: t.string, recordedAt: t.string, source: EventRefJsonCodec })),
          ),
        }),
      ),
    ),
  }),
  'AuditSnapshotState',
);

/** The AU-1 view's state in a snapshot. */
export type AuditSnapshotState = t.TypeOf<typeof AuditSnapshotStateCodec>;

const processIdOf = (event: DomainEvent): string | null => {
  if (event.type === 'PostingStarted') return event.data.appointmentProcessId;
  return isAppointmentEvent(event) ? event.data.processId : null;
};

/** One string per distinct value: the actors who record a trail's decisions are few and recur from event to event. */
const createInterner = (): ((text: string) => string) => {
  const known = new Map<string, string>();
  return (text) => {
    const kept = known.get(text);
    if (kept !== undefined) return kept;
    known.set(text, text);
    return text;
  };
};

// AU-1: every event of a process (and the posting it started), once each, in the order recorded.
const foldWith = (intern: (text: string) => string) => (trails: Map<string, TrailModel>, envelope: DomainEnvelope): void => {
  const { event, metadata } = envelope;
  const processId = processIdOf(event);
  if (processId === null) return;
  let trail = trails.get(processId);
  if (trail === undefined) {
    trail = { processId, records: [], eventIds: new Set() };
    trails.set(processId, trail);
  }
  if (trail.eventIds.has(metadata.eventId)) return;
  trail.eventIds.add(metadata.eventId);
  trail.records.push({ event, actor: intern(metadata.actor), recordedAt: metadata.recordedAt, source: refOf(envelope) });
};

/** AU-1: a trail in words: each record described with the candidates recorded before it. */
const trailOf = (trail: TrailModel): AuditTrail => {
  const candidates = new Map<string, Officer>();
  let unit: CommandUnit | null = null;
  let role: CommanderRole | null = null;
  const entries: AuditEntry[] = [];
  for (const record of trail.records) {
    const { event } = record;
    if (event.type === 'AppointmentProcessOpened') {
      unit = event.data.unit;
      role = event.data.role;
    } else if (event.type === 'CandidateRecorded') {
      candidates.set(event.data.candidate.id, event.data.candidate);
    }
    const described = describeAppointmentEvent(event, candidates);
    if (described === undefined) continue;
    entries.push({
      rule: described.rule,
      step: event.type,
      decision: described.decision,
      who: { people: described.people, actor: record.actor },
      when: { at: described.at, recordedAt: record.recordedAt },
      why: described.why,
      source: record.source,
    });
  }
  return { processId: trail.processId, unit, role, entries };
};

const saveTrails = (trails: ReadonlyMap<string, TrailModel>): AuditSnapshotState => ({
  trails: [...trails.values()]
    .sort((a, b) => compareText(a.processId, b.processId))
    .map((trail) => ({ processId: trail.processId, records: trail.records.map((record) => ({ ...record, source: saveRef(record.source) })) })),
});

const loadTrails = (state: AuditSnapshotState): Map<string, TrailModel> =>
  new Map(
    state.trails.map((trail) => [
      trail.processId,
      {
        processId: trail.processId,
        records: trail.records.map((record) => ({ ...record, source: loadRef(record.source) })),
        eventIds: new Set(trail.records.map((record) => record.source.eventId)),
      },
    ]),
  );

/**
 * Creates an empty AU-1 audit trail view, which can also be saved and restored in sections.
 * The trails are spread over 256 sections by a hash of their process id (`processSection`); a view
 * restored in sections reads one the first time a question asks about one of its processes (or a
 * fold adds to one).
 */
export const createAuditView = (): AuditView => {
  const core = createViewCore<Map<string, TrailModel>, AuditSnapshotState>({
    name: AUDIT_VIEW,
    stateCodec: AuditSnapshotStateCodec,
    empty: () => new Map(),
    fold: foldWith(createInterner()),
    save: saveTrails,
    load: loadTrails,
  });
  const { unread, ...sectioned } = sectionedCore(core, AuditSnapshotStateCodec, loadTrails, {
    sectionCodec: AuditSnapshotStateCodec,
    merge: (trails, section) => {
      for (const [processId, trail] of loadTrails(section)) trails.set(processId, trail);
    },
    sectionOfEvent: ({ event }) => {
      const processId = processIdOf(event);
      return processId === null ? undefined : processSection(processId);
    },
    split: (state) => ({
      head: { trails: [] },
      sections: [...groupBy(state.trails, (trail) => processSection(trail.processId))].map(([key, trails]) => [key, { trails }] as const),
    }),
    foreignKey: (_head, key) => (isProcessSection(key) ? undefined : `'${key}' is not a section of this view's trails`),
  });
  return {
    name: core.name,
    position: core.position,
    ...sectioned,
    processes: () => {
      unread.readAll();
      return [...core.model().keys()].sort(compareText);
    },
    trailOf: (processId) => {
      unread.read(processSection(processId));
      const trail = core.model().get(processId);
      return trail === undefined ? undefined : trailOf(trail);
    },
  };
};
