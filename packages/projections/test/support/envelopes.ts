import {
  addDays,
  appointmentStream,
  daysBetween,
  defaultPolicy,
  isoDate,
  minimumTermEnd,
  postingStream,
  restructureStream,
  valuesOn,
  type CommanderRole,
  type CommandUnit,
  type DomainEvent,
  type EndReason,
  type IsoDate,
  type Officer,
  type Partner,
} from '@borough-command/domain';
import type { DomainEnvelope, EventDataOf } from '../../src/index.js';

/** Options of one hand-built envelope. */
export interface EnvelopeOptions {
  readonly actor?: string;
  readonly recordedAt?: string;
  /** An explicit event id; `<stream>#<revision>` by default. */
  readonly eventId?: string;
}

/** Builds envelopes by hand: global positions from a base, revisions counted per stream. */
export interface EnvelopeLog {
  /** Records an event in a stream and returns its envelope. */
  readonly record: (stream: string, event: DomainEvent, options?: EnvelopeOptions) => DomainEnvelope;
  /** Every envelope recorded so far, in order. */
  readonly all: () => readonly DomainEnvelope[];
}

/** A log whose first position is `base` (high by default, so snapshot sizes do not change with digit counts). */
export const envelopeLog = (base = 1_000_000n): EnvelopeLog => {
  let position = base;
  const revisions = new Map<string, bigint>();
  const recorded: DomainEnvelope[] = [];
  return {
    record: (stream, event, options = {}) => {
      const revision = revisions.get(stream) ?? 0n;
      revisions.set(stream, revision + 1n);
      const envelope: DomainEnvelope = {
        event,
        metadata: {
          eventId: options.eventId ?? `${stream}#${revision.toString()}`,
          commandId: `command-${position.toString()}`,
          correlationId: `flow-${stream}`,
          causationId: `command-${position.toString()}`,
          actor: options.actor ?? 'clerk',
          recordedAt: options.recordedAt ?? '2024-01-01T00:00:00.000Z',
          schemaVersion: 1,
        },
        stream,
        revision,
        position,
      };
      position += 1n;
      recorded.push(envelope);
      return envelope;
    },
    all: () => recorded,
  };
};

/** A borough as a command unit. */
export const borough = (name: string): CommandUnit => ({ kind: 'borough', name });
/** A BCU as a command unit. */
export const bcu = (name: string): CommandUnit => ({ kind: 'bcu', name });
/** An officer. */
export const officer = (id: string, name: string, rank: Officer['rank'] = 'chief-superintendent'): Officer => ({ id, name, rank });
/** A date literal. */
export const d = isoDate;

/** The stream of a unit's postings. */
export const postingsOf = postingStream;
/** The stream of an appointment process. */
export const processStream = appointmentStream;
/** The stream of the Met's restructure. */
export const metRestructure = restructureStream('met');

/** What a `PostingStarted` needs; the rest has defaults (substantive borough commander, no line manager). */
export interface StartFields {
  readonly unit: CommandUnit;
  readonly postingId: string;
  readonly officer: Officer;
  readonly start: IsoDate;
  readonly role?: CommanderRole;
  readonly acting?: boolean;
  readonly lineManager?: string | null;
  readonly appointmentProcessId?: string | null;
}

const roleOf = (fields: { readonly unit: CommandUnit; readonly role?: CommanderRole }): CommanderRole =>
  fields.role ?? (fields.unit.kind === 'borough' ? 'borough-commander' : 'bcu-commander');

/** A `PostingStarted` event; its minimum-term end follows the default policy. */
export const postingStarted = (fields: StartFields): DomainEvent => {
  const role = roleOf(fields);
  const acting = fields.acting ?? false;
  return {
    type: 'PostingStarted',
    data: {
      postingId: fields.postingId,
      unit: fields.unit,
      role,
      officer: fields.officer,
      acting,
      interim: false,
      designate: false,
      start: fields.start,
      lineManager: fields.lineManager ?? null,
      appointmentProcessId: fields.appointmentProcessId ?? null,
      minimumTermEnd: minimumTermEnd(valuesOn(defaultPolicy, fields.start), { role, acting, start: fields.start }) ?? null,
    },
  };
};

