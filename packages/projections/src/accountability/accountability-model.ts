import type { CommanderRole, CommandUnit, IsoDate, Officer, Partner, PartnerKind } from '@borough-command/domain';
import type { Memberships } from '../views/bcu-membership.js';
import type { EventRef } from '../views/event-ref.js';
import type { UnitIndex } from '../views/units.js';

/** A partner's first contribution to a posting's assessments (PO-4). */
export interface PartnerContribution {
  readonly partner: Partner;
  /** The date of the earliest assessment the partner contributed to. */
  firstOn: IsoDate;
  source: EventRef;
}

/**
 * A posting as the accountability view keeps it. Assessments are kept as each partner's first
 * contribution and the first assessment without a partner: enough to answer "as at" any date,
 * and bounded however many assessments are recorded.
 */
export interface CommandPosting {
  readonly postingId: string;
  readonly unit: CommandUnit;
  readonly role: CommanderRole;
  readonly officer: Officer;
  readonly acting: boolean;
  /** RS-4: an interim commander of a pathfinder BCU. */
  readonly interim: boolean;
  /** RS-4: the posting began as a designation, before the unit went live. */
  readonly designate: boolean;
  /** The day the posting began: for a designate posting, the day its holder was named. */
  readonly start: IsoDate;
  /** RS-4: the day the holder took command (the start, or a designate posting's go-live); null before. */
  commandFrom: IsoDate | null;
  end: IsoDate | null;
  readonly lineManager: string | null;
  readonly appointmentProcessId: string | null;
  readonly started: EventRef;
  /** RS-4: the `CommandTakenUp` of a designate posting. */
  takenUp: EventRef | null;
  ended: EventRef | null;
  /** Each partner's first contribution, by kind then name. */
  readonly assessmentPartners: Map<PartnerKind, Map<string, PartnerContribution>>;
  /** PO-4: the earliest assessment no partner contributed to, flagged. */
  unpartnered: { on: IsoDate; source: EventRef } | null;
}

/** A superintendent dedicated to a borough of a live BCU from a date (RS-5). */
export interface DedicatedAssignment {
  readonly bcu: string;
  readonly superintendent: Officer;
  readonly from: IsoDate;
  readonly source: EventRef;
}

/** RS-1: a BCU proposed with its boroughs, from the day of the proposal. */
export interface BcuProposal {
  readonly bcu: string;
  readonly boroughs: readonly string[];
  readonly on: IsoDate;
  readonly source: EventRef;
}

/** The partners involved in an appointment's final decision (AP-9). */
export interface AppointmentPartners {
  /** The unit the appointment is to; null when restored from a snapshot written before units were kept. */
  readonly unit: CommandUnit | null;
  readonly partners: readonly Partner[];
  readonly decidedOn: IsoDate;
  readonly source: EventRef;
}

/** What the accountability view keeps. */
export interface AccountabilityModel {
  /** Each command unit's postings, by posting id. */
  readonly units: UnitIndex<Map<string, CommandPosting>>;
  /** Each borough's periods in live BCUs. */
  readonly memberships: Memberships;
  /** The BCUs live now (in the order events were recorded) and their boroughs. */
  readonly liveBcus: Map<string, readonly string[]>;
  /** Each borough's dedicated superintendents in order of assignment. */
  readonly dedicated: Map<string, DedicatedAssignment[]>;
  /** Each confirmed appointment's partners, by process id. */
  readonly appointments: Map<string, AppointmentPartners>;
  /** RS-1: each BCU's proposals, in the order recorded, so a commander-designate is known to its boroughs. */
  readonly proposals: Map<string, BcuProposal[]>;
}

/** Every partner's first contribution to a posting's assessments. */
export const contributionsOf = (posting: CommandPosting): readonly PartnerContribution[] =>
  [...posting.assessmentPartners.values()].flatMap((byName) => [...byName.values()]);
