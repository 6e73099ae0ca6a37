import * as E from 'fp-ts/lib/Either.js';
import {
  isLondonBorough,
  oversightBodyOn,
  type CommanderRole,
  type CommandUnit,
  type DomainEvent,
  type IsoDate,
  type Officer,
  type Partner,
} from '@borough-command/domain';
import { createPolicyView, type PolicyView } from '../policy/policy-view.js';
import { membershipOn, type MembershipPeriod } from '../views/bcu-membership.js';
import { presentRefs, sortedRefs, type EventRef } from '../views/event-ref.js';
import { createViewCore, type SectionedProjection } from '../views/projection.js';
import { bcuUnit, boroughUnit, compareText, emptyUnitIndex, principalRole, unitKey, unitValue } from '../views/units.js';
import { sectionedCore } from '../views/sectioned-core.js';
import { foldAccountability } from './accountability-fold.js';
import {
  contributionsOf,
  type AccountabilityModel,
  type AppointmentPartners,
  type CommandPosting,
  type DedicatedAssignment,
} from './accountability-model.js';
import {
  AccountabilitySectionCodec,
  AccountabilitySnapshotStateCodec,
  loadAccountability,
  mergeAccountabilitySection,
  saveAccountability,
  splitAccountability,
  type AccountabilitySnapshotState,
} from './accountability-snapshot.js';

/** The name of the AC-1 view, and the key of its snapshot. */
export const ACCOUNTABILITY_VIEW = 'AC-1 accountability';

/** Who commanded a unit on a date, in which role, and whether acting or interim. */
export interface CommanderOnDate {
  readonly officer: Officer;
  readonly role: CommanderRole;
  readonly acting: boolean;
  /** RS-4: an interim commander of a pathfinder BCU. */
  readonly interim: boolean;
  /** RS-4: the posting began as a designation, before the unit went live. */
  readonly designate: boolean;
  readonly postingId: string;
  /** The day the posting began: for a designate posting, the day its holder was named. */
  readonly postingStart: IsoDate;
  /** The day the holder took command: the posting's start, or (RS-4) a designate posting's go-live. */
  readonly since: IsoDate;
  /** The `PostingStarted` event, and the `CommandTakenUp` of a designate posting. */
  readonly sources: readonly EventRef[];
}

/**
 * RS-4: the commander named for a BCU the borough is to join, not yet live on the date: named, not
 * accountable for the borough until the BCU goes live and they take command.
 */
export interface CommanderDesignate {
  readonly officer: Officer;
  readonly bcu: string;
  readonly interim: boolean;
  readonly postingId: string;
  /** The day they were named. */
  readonly namedOn: IsoDate;
  /** `BcuProposed` of the BCU (naming the borough) and the designate posting's `PostingStarted`. */
  readonly sources: readonly EventRef[];
}

/** AC-1: who answered for a borough on a date, and to whom, with the events behind each answer. */
export interface Accountability {
  readonly borough: string;
  readonly date: IsoDate;
  /** The command unit the borough belonged to: the borough itself, or the live BCU it had joined. */
  readonly commandUnit: {
    readonly unit: CommandUnit;
    readonly merged: boolean;
    /** `BcuWentLive` of the BCU; or the `BcuDissolved` that last returned the borough to its own command. */
    readonly sources: readonly EventRef[];
  };
  /**
   * The holder of the unit's command (borough commander or BCU commander) on the date: substantive,
   * else acting; a designate BCU commander only from the day they took command (RS-4).
   */
  readonly commander: CommanderOnDate | null;
  /** RS-4: the commander-designate of a BCU the borough is proposed for and that is not live on the date; not accountable yet. */
  readonly commanderDesignate: CommanderDesignate | null;
  /** Holders of the unit's other commander roles (a link borough commander). */
  readonly otherCommanders: readonly CommanderOnDate[];
  /** RS-5: the superintendent dedicated to the borough in its BCU; null for a borough command. */
  readonly dedicatedSuperintendent: {
    readonly superintendent: Officer;
    readonly bcu: string;
    readonly since: IsoDate;
    readonly sources: readonly EventRef[];
  } | null;
  /** The commander's line manager, as the posting recorded it. */
  readonly lineManager: { readonly name: string; readonly sources: readonly EventRef[] } | null;
  /** The oversight body in force on the date, from the policy (MPA, then MOPAC); no event decides it. */
  readonly oversightBody: string | null;
  /** AP-9: the partners involved in the commander's appointment. */
  readonly appointmentPartners: {
    readonly processId: string;
    readonly partners: readonly Partner[];
    readonly decidedOn: IsoDate;
    readonly sources: readonly EventRef[];
  } | null;
  /** PO-4: the partners who contributed to the commander's assessments up to the date, in order of first contribution. */
  readonly assessmentPartners: { readonly partners: readonly Partner[]; readonly sources: readonly EventRef[] };
  /** PO-4: the first assessment up to the date that no partner contributed to, flagged. */
  readonly unpartneredAssessment: { readonly on: IsoDate; readonly sources: readonly EventRef[] } | null;
}