/** What a `PostingEnded` needs besides the start fields. */
export interface EndFields extends StartFields {
  readonly end: IsoDate;
  readonly reason: EndReason;
  readonly exceptional?: boolean;
  readonly approvedBy?: string | null;
  readonly detail?: string | null;
}

/** A `PostingEnded` event, consistent with the default policy's minimum term. */
export const postingEnded = (fields: EndFields): DomainEvent => {
  const role = roleOf(fields);
  const acting = fields.acting ?? false;
  const termEnd = minimumTermEnd(valuesOn(defaultPolicy, fields.start), { role, acting, start: fields.start }) ?? null;
  return {
    type: 'PostingEnded',
    data: {
      postingId: fields.postingId,
      unit: fields.unit,
      role,
      officer: fields.officer,
      acting,
      start: fields.start,
      end: fields.end,
      reason: fields.reason,
      detail: fields.detail ?? null,
      approvedBy: fields.approvedBy ?? null,
      daysServed: daysBetween(fields.start, fields.end),
      minimumTermEnd: termEnd,
      minimumTermMet: termEnd === null ? null : fields.end >= termEnd,
      exceptional: fields.exceptional ?? false,
      restructure: null,
    },
  };
};

/** A `MinimumTermBreached` event for an early end without an approved exceptional reason. */
export const minimumTermBreached = (fields: EndFields & { readonly minimumTermEnd: IsoDate }): DomainEvent => ({
  type: 'MinimumTermBreached',
  data: {
    postingId: fields.postingId,
    unit: fields.unit,
    officer: fields.officer,
    start: fields.start,
    end: fields.end,
    minimumTermEnd: fields.minimumTermEnd,
    daysShort: daysBetween(fields.end, fields.minimumTermEnd),
    reason: fields.reason,
    missing: 'exceptional-reason',
  },
});

/** A `PerformanceAssessed` event. */
export const performanceAssessed = (
  fields: { readonly unit: CommandUnit; readonly postingId: string; readonly officer: Officer },
  at: IsoDate,
  partners: readonly Partner[],
  assessedBy = 'Area Commander Grey',
): DomainEvent => ({
  type: 'PerformanceAssessed',
  data: { postingId: fields.postingId, unit: fields.unit, officer: fields.officer, assessedBy, partners, noPartnerInvolved: partners.length === 0, at },
});

/** The data of a `BcuWentLive` event with its boroughs' dedicated superintendents. */
export const bcuWentLive = (
  name: string,
  boroughs: readonly string[],
  commander: Officer,
  at: IsoDate,
  dedicated: readonly (readonly [string, Officer])[],
): DomainEvent => ({
  type: 'BcuWentLive',
  data: {
    restructureId: 'met',
    programmeId: 'pathfinder',
    bcu: name,
    boroughs,
    commander,
    interim: true,
    functionLeads: [],
    dedicatedSuperintendents: dedicated.map(([boroughName, superintendent]) => ({ borough: boroughName, superintendent })),
    at,
  },
});

/** A `BcuDissolved` event. */
export const bcuDissolved = (name: string, boroughs: readonly string[], at: IsoDate, reason = 'the model is withdrawn'): DomainEvent => ({
  type: 'BcuDissolved',
  data: { restructureId: 'met', bcu: name, boroughs, reason, at },
});

/** A `SuperintendentAssigned` event dedicating a superintendent to a borough. */
export const superintendentDedicated = (bcuName: string, boroughName: string, superintendent: Officer, at: IsoDate): DomainEvent => ({
  type: 'SuperintendentAssigned',
  data: { restructureId: 'met', bcu: bcuName, superintendent, leads: null, dedicatedTo: boroughName, at },
});

/** The data of one appointment event, by type. */
export type AppointmentData<T extends DomainEvent['type']> = EventDataOf<T>;

/** An appointment event of a type with its data. */
export const appointmentEvent = <T extends DomainEvent['type']>(type: T, data: EventDataOf<T>): DomainEvent =>
  ({ type, data }) as unknown as DomainEvent;

/** The date `days` days after a literal date. */
export const addDaysTo = (date: string, days: number): IsoDate => addDays(isoDate(date), days);
