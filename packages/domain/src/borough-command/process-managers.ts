import type { EventMetadata } from '../eventsourcing/envelope.js';
import { deriveCommandId } from '../eventsourcing/event-id.js';
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
 * commander's posting ends the same way.
 */
export const restructureEndsPostings: ProcessManager = {
  name: 'restructure ends postings',
  rule: 'PO-6',
  react: ({ event, metadata }) => {
    if (event.type === 'BcuWentLive') {
      const { bcu, boroughs, at } = event.data;
      return boroughs.map((borough) => ({
        type: 'EndPostingsForRestructure',
        commandId: deriveCommandId(metadata.eventId, `PO-6 end postings of ${borough}`),
        at,
        unit: { kind: 'borough', name: borough },
        bcu,
      }));
    }
    if (event.type === 'BcuDissolved') {
      const { bcu, at } = event.data;
      return [
        {
          type: 'EndPostingsForRestructure',
          commandId: deriveCommandId(metadata.eventId, `PO-6 end postings of ${bcu}`),
          at,
          unit: { kind: 'bcu', name: bcu },
          bcu,
        },
      ];
    }
    return [];
  },
};

/** RS-4: the commander of a BCU that goes live takes command of the BCU: a posting starts. */
export const bcuCommanderTakesCommand: ProcessManager = {
  name: 'BCU commander takes command',
  rule: 'RS-4',
  react: ({ event, metadata }) => {
    if (event.type !== 'BcuWentLive') return [];
    const { bcu, commander, at } = event.data;
    return [
      {
        type: 'StartPosting',
        commandId: deriveCommandId(metadata.eventId, 'RS-4 BCU commander posting'),
        at,
        unit: { kind: 'bcu', name: bcu },
        postingId: `${bcu} from ${at}`,
        role: 'bcu-commander',
        officer: commander,
        acting: false,
      },
    ];
  },
};

/** Every process manager of the domain, in the order they react. */
export const processManagers: readonly ProcessManager[] = [appointmentStartsPosting, restructureEndsPostings, bcuCommanderTakesCommand];

/** The commands every process manager sends in reaction to one event. */
export const reactionsTo = (input: ReactionInput, managers: readonly ProcessManager[] = processManagers): readonly DomainCommand[] =>
  managers.flatMap((manager) => manager.react(input));
