import {
  addDays,
  daysBetween,
  minimumTermEnd,
  oversightBodyOn,
  streamKey,
  valuesOn,
  type EndReason,
  type IsoDate,
  type Officer,
  type Partner,
  type Policy,
} from '@borough-command/domain';
import { abandonedAppointmentScript, appointmentScript, PROCESS_DAYS } from './appointment-script.js';
import type { CommandSchedule } from './command-schedule.js';
import { areaCommanderOf, historyPeople, partnersOf, type HistoryCast } from './history-cast.js';

/** One commander leaving a borough and a successor taking over, as small independent choices that shrink to the plainest case. */
export interface SuccessionChoice {
  /** The day of the year the commander leaves, 0 to 364. */
  readonly day: number;
  /** Leaves before the minimum term (PO-3): with an approved exceptional reason, or in `record` mode sometimes without one. */
  readonly early: boolean;
  /** Which reason, counted round the reasons that fit. */
  readonly reason: number;
  /** An acting commander covers from the departure until the successor starts (PO-1). */
  readonly acting: boolean;
  /** The acting commander is the one appointed. */
  readonly actingAppointed: boolean;
  /** Days from the departure to the successor's start. */
  readonly gap: number;
  /** Other candidates interviewed, 0 to 2. */
  readonly rivals: number;
  /** The ACTP declines a rival before agreeing the appointee (AP-6). */
  readonly declineFirst: boolean;
  /** A first process was abandoned before this one (AP-11). */
  readonly abandonedFirst: boolean;
  /** The council leader is consulted rather than its chief executive (AP-3). */
  readonly leaderConsulted: boolean;
  /** The borough's MP is consulted too (AP-3). */
  readonly mpConsulted: boolean;
  /** The police authority's link member is consulted too (AP-3), while the oversight body in force has link members. */
  readonly linkMemberConsulted: boolean;
}

/** A succession in the year (counted from 0) it is planned for. */
export interface PlannedSuccession {
  readonly year: number;
  readonly choice: SuccessionChoice;
}

/** One borough's part of a planned history: its first commander, its successions and who contributes to assessments. */
export interface BoroughPlan {
  /** A London borough of the reference data. */
  readonly borough: string;
  /** The day the first commander took up post: before the history's first day (in post when it begins), or on or after it. */
  readonly firstStart: IsoDate;
  /** The borough's successions, in date order; a year counts from the history's first day. */
  readonly successions: readonly PlannedSuccession[];
  /** The partners of each yearly assessment in turn: 0 the chief executive, 1 the leader, 2 the leader and the MP, 3 none (PO-4). */
  readonly assessmentPartners: readonly number[];
}

/** What one borough's story needs. */
export interface BoroughStoryInput extends BoroughPlan {
  /** The borough's place in the history, which picks its area commander. */
  readonly index: number;
  readonly from: IsoDate;
  readonly until: IsoDate;
  /** The day the borough's BCU goes live inside the history, if it does: the borough's postings end then (PO-6). */
  readonly mergesOn: IsoDate | undefined;
  readonly policy: Policy;
  readonly cast: HistoryCast;
  readonly schedule: CommandSchedule;
}

/** What one borough's story did. */
export interface BoroughStorySummary {
  readonly postings: number;
  readonly appointments: number;
  readonly earlyDepartures: number;
}

interface Commander {
  readonly postingId: string;
  readonly officer: Officer;
  readonly start: IsoDate;
  readonly minimumTermEnd: IsoDate | null;
}

const fullTermReasons: readonly EndReason[] = ['promotion', 'retirement', 'professional', 'other'];
const YEAR_DAYS = 365;
/** The least time a commander serves before a generated departure. */
const LEAST_SERVICE_DAYS = 28;
/** No departure is planned this close to a merger: the commander stays until the BCU goes live. */
const MERGER_MARGIN_DAYS = 14;

const nth = <A>(values: readonly A[], index: number, fallback: A): A => values[index % Math.max(1, values.length)] ?? fallback;

/** The latest endorsed version of the borough commander's role description on a date, and the day it was endorsed (AP-2), if any. */
export const endorsedDescription = (policy: Policy, on: IsoDate): { readonly version: number; readonly endorsedOn: IsoDate } | undefined => {
  let latest: { readonly version: number; readonly endorsedOn: IsoDate } | undefined;
  for (const { role, version, endorsedOn } of valuesOn(policy, on).roleDescriptions) {
    if (role !== 'borough-commander' || endorsedOn === undefined || endorsedOn > on) continue;
    if (latest === undefined || endorsedOn > latest.endorsedOn) latest = { version, endorsedOn };
  }
  return latest;
};

