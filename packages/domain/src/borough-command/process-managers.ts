import type { EventMetadata } from '../eventsourcing/envelope.js';
import { deriveCommandId } from '../eventsourcing/event-id.js';
import type { IsoDate } from '../shared/iso-date.js';
import type { CommandUnit } from '../shared/vocabulary.js';
import type { RuleId } from '../shared/rule-id.js';
import type { DomainCommand } from './domain-commands.js';
import type { DomainEvent } from './domain-events.js';

/** An event a process manager reacts to: the event and the id it was recorded with. */
export interface ReactionInput {
  readonly event: DomainEvent;
  readonly metadata: Pick<EventMetadata, 'eventId'>;
}

/**
 * A process manager: a pure function from one recorded event to the commands it leads to. The
 * command ids derive from the event id, so reacting twice to one event sends the same commands,
 * and the second time they write nothing.
 */
export interface ProcessManager {
  readonly name: string;
  readonly rule: RuleId;
  readonly react: (input: ReactionInput) => readonly DomainCommand[];
}

/** AP-12: a confirmed appointment starts the appointed officer's posting on the start date. */
export const appointmentStartsPosting: ProcessManager = {
  name: 'appointment starts posting',
  rule: 'AP-12',
  react: ({ event, metadata }) => {
    if (event.type !== 'AppointmentConfirmed') return [];
    const decision = event.data;
    return [
      {
        type: 'StartPosting',
        commandId: deriveCommandId(metadata.eventId, 'AP-12 start posting'),
        at: decision.startDate,
        unit: decision.unit,
        postingId: decision.processId,
        role: decision.role,
        officer: decision.candidate,
        acting: false,
        lineManager: decision.areaCommander,
        appointmentProcessId: decision.processId,
      },
    ];
  },
};

/**
 * PO-6: when a BCU goes live, the postings of its boroughs' commanders end with the reason
 * "organisational restructure" (exceptional, never a breach); when a BCU is dissolved (RS-9), its
 * commander's posting ends the same way, and so does the designate posting of a BCU withdrawn with
 * its programme. Each end names the restructure and the event that caused it (PO-3).
 */
export const restructureEndsPostings: ProcessManager = {
  name: 'restructure ends postings',
  rule: 'PO-6',
  react: ({ event, metadata }) => {
    // PO-6: one end per unit the event touches, naming the restructure and the event (PO-3).
    const endPostingsOf = (unit: CommandUnit, bcu: string, restructureId: string, at: IsoDate): DomainCommand => ({
      type: 'EndPostingsForRestructure',
      commandId: deriveCommandId(metadata.eventId, `PO-6 end postings of ${unit.name}`),
      at,
      unit,
      bcu,
      restructureId,
      causedBy: metadata.eventId,
    });
    switch (event.type) {
      case 'BcuWentLive': {
        const { restructureId, bcu, boroughs, at } = event.data;
        return boroughs.map((borough) => endPostingsOf({ kind: 'borough', name: borough }, bcu, restructureId, at));
      }
      case 'BcuDissolved': {
        const { restructureId, bcu, at } = event.data;
        return [endPostingsOf({ kind: 'bcu', name: bcu }, bcu, restructureId, at)];
      }
      case 'RestructureProgrammeAbandoned': {
        const { restructureId, withdrawnBcus, at } = event.data;
        return withdrawnBcus.map((bcu) => endPostingsOf({ kind: 'bcu', name: bcu }, bcu, restructureId, at));
      }
      default:
        return [];
    }
  },
};

/** RS-4: the posting id of a BCU commander named (or taking command) on a day. */
export const bcuPostingId = (bcu: string, at: IsoDate): string => `${bcu} from ${at}`;

/** RS-4, PO-3: why the predecessor leaves, as the posting's end takes it; an end for organisational restructure names this restructure. */
const succeedsOf = (data: Extract<DomainEvent, { type: 'BcuCommanderAppointed' }>['data']) => {
  const leaves = data.predecessorLeaves;
  if (data.predecessor === null || leaves === null) return {};
  return {
    succeeds: {
      reason: leaves.reason,
      ...(leaves.detail === null ? {} : { detail: leaves.detail }),
      ...(leaves.approvedBy === null ? {} : { approvedBy: leaves.approvedBy }),
      ...(leaves.reason === 'organisational-restructure' ? { restructure: { restructureId: data.restructureId, bcu: data.bcu } } : {}),
    },
  };
};

/**
 * RS-4: the commander appointed to a BCU has a posting on the BCU from the day named: designate
 * while the BCU is not live (it takes command at go-live), in command at once when it is; interim
 * as appointed. A successor's appointment ends the predecessor's posting the same day, for the
 * recorded reason, in the same decision (PO-3 judges it).
 */
export const bcuCommanderNamed: ProcessManager = {
  name: 'BCU commander named',
  rule: 'RS-4',
  react: ({ event, metadata }) =>
    event.type === 'BcuCommanderAppointed' ? [bcuCommanderPosting(event.data, deriveCommandId(metadata.eventId, 'RS-4 BCU commander named'))] : [],
};

/**
 * RS-4: the posting an appointment to a BCU starts: designate while the BCU is not live, interim
 * as appointed, and succeeding the predecessor for the recorded reason.
 */
export const bcuCommanderPosting = (data: Extract<DomainEvent, { type: 'BcuCommanderAppointed' }>['data'], commandId: string): Extract<DomainCommand, { type: 'StartPosting' }> => ({
  type: 'StartPosting',
  commandId,
  at: data.at,
  unit: { kind: 'bcu', name: data.bcu },
  postingId: bcuPostingId(data.bcu, data.at),
  role: 'bcu-commander',
  officer: data.officer,
  acting: false,
  interim: data.interim,
  designate: !data.live,
  ...succeedsOf(data),
});

/**
 * RS-4: the commander of a BCU that goes live takes command of the BCU: their designate posting
 * takes command that day, or, when they have none (histories recorded before designate postings),
 * a posting starts, interim as appointed.
 */
export const bcuCommanderTakesCommand: ProcessManager = {
  name: 'BCU commander takes command',
  rule: 'RS-4',
  react: ({ event, metadata }) => {
    if (event.type !== 'BcuWentLive') return [];
    const { bcu, commander, interim, at } = event.data;
    return [
      {
        type: 'TakeUpCommand',
        // The id the go-live reaction has always had, so a reaction re-run on an older journal writes nothing.
        commandId: deriveCommandId(metadata.eventId, 'RS-4 BCU commander posting'),
        at,
        unit: { kind: 'bcu', name: bcu },
        postingId: bcuPostingId(bcu, at),
        role: 'bcu-commander',
        officer: commander,
        interim,
      },
    ];
  },
};

/** Every process manager of the domain, in the order they react. */
export const processManagers: readonly ProcessManager[] = [
  appointmentStartsPosting,
  restructureEndsPostings,
  bcuCommanderNamed,
  bcuCommanderTakesCommand,
];

/** The commands every process manager sends in reaction to one event. */
export const reactionsTo = (input: ReactionInput, managers: readonly ProcessManager[] = processManagers): readonly DomainCommand[] =>
  managers.flatMap((manager) => manager.react(input));
