import {
  addDays,
  addYears,
  isoDate,
  streamKey,
  type CommandUnit,
  type EndReason,
  type IsoDate,
  type Officer,
  type Partner,
} from '@borough-command/domain';
import { abandonedAppointmentCommands, appointmentCommands } from './appointment-script.js';
import type { Schedule } from './schedule.js';
import type { SeededRandom } from './seeded-random.js';
import type { SyntheticPeople } from './synthetic-people.js';

/** The day the role descriptions were endorsed (001): appointment processes can attach one from then on (AP-2). */
const ROLE_DESCRIPTIONS_ENDORSED = isoDate('2010-06-17');
/** The day the minimum term starts to apply (000, PO-2). */
const MINIMUM_TERM_FROM = isoDate('2009-07-01');

/** What the story of one borough needs. */
export interface BoroughStory {
  readonly borough: string;
  readonly areaCommander: string;
  /** The day the borough's BCU went live: its postings end then (PO-6) and nothing new starts. */
  readonly joinsBcuOn: IsoDate | undefined;
  /** The last day of the history. */
  readonly until: IsoDate;
}

const earlyReasons: readonly { readonly reason: EndReason; readonly approved: boolean }[] = [
  { reason: 'promotion', approved: false },
  { reason: 'promotion', approved: false },
  { reason: 'personal', approved: true },
  { reason: 'professional', approved: true },
];
const fullTermReasons: readonly EndReason[] = ['promotion', 'promotion', 'retirement', 'professional'];

/**
 * Writes one borough's commanders from 2009 until its BCU goes live (or the end of the history):
 * a first commander in post in the first half of 2009, then successions — most after three years
 * or more, some early (a promotion without an exception, or an approved personal or professional
 * reason), some with an acting commander covering the gap — each successor appointed through the
 * process once role descriptions exist (June 2010), with yearly performance assessments, most with
 * local partners.
 */
export const writeBoroughStory = (story: BoroughStory, random: SeededRandom, people: SyntheticPeople, schedule: Schedule): void => {
  const { borough, areaCommander } = story;
  const key = streamKey(borough);
  const unit: CommandUnit = { kind: 'borough', name: borough };
  const cutoff = story.joinsBcuOn ?? story.until;
  const chiefExecutive: Partner = { kind: 'local-authority-chief-executive', name: people.person(`${borough} chief executive`) };
  const leader: Partner = { kind: 'local-authority-leader', name: people.person(`${borough} council leader`) };
  let succession = 0;
  let start = addDays(isoDate('2009-01-05'), random.between(0, 170));
  const firstCommander: Officer = people.officer('chief-superintendent');
  let postingId = `${key}-commander-1`;
  schedule.add({
    type: 'StartPosting', commandId: `${postingId}/start`, at: start, unit, postingId, role: 'borough-commander', officer: firstCommander, acting: false, lineManager: areaCommander,
  });

  for (;;) {
    const fullTerm = random.chance(0.65);
    const end = addDays(start, fullTerm ? random.between(1095, 1640) : random.between(240, 1000));
    for (let year = 1; ; year++) {
      const assessedOn = addDays(start, 365 * year - 30);
      if (assessedOn >= end || assessedOn >= cutoff || assessedOn > story.until) break;
      const partners: Partner[] = random.chance(0.85) ? [random.chance(0.5) ? chiefExecutive : leader] : [];
      schedule.add({
        type: 'AssessPerformance', commandId: `${postingId}/assessment-${String(year)}`, at: assessedOn, unit, postingId, assessedBy: areaCommander, partners,
      });
    }
    if (end >= addDays(cutoff, -45)) return;

    const early = start >= MINIMUM_TERM_FROM && end < addYears(start, 3);
    const ending = early ? random.pick(earlyReasons) : { reason: random.pick(fullTermReasons), approved: false };
    schedule.add(
      {
        type: 'EndPosting', commandId: `${postingId}/end`, at: end, unit, postingId, reason: ending.reason,
        ...(ending.approved ? { approvedBy: areaCommander, detail: `${ending.reason} circumstances accepted as exceptional` } : {}),
      },
      'first',
    );
    succession += 1;
    const acting = random.chance(0.3);
    const startsOn = addDays(end, acting ? random.between(30, 120) : 1);
    if (acting) {
      const actingId = `${key}-acting-${String(succession)}`;
      schedule.add({
        type: 'StartPosting', commandId: `${actingId}/start`, at: addDays(end, 1), unit, postingId: actingId, role: 'borough-commander',
        officer: people.officer('superintendent'), acting: true, lineManager: areaCommander,
      });
    }
    if (startsOn >= addDays(cutoff, -30)) return;

    const decidedOn = acting ? addDays(startsOn, -14) : end;
    const opensOn = addDays(decidedOn, -60);
    const appointee = people.officer('chief-superintendent');
    if (opensOn >= ROLE_DESCRIPTIONS_ENDORSED) {
      const processId = `${key}-${startsOn.slice(0, 4)}-${String(succession)}`;
      const abandonOn = addDays(opensOn, -40);
      if (random.chance(0.08) && abandonOn >= ROLE_DESCRIPTIONS_ENDORSED) {
        for (const command of abandonedAppointmentCommands(`${processId}-withdrawn`, borough, areaCommander, abandonOn)) schedule.add(command);
      }
      const plan = { processId, borough, areaCommander, appointee, opensOn, decidedOn, startsOn };
      for (const command of appointmentCommands(plan, random, people)) schedule.add(command);
      postingId = processId;
    } else {
      postingId = `${key}-commander-${String(succession + 1)}`;
      schedule.add({
        type: 'StartPosting', commandId: `${postingId}/start`, at: startsOn, unit, postingId, role: 'borough-commander',
        officer: appointee, acting: false, lineManager: areaCommander,
      });
    }
    start = startsOn;
  }
};