/**
 * Whether the oversight body in force on a day has link members: a version of the policy under that
 * body asks for one (AP-3). The MPA's link members went with it; MOPAC has none.
 */
const hasLinkMembers = (policy: Policy, on: IsoDate): boolean => {
  const body = oversightBodyOn(policy, on);
  return policy.versions.some(({ values }) => values.oversightBody === body && values.requiredPartners.includes('link-member'));
};

/** How a commander leaves on a day: the reason, who approved it, and the day (the minimum term's, when leaving early will not do). */
const departure = (
  policy: Policy,
  commander: Commander,
  leaves: IsoDate,
  choice: SuccessionChoice,
): { readonly on: IsoDate; readonly reason: EndReason; readonly approvedBy: string | undefined; readonly early: boolean } => {
  const term = commander.minimumTermEnd;
  if (term === null || leaves >= term) {
    return { on: leaves, reason: nth(fullTermReasons, choice.reason, 'other'), approvedBy: undefined, early: false };
  }
  if (choice.early) {
    // PO-3 `record`: history happened; a promotion without an exception is recorded as a breach.
    if (policy.enforcement === 'record' && choice.reason % 3 === 0) return { on: leaves, reason: 'promotion', approvedBy: undefined, early: true };
    // PO-3: otherwise an exceptional reason (a restructure ends postings by PO-6, not here), approved.
    const exceptional = valuesOn(policy, leaves).exceptionalReasons.filter((reason) => reason !== 'organisational-restructure');
    if (exceptional.length > 0) {
      return { on: leaves, reason: nth(exceptional, choice.reason, 'personal'), approvedBy: historyPeople.actp, early: true };
    }
  }
  return { on: term, reason: nth(fullTermReasons, choice.reason, 'other'), approvedBy: undefined, early: false };
};

/**
 * Writes one borough's commanders into the schedule: a first commander in post when the history
 * begins, then each planned succession that fits before the history ends or the borough merges:
 * the commander leaves (on or after the minimum term, or early with an approved exceptional
 * reason, or in `record` mode now and then without one), an acting commander sometimes covers, and
 * the successor is appointed through the process (AP-1 to AP-10, AP-12 starting the posting) once
 * a role description is endorsed, or posted directly before that. Every commander is assessed
 * yearly by the area commander, with partners or without (PO-4).
 */
