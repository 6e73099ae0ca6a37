import * as t from 'io-ts';
import {
  CommanderRoleCodec,
  CommandUnitCodec,
  IsoDateCodec,
  OfficerCodec,
  PartnerCodec,
  type CommandUnit,
  type Partner,
} from '@borough-command/domain';
import { loadMemberships, MembershipsJsonCodec, saveMemberships } from '../views/bcu-membership.js';
import {
  EventRefJsonCodec,
  loadOptionalRef,
  loadRef,
  OptionalEventRefJsonCodec,
  saveOptionalRef,
  saveRef,
} from '../views/event-ref.js';
import { compareText, emptyUnitIndex, unitEntries, unitKey } from '../views/units.js';
import {
  contributionsOf,
  type AccountabilityModel,
  type BcuProposal,
  type CommandPosting,
  type PartnerContribution,
} from './accountability-model.js';

const nullableText = t.union([t.string, t.null]);

// RS-4's fields are optional: a snapshot written before them holds ordinary postings, in command from their start.
const CommandPostingJsonCodec = t.readonly(
  t.intersection([
    t.type({
      postingId: t.string,
      unit: CommandUnitCodec,
      role: CommanderRoleCodec,
      officer: OfficerCodec,
      acting: t.boolean,
      start: IsoDateCodec,
      end: t.union([IsoDateCodec, t.null]),
      lineManager: nullableText,
      appointmentProcessId: nullableText,
      started: EventRefJsonCodec,
      ended: OptionalEventRefJsonCodec,
      assessmentPartners: t.readonlyArray(t.readonly(t.type({ partner: PartnerCodec, firstOn: IsoDateCodec, source: EventRefJsonCodec }))),
      unpartnered: t.union([t.readonly(t.type({ on: IsoDateCodec, source: EventRefJsonCodec })), t.null]),
    }),
    t.partial({ interim: t.boolean, designate: t.boolean, commandFrom: t.union([IsoDateCodec, t.null]), takenUp: OptionalEventRefJsonCodec }),
  ]),
  'CommandPosting',
);

// `unit` is optional: a snapshot written before appointments kept their unit has none.
const AppointmentJsonCodec = t.readonly(
  t.intersection([
    t.type({ processId: t.string, partners: t.readonlyArray(PartnerCodec), decidedOn: IsoDateCodec, source: EventRefJsonCodec }),
    t.partial({ unit: CommandUnitCodec }),
  ]),
  'AppointmentPartners',
);

const BcuProposalJsonCodec = t.readonly(
  t.type({ bcu: t.string, boroughs: t.readonlyArray(t.string), on: IsoDateCodec, source: EventRefJsonCodec }),
  'BcuProposal',
);

/** io-ts codec of the AC-1 view's state in a snapshot; `proposals` is optional (none kept before RS-4's designates). */
export const AccountabilitySnapshotStateCodec = t.readonly(
  t.intersection([
    t.type({
      postings: t.readonlyArray(CommandPostingJsonCodec),
      memberships: MembershipsJsonCodec,
      liveBcus: t.readonlyArray(t.readonly(t.type({ bcu: t.string, boroughs: t.readonlyArray(t.string) }))),
      dedicated: t.readonlyArray(
        t.readonly(
          t.type({
            borough: t.string,
            assignments: t.readonlyArray(
              t.readonly(t.type({ bcu: t.string, superintendent: OfficerCodec, from: IsoDateCodec, source: EventRefJsonCodec })),
            ),
          }),
        ),
      ),
      appointments: t.readonlyArray(AppointmentJsonCodec),
    }),
    t.partial({ proposals: t.readonlyArray(BcuProposalJsonCodec) }),
  ]),
  'AccountabilitySnapshotState',
);

/** The AC-1 view's state in a snapshot. */
export type AccountabilitySnapshotState = t.TypeOf<typeof AccountabilitySnapshotStateCodec>;

const byKey = <A>(entries: Iterable<[string, A]>): [string, A][] => [...entries].sort(([a], [b]) => compareText(a, b));

const savePosting = (posting: CommandPosting): t.TypeOf<typeof CommandPostingJsonCodec> => ({
  postingId: posting.postingId,
  unit: posting.unit,
  role: posting.role,
  officer: posting.officer,
  acting: posting.acting,
  interim: posting.interim,
  designate: posting.designate,
  start: posting.start,
  commandFrom: posting.commandFrom,
  end: posting.end,
  lineManager: posting.lineManager,
  appointmentProcessId: posting.appointmentProcessId,
  started: saveRef(posting.started),
  takenUp: saveOptionalRef(posting.takenUp),
  ended: saveOptionalRef(posting.ended),
  assessmentPartners: [...contributionsOf(posting)]
    .sort((a, b) => compareText(a.partner.kind, b.partner.kind) || compareText(a.partner.name, b.partner.name))
    .map((contribution) => ({
    partner: contribution.partner,
    firstOn: contribution.firstOn,
    source: saveRef(contribution.source),
  })),
  unpartnered: posting.unpartnered === null ? null : { on: posting.unpartnered.on, source: saveRef(posting.unpartnered.source) },
});

