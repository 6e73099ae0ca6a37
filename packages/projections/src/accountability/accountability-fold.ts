import { joinBcu, leaveBcu } from '../views/bcu-membership.js';
import type { DomainEnvelope, EventDataOf } from '../views/envelope.js';
import { refOf, type EventRef } from '../views/event-ref.js';
import { unitValue, unitValueOrNew } from '../views/units.js';
import type { AccountabilityModel, CommandPosting, DedicatedAssignment, PartnerContribution } from './accountability-model.js';

const started = (model: AccountabilityModel, data: EventDataOf<'PostingStarted'>, ref: EventRef): void => {
  const postings = unitValueOrNew(model.units, data.unit, () => new Map<string, CommandPosting>());
  if (postings.has(data.postingId)) return;
  postings.set(data.postingId, {
    postingId: data.postingId,
    unit: data.unit,
    role: data.role,
    officer: data.officer,
    acting: data.acting,
    interim: data.interim,
    designate: data.designate,
    start: data.start,
    // RS-4: a designate posting takes command later, when its unit goes live.
    commandFrom: data.designate ? null : data.start,
    end: null,
    lineManager: data.lineManager,
    appointmentProcessId: data.appointmentProcessId,
    started: ref,
    takenUp: null,
    ended: null,
    assessmentPartners: new Map(),
    unpartnered: null,
  });
};

// RS-4: a designate posting took command the day its unit went live.
const takenUp = (model: AccountabilityModel, data: EventDataOf<'CommandTakenUp'>, ref: EventRef): void => {
  const posting = unitValue(model.units, data.unit)?.get(data.postingId);
  if (posting === undefined || posting.takenUp !== null) return;
  posting.commandFrom = data.at;
  posting.takenUp = ref;
};

// RS-1: a BCU's proposal names the boroughs its commander-designate will answer for; the same proposal again adds nothing.
const proposed = (model: AccountabilityModel, data: EventDataOf<'BcuProposed'>, ref: EventRef): void => {
  const proposals = model.proposals.get(data.bcu) ?? [];
  if (proposals.some((proposal) => proposal.on === data.at)) return;
  proposals.push({ bcu: data.bcu, boroughs: data.boroughs, on: data.at, source: ref });
  model.proposals.set(data.bcu, proposals);
};

const ended = (model: AccountabilityModel, data: EventDataOf<'PostingEnded'>, ref: EventRef): void => {
  const posting = unitValue(model.units, data.unit)?.get(data.postingId);
  if (posting === undefined || posting.ended !== null) return;
  posting.end = data.end;
  posting.ended = ref;
};

// PO-4: each partner's earliest contribution, and the earliest assessment without a partner; the
// reference is made only when something is kept, so repeated assessments cost little.
const assessed = (model: AccountabilityModel, data: EventDataOf<'PerformanceAssessed'>, envelope: DomainEnvelope): void => {
  const posting = unitValue(model.units, data.unit)?.get(data.postingId);
  if (posting === undefined) return;
  for (const partner of data.partners) {
    let byName = posting.assessmentPartners.get(partner.kind);
    if (byName === undefined) {
      byName = new Map<string, PartnerContribution>();
      posting.assessmentPartners.set(partner.kind, byName);
    }
    const known = byName.get(partner.name);
    if (known === undefined) byName.set(partner.name, { partner, firstOn: data.at, source: refOf(envelope) });
    else if (data.at < known.firstOn) {
      known.firstOn = data.at;
      known.source = refOf(envelope);
    }
  }
  if (data.partners.length === 0 && (posting.unpartnered === null || data.at < posting.unpartnered.on)) {
    posting.unpartnered = { on: data.at, source: refOf(envelope) };
  }
};

const dedicate = (model: AccountabilityModel, borough: string, assignment: DedicatedAssignment): void => {
  const assignments = model.dedicated.get(borough) ?? [];
  const repeated = assignments.some(
    (known) => known.bcu === assignment.bcu && known.from === assignment.from && known.superintendent.id === assignment.superintendent.id,
  );
  if (!repeated) assignments.push(assignment);
  model.dedicated.set(borough, assignments);
};

const wentLive = (model: AccountabilityModel, data: EventDataOf<'BcuWentLive'>, ref: EventRef): void => {
  joinBcu(model.memberships, data, ref);
  model.liveBcus.set(data.bcu, data.boroughs);
  // RS-5: the dedicated superintendents the BCU went live with.
  for (const { borough, superintendent } of data.dedicatedSuperintendents) {
    dedicate(model, borough, { bcu: data.bcu, superintendent, from: data.at, source: ref });
  }
};

// RS-5: a later assignment in a live BCU replaces a borough's dedicated superintendent from its date.
const assigned = (model: AccountabilityModel, data: EventDataOf<'SuperintendentAssigned'>, ref: EventRef): void => {
  const boroughs = model.liveBcus.get(data.bcu);
  if (data.dedicatedTo === null || boroughs === undefined || !boroughs.includes(data.dedicatedTo)) return;
  dedicate(model, data.dedicatedTo, { bcu: data.bcu, superintendent: data.superintendent, from: data.at, source: ref });
};

const dissolved = (model: AccountabilityModel, data: EventDataOf<'BcuDissolved'>, ref: EventRef): void => {
  leaveBcu(model.memberships, data, ref);
  model.liveBcus.delete(data.bcu);
};

// AC-1: postings (with when command was taken up) and their assessments' partners, BCU proposals and periods,
// dedicated superintendents and appointments' partners.
/** AC-1: folds one event into the accountability model. */
export const foldAccountability = (model: AccountabilityModel, envelope: DomainEnvelope): void => {
  const { event } = envelope;
  switch (event.type) {
    case 'PostingStarted':
      started(model, event.data, refOf(envelope));
      return;
    case 'CommandTakenUp':
      takenUp(model, event.data, refOf(envelope));
      return;
    case 'PostingEnded':
      ended(model, event.data, refOf(envelope));
      return;
    case 'BcuProposed':
      proposed(model, event.data, refOf(envelope));
      return;
    case 'PerformanceAssessed':
      assessed(model, event.data, envelope);
      return;
    case 'BcuWentLive':
      wentLive(model, event.data, refOf(envelope));
      return;
    case 'SuperintendentAssigned':
      assigned(model, event.data, refOf(envelope));
      return;
    case 'BcuDissolved':
      dissolved(model, event.data, refOf(envelope));
      return;
    case 'AppointmentConfirmed':
      // AP-9: the partners whose involvement informed the decision.
      if (!model.appointments.has(event.data.processId)) {
        model.appointments.set(event.data.processId, {
          unit: event.data.unit,
          partners: event.data.partnersInvolved,
          decidedOn: event.data.at,
          source: refOf(envelope),
        });
      }
      return;
    default:
      return;
  }
};