export const writeBoroughStory = (input: BoroughStoryInput): BoroughStorySummary => {
  const { borough, policy, cast, schedule } = input;
  const key = streamKey(borough);
  const unit = { kind: 'borough', name: borough } as const;
  const areaCommander = areaCommanderOf(input.index);
  const partners = partnersOf(borough);
  const ends = input.mergesOn ?? addDays(input.until, 1);
  let assessments = 0;
  let postings = 1;
  let appointments = 0;
  let earlyDepartures = 0;

  const assessmentPartners = (): readonly Partner[] => {
    const pattern = nth(input.assessmentPartners, assessments, 0) % 4;
    assessments += 1;
    return [[partners.chiefExecutive], [partners.leader], [partners.leader, partners.mp], []][pattern] ?? [];
  };
  /** Yearly assessments of a commander from the start until the day before the end (PO-4). */
  const assess = (commander: Commander, end: IsoDate): void => {
    for (let year = 1; ; year++) {
      const on = addDays(commander.start, YEAR_DAYS * year - 30);
      if (on >= end || on > input.until) return;
      schedule.add({
        type: 'AssessPerformance',
        commandId: `${commander.postingId}/assessment-${String(year)}`,
        at: on,
        unit,
        postingId: commander.postingId,
        assessedBy: areaCommander,
        partners: assessmentPartners(),
      });
    }
  };

  const { firstStart } = input;
  let current: Commander | undefined = {
    postingId: `${key}-commander-1`,
    officer: cast.officer('chief-superintendent'),
    start: firstStart,
    minimumTermEnd: minimumTermEnd(valuesOn(policy, firstStart), { role: 'borough-commander', acting: false, start: firstStart }) ?? null,
  };
  schedule.add({
    type: 'StartPosting',
    commandId: `${current.postingId}/start`,
    at: firstStart,
    unit,
    postingId: current.postingId,
    role: 'borough-commander',
    officer: current.officer,
    acting: false,
    lineManager: areaCommander,
  });

  for (const [number, { year, choice }] of input.successions.entries()) {
    if (current === undefined) break;
    const planned = addDays(input.from, year * YEAR_DAYS + choice.day);
    const leaves = departure(
      policy,
      current,
      planned < addDays(current.start, LEAST_SERVICE_DAYS) ? addDays(current.start, LEAST_SERVICE_DAYS) : planned,
      choice,
    );
    if (leaves.on > input.until || daysBetween(leaves.on, ends) <= MERGER_MARGIN_DAYS) continue;

    assess(current, leaves.on);
    schedule.add(
      {
        type: 'EndPosting',
        commandId: `${current.postingId}/end`,
        at: leaves.on,
        unit,
        postingId: current.postingId,
        reason: leaves.reason,
        ...(leaves.approvedBy === undefined ? {} : { approvedBy: leaves.approvedBy, detail: `${leaves.reason} circumstances accepted as exceptional` }),
      },
      'first',
    );
    if (leaves.early) earlyDepartures += 1;

    const succession = number + 2;
    const acting = choice.acting ? cast.officer('superintendent') : undefined;
    if (acting !== undefined) {
      postings += 1;
      schedule.add({
        type: 'StartPosting',
        commandId: `${key}-acting-${String(succession)}/start`,
        at: leaves.on,
        unit,
        postingId: `${key}-acting-${String(succession)}`,
        role: 'borough-commander',
        officer: acting,
        acting: true,
        lineManager: areaCommander,
      });
    }
    const startsOn = addDays(leaves.on, acting === undefined ? Math.max(1, choice.gap) : Math.max(21, choice.gap));
    // The successor must start before the history ends and before the borough merges (PO-6); else the story ends here.
    if (startsOn > input.until || startsOn >= ends) {
      current = undefined;
      break;
    }
    const decidedOn = acting === undefined ? leaves.on : addDays(startsOn, -7);
    const opensOn = addDays(decidedOn, -PROCESS_DAYS);
    const appointee = acting !== undefined && choice.actingAppointed ? acting : cast.officer('chief-superintendent');
    const version = endorsedDescription(policy, opensOn)?.version;
    let postingId: string;
    if (version === undefined) {
      postingId = `${key}-commander-${String(succession)}`;
      schedule.add({
        type: 'StartPosting',
        commandId: `${postingId}/start`,
        at: startsOn,
        unit,
        postingId,
        role: 'borough-commander',
        officer: appointee,
        acting: false,
        lineManager: areaCommander,
      });
    } else {
      postingId = `${key}-${startsOn.slice(0, 4)}-${String(succession)}`;
      const localAuthority = choice.leaderConsulted ? partners.leader : partners.chiefExecutive;
      if (choice.abandonedFirst) {
        for (const command of abandonedAppointmentScript(`${postingId}-withdrawn`, borough, areaCommander, addDays(opensOn, -30), localAuthority)) {
          schedule.add(command);
        }
      }
      const rivals = Array.from({ length: choice.rivals % 3 }, () => cast.officer('chief-superintendent'));
      // AP-3: the partners chosen; the script adds those of the kinds the policy in force on the interviews requires.
      const consulted = [
        localAuthority,
        ...(choice.mpConsulted ? [partners.mp] : []),
        ...(choice.linkMemberConsulted && hasLinkMembers(policy, opensOn) ? [partners.linkMember] : []),
      ];
      const plan = {
        processId: postingId,
        borough,
        areaCommander,
        appointee,
        rivals,
        declineFirst: choice.declineFirst,
        descriptionVersion: version,
        consulted,
        discussedWith: [partners.leader, partners.chiefExecutive],
        decidedOn,
        startsOn,
      };
      for (const command of appointmentScript(plan, policy)) schedule.add(command);
      appointments += 1;
    }
    postings += 1;
    current = {
      postingId,
      officer: appointee,
      start: startsOn,
      minimumTermEnd: minimumTermEnd(valuesOn(policy, startsOn), { role: 'borough-commander', acting: false, start: startsOn }) ?? null,
    };
  }
  if (current !== undefined) assess(current, ends);
  return { postings, appointments, earlyDepartures };
};