/** The AC-1 model as JSON data: every list in key order. */
export const saveAccountability = (model: AccountabilityModel): AccountabilitySnapshotState => ({
  postings: unitEntries(model.units).flatMap(([, postings]) => byKey(postings.entries()).map(([, posting]) => savePosting(posting))),
  memberships: saveMemberships(model.memberships),
  liveBcus: byKey(model.liveBcus.entries()).map(([bcu, boroughs]) => ({ bcu, boroughs })),
  dedicated: byKey(model.dedicated.entries()).map(([borough, assignments]) => ({
    borough,
    assignments: assignments.map((assignment) => ({ ...assignment, source: saveRef(assignment.source) })),
  })),
  appointments: byKey(model.appointments.entries()).map(([processId, appointment]) => ({
    processId,
    ...(appointment.unit === null ? {} : { unit: appointment.unit }),
    partners: appointment.partners,
    decidedOn: appointment.decidedOn,
    source: saveRef(appointment.source),
  })),
  proposals: byKey(model.proposals.entries()).flatMap(([, proposals]) =>
    proposals.map((proposal) => ({ ...proposal, source: saveRef(proposal.source) })),
  ),
});

const loadProposals = (json: readonly t.TypeOf<typeof BcuProposalJsonCodec>[]): Map<string, BcuProposal[]> => {
  const proposals = new Map<string, BcuProposal[]>();
  for (const proposal of json) proposals.set(proposal.bcu, [...(proposals.get(proposal.bcu) ?? []), { ...proposal, source: loadRef(proposal.source) }]);
  return proposals;
};

/** The AC-1 model a snapshot holds; one written before RS-4 reads as ordinary postings and no proposal. */
export const loadAccountability = (state: AccountabilitySnapshotState): AccountabilityModel => {
  const units = emptyUnitIndex<Map<string, CommandPosting>>();
  for (const posting of state.postings) {
    const postings = units[posting.unit.kind].get(posting.unit.name) ?? new Map<string, CommandPosting>();
    const assessmentPartners = new Map<Partner['kind'], Map<string, PartnerContribution>>();
    for (const contribution of posting.assessmentPartners) {
      const byName = assessmentPartners.get(contribution.partner.kind) ?? new Map<string, PartnerContribution>();
      byName.set(contribution.partner.name, { partner: contribution.partner, firstOn: contribution.firstOn, source: loadRef(contribution.source) });
      assessmentPartners.set(contribution.partner.kind, byName);
    }
    postings.set(posting.postingId, {
      ...posting,
      interim: posting.interim ?? false,
      designate: posting.designate ?? false,
      commandFrom: posting.commandFrom === undefined ? posting.start : posting.commandFrom,
      started: loadRef(posting.started),
      takenUp: loadOptionalRef(posting.takenUp ?? null),
      ended: loadOptionalRef(posting.ended),
      assessmentPartners,
      unpartnered: posting.unpartnered === null ? null : { on: posting.unpartnered.on, source: loadRef(posting.unpartnered.source) },
    });
    units[posting.unit.kind].set(posting.unit.name, postings);
  }
  return {
    units,
    memberships: loadMemberships(state.memberships),
    liveBcus: new Map(state.liveBcus.map(({ bcu, boroughs }) => [bcu, boroughs])),
    dedicated: new Map(
      state.dedicated.map(({ borough, assignments }) => [
        borough,
        assignments.map((assignment) => ({ ...assignment, source: loadRef(assignment.source) })),
      ]),
    ),
    appointments: new Map(
      state.appointments.map(({ processId, unit, ...appointment }) => [processId, { ...appointment, unit: unit ?? null, source: loadRef(appointment.source) }]),
    ),
    proposals: loadProposals(state.proposals ?? []),
  };
};

/** io-ts codec of one section of the AC-1 view's state: a command unit's postings and the appointments to it. */
export const AccountabilitySectionCodec = t.readonly(
  t.type({ postings: t.readonlyArray(CommandPostingJsonCodec), appointments: t.readonlyArray(AppointmentJsonCodec) }),
  'AccountabilitySection',
);

/** One section of the AC-1 view's state. */
export type AccountabilitySection = t.TypeOf<typeof AccountabilitySectionCodec>;

/**
 * The AC-1 state split for a sectioned snapshot: one section per command unit (`unitKey`) with its
 * postings and the appointments to it; the head keeps the rest (BCU periods, live
 * BCUs, dedicated superintendents, proposals, and appointments without a unit).
 */
export const splitAccountability = (
  state: AccountabilitySnapshotState,
): { readonly head: AccountabilitySnapshotState; readonly sections: readonly (readonly [string, AccountabilitySection])[] } => {
  const sections = new Map<string, { postings: AccountabilitySection['postings'][number][]; appointments: AccountabilitySection['appointments'][number][] }>();
  const sectionOf = (unit: CommandUnit) => {
    const key = unitKey(unit);
    let section = sections.get(key);
    if (section === undefined) {
      section = { postings: [], appointments: [] };
      sections.set(key, section);
    }
    return section;
  };
  for (const posting of state.postings) sectionOf(posting.unit).postings.push(posting);
  const unplaced: AccountabilitySection['appointments'][number][] = [];
  for (const appointment of state.appointments) {
    if (appointment.unit === undefined) unplaced.push(appointment);
    else sectionOf(appointment.unit).appointments.push(appointment);
  }
  return { head: { ...state, postings: [], appointments: unplaced }, sections: [...sections.entries()] };
};

/** Adds a section's postings and appointments to an AC-1 model (whose unit the section is, not yet there). */
export const mergeAccountabilitySection = (model: AccountabilityModel, section: AccountabilitySection): void => {
  const part = loadAccountability({ ...section, memberships: [], liveBcus: [], dedicated: [] });
  for (const kind of ['borough', 'bcu'] as const) for (const [name, postings] of part.units[kind]) model.units[kind].set(name, postings);
  for (const [processId, appointment] of part.appointments) model.appointments.set(processId, appointment);
};