/** A name that is not one of London's 32 boroughs. */
export interface NotALondonBorough {
  readonly _tag: 'NotALondonBorough';
  readonly borough: string;
  readonly message: string;
}

/** AC-1 as a projection with its query; its snapshot can also be saved and restored in sections, one per command unit. */
export interface AccountabilityView extends SectionedProjection<AccountabilitySnapshotState> {
  /** AC-1: accountability for a borough as at a date; events dated later do not change the answer. */
  readonly accountabilityOn: (borough: string, date: IsoDate) => E.Either<NotALondonBorough, Accountability>;
}

const inForce = (posting: CommandPosting, date: IsoDate): boolean => posting.start <= date && (posting.end === null || date < posting.end);

/** A posting in command on a date; with the day command began. */
type InCommand = CommandPosting & { readonly commandFrom: IsoDate };

// RS-4: a posting commands from the day its holder took command (a designate posting from go-live) until it ends.
const inCommand = (posting: CommandPosting, date: IsoDate): posting is InCommand =>
  posting.commandFrom !== null && posting.commandFrom <= date && (posting.end === null || date < posting.end);

/** The posting in command of a role on a date: substantive first, else acting; the latest to take command (then id) among equals. */
const holderOf = (postings: readonly CommandPosting[], role: CommanderRole, date: IsoDate): InCommand | undefined => {
  const candidates = postings
    .filter((posting): posting is InCommand => posting.role === role && inCommand(posting, date))
    .sort(
      (a, b) =>
        Number(a.acting) - Number(b.acting) || compareText(b.commandFrom, a.commandFrom) || compareText(a.postingId, b.postingId),
    );
  return candidates[0];
};

const commanderOf = (posting: InCommand): CommanderOnDate => ({
  officer: posting.officer,
  role: posting.role,
  acting: posting.acting,
  interim: posting.interim,
  designate: posting.designate,
  postingId: posting.postingId,
  postingStart: posting.start,
  since: posting.commandFrom,
  sources: presentRefs(posting.started, posting.takenUp),
});

/**
 * RS-4: the commander-designate on a date of a BCU proposed (on or before the date) with the
 * borough: a BCU commander posting in force but not in command that day. The latest named first.
 */
const designateOf = (model: AccountabilityModel, read: SectionReader, borough: string, date: IsoDate): CommanderDesignate | null => {
  let found: CommanderDesignate | null = null;
  for (const [bcu, proposals] of model.proposals) {
    const proposal = proposals.filter((candidate) => candidate.on <= date && candidate.boroughs.includes(borough)).at(-1);
    if (proposal === undefined) continue;
    for (const posting of read.postingsOf(bcuUnit(bcu))?.values() ?? []) {
      if (posting.acting || !inForce(posting, date) || inCommand(posting, date)) continue;
      if (found !== null && (posting.start < found.namedOn || (posting.start === found.namedOn && posting.postingId > found.postingId))) continue;
      found = {
        officer: posting.officer,
        bcu,
        interim: posting.interim,
        postingId: posting.postingId,
        namedOn: posting.start,
        sources: [proposal.source, posting.started],
      };
    }
  }
  return found;
};

const lastReturn = (periods: readonly MembershipPeriod[], date: IsoDate): EventRef | null => {
  let found: MembershipPeriod | undefined;
  for (const period of periods) {
    if (period.until === null || period.until > date) continue;
    if (found === undefined || found.until === null || period.until >= found.until) found = period;
  }
  return found?.dissolved ?? null;
};

const dedicatedOn = (assignments: readonly DedicatedAssignment[], bcu: string, date: IsoDate): DedicatedAssignment | undefined => {
  let found: DedicatedAssignment | undefined;
  for (const assignment of assignments) {
    if (assignment.bcu === bcu && assignment.from <= date && (found === undefined || assignment.from >= found.from)) found = assignment;
  }
  return found;
};

// AC-1: the answer for a borough on a date reads only what is dated on or before it.
const accountabilityOn = (model: AccountabilityModel, read: SectionReader, policy: PolicyView, borough: string, date: IsoDate): Accountability => {
  const membership = membershipOn(model.memberships, borough, date);
  const unit = membership === undefined ? boroughUnit(borough) : bcuUnit(membership.bcu);
  const postings = [...(read.postingsOf(unit)?.values() ?? [])];
  const principal = principalRole(unit);
  const holder = holderOf(postings, principal, date);
  const otherRoles = [...new Set(postings.map((posting) => posting.role))].filter((role) => role !== principal).sort(compareText);
  const others = otherRoles.flatMap((role) => {
    const other = holderOf(postings, role, date);
    return other === undefined ? [] : [commanderOf(other)];
  });
  const dedicated = membership === undefined ? undefined : dedicatedOn(model.dedicated.get(borough) ?? [], membership.bcu, date);
  const appointment =
    holder?.appointmentProcessId === null || holder === undefined ? undefined : read.appointmentOf(holder.appointmentProcessId, holder.unit);
  const contributions = (holder === undefined ? [] : contributionsOf(holder))
    .filter((contribution) => contribution.firstOn <= date)
    .sort(
      (a, b) =>
        compareText(a.firstOn, b.firstOn) || compareText(a.partner.kind, b.partner.kind) || compareText(a.partner.name, b.partner.name),
    );
  const unpartnered = holder?.unpartnered;
  const returned = membership === undefined ? lastReturn(model.memberships.get(borough) ?? [], date) : null;
  return {
    borough,
    date,
    commandUnit: {
      unit,
      merged: membership !== undefined,
      sources: membership === undefined ? presentRefs(returned) : [membership.wentLive],
    },
    commander: holder === undefined ? null : commanderOf(holder),
    commanderDesignate: designateOf(model, read, borough, date),
    otherCommanders: others,
    dedicatedSuperintendent:
      dedicated === undefined
        ? null
        : { superintendent: dedicated.superintendent, bcu: dedicated.bcu, since: dedicated.from, sources: [dedicated.source] },
    lineManager:
      holder === undefined || holder.lineManager === null ? null : { name: holder.lineManager, sources: [holder.started] },
    // AC-1: the oversight body in force on the date, from the policy's recorded history (MPA until 2012-01-15, MOPAC from 2012-01-16).
    oversightBody: oversightBodyOn(policy.policy(), date),
    appointmentPartners:
      appointment === undefined || holder === undefined || holder.appointmentProcessId === null
        ? null
        : {
            processId: holder.appointmentProcessId,
            partners: appointment.partners,
            decidedOn: appointment.decidedOn,
            sources: [appointment.source, holder.started],
          },
    assessmentPartners: {
      partners: contributions.map((contribution) => contribution.partner),
      sources: sortedRefs(contributions.map((contribution) => contribution.source)),
    },
    unpartneredAssessment:
      unpartnered === undefined || unpartnered === null || unpartnered.on > date ? null : { on: unpartnered.on, sources: [unpartnered.source] },
  };
};

/**
 * The command unit whose section an event changes: a posting's unit, or the unit an appointment
 * was confirmed to (a process is confirmed once, AP-9, so no other section holds its appointment).
 * Undefined for the events that change only the head (BCU proposals, periods, dedicated superintendents).
 */
const sectionOfEvent = (event: DomainEvent): CommandUnit | undefined => {
  switch (event.type) {
    case 'PostingStarted':
    case 'CommandTakenUp':
    case 'PostingEnded':
    case 'PerformanceAssessed':
    case 'AppointmentConfirmed':
      return event.data.unit;
    default:
      return undefined;
  }
};

/** How a query reads the parts of the model kept in sections: each unit's postings, and an appointment. */
interface SectionReader {
  readonly postingsOf: (unit: CommandUnit) => ReadonlyMap<string, CommandPosting> | undefined;
  /** The appointment of a process, looked for first in the section of the unit of the posting it started. */
  readonly appointmentOf: (processId: string, unit: CommandUnit) => AppointmentPartners | undefined;
}

/**
 * Creates an empty AC-1 accountability view; the policy history view names the oversight body (PH-1).
 * Its snapshot can also be saved in sections, one per command unit, and restored with a unit's
 * section read the first time a question asks about the unit (any fold or whole snapshot reads
 * every section first).
 */
export const createAccountabilityView = (policy: PolicyView = createPolicyView()): AccountabilityView => {
  const core = createViewCore<AccountabilityModel, AccountabilitySnapshotState>({
    name: ACCOUNTABILITY_VIEW,
    stateCodec: AccountabilitySnapshotStateCodec,
    empty: () => ({
      units: emptyUnitIndex(),
      memberships: new Map(),
      liveBcus: new Map(),
      dedicated: new Map(),
      appointments: new Map(),
      proposals: new Map(),
    }),
    fold: foldAccountability,
    save: saveAccountability,
    load: loadAccountability,
  });
  const { unread, ...sectioned } = sectionedCore(core, AccountabilitySnapshotStateCodec, loadAccountability, {
    sectionCodec: AccountabilitySectionCodec,
    merge: mergeAccountabilitySection,
    // A fold changes the section of the event's unit and the head, nothing else.
    sectionOfEvent: ({ event }) => {
      const unit = sectionOfEvent(event);
      return unit === undefined ? undefined : unitKey(unit);
    },
    split: splitAccountability,
    foreignKey: (_head, key) => (/^(borough|bcu):./.test(key) ? undefined : `'${key}' is not the section of a command unit`),
  });
  const read: SectionReader = {
    postingsOf: (unit) => {
      unread.read(unitKey(unit));
      return unitValue(core.model().units, unit);
    },
    appointmentOf: (processId, unit) => {
      unread.read(unitKey(unit));
      const appointments = core.model().appointments;
      if (!appointments.has(processId)) unread.readAll();
      return appointments.get(processId);
    },
  };
  return {
    name: core.name,
    position: core.position,
    ...sectioned,
    accountabilityOn: (borough, date) =>
      isLondonBorough(borough)
        ? E.right(accountabilityOn(core.model(), read, policy, borough, date))
        : E.left({ _tag: 'NotALondonBorough', borough, message: `'${borough}' is not one of London's 32 boroughs` }),
  };
};
