import { strictestValues } from '@borough-command/testing';
import {
  postingStream,
  streamKey,
  type CommandUnit,
  type DomainEvent,
  type EndReason,
  type Officer,
} from '@borough-command/domain';
import { areaCommanderOf, endorsedDescription, historyPeople, mixSeeds, partnersOf, seededRandom } from '@borough-command/cli/london-history';
import { abandonedAppointmentSteps, appointmentSteps } from './appointment-flow.js';
import { dayNumberOf, isoDateOfDay, type DayNumber } from './calendar-days.js';
import type { CommandStamp } from './history-output.js';
import { inOrder, officerOf, reactionStamp, type HistoryWorld, type Step, type WaveBcu } from './history-world.js';
import {
  generatedPosting,
  performanceAssessed,
  postingEnded,
  postingStarted,
  type GeneratedEnding,
  type GeneratedPosting,
} from './posting-events.js';

const FULL_TERM_REASONS: readonly EndReason[] = ['promotion', 'promotion', 'retirement', 'professional', 'other'];
/** Most assessments of one posting: a posting of a compressed history still has a few, not hundreds. */
const MOST_ASSESSMENTS = 4;

/**
 * One borough's commanders in a large history, as an actor: a first commander, then successions
 * (early departures with an approved exceptional reason or recorded as breaches, acting cover,
 * successors appointed through the process or posted directly before a role description is
 * endorsed), yearly assessments, and the restructure: when the borough's BCU goes live its
 * commander's posting ends (PO-6), and when the BCU is dissolved a commander is posted again.
 * `steady` boroughs keep realistic tenures whatever the size of the history.
 */
export function* boroughActor(world: HistoryWorld, borough: string, index: number, steady: boolean): Generator<Step, void> {
  const { policy, pace, output } = world;
  const random = seededRandom(mixSeeds(world.seed, index + 1));
  const key = streamKey(borough);
  const unit: CommandUnit = { kind: 'borough', name: borough };
  const stream = postingStream(unit);
  const areaCommander = areaCommanderOf(index);
  const { chiefExecutive, leader, mp, linkMember } = partnersOf(borough);
  const tenure = steady ? pace.steadyTenure : pace.busyTenure;
  const scale = steady ? 1 : pace.scale;
  const margin = Math.ceil(60 * scale) + 2;
  let revision = 0;
  let officers = 0;
  let successions = 0;

  const officer = (rank: Officer['rank']): Officer => officerOf(`officer-${key}-${String(++officers)}`, random, rank);
  const record = (event: DomainEvent, stamp: CommandStamp, day: DayNumber): string => output.record(stream, revision++, event, stamp, day);
  const start = (posting: GeneratedPosting, stamp: CommandStamp, day: DayNumber, cover?: GeneratedPosting): void => {
    for (const event of postingStarted(policy, posting, cover)) record(event, stamp, day);
  };
  const end = (posting: GeneratedPosting, ending: GeneratedEnding, stamp: CommandStamp, day: DayNumber): void => {
    for (const event of postingEnded(policy, posting, ending)) record(event, stamp, day);
  };
  const posting = (postingId: string, holder: Officer, acting: boolean, startsOn: DayNumber, processId: string | null): GeneratedPosting =>
    generatedPosting(policy, {
      postingId,
      unit,
      role: 'borough-commander',
      officer: holder,
      acting,
      start: startsOn,
      lineManager: areaCommander,
      appointmentProcessId: processId,
    });
  /** PO-1: a substantive start ends the acting cover the same day (the decider ends it), then the posting starts. */
  const takeUp = (successor: GeneratedPosting, cover: GeneratedPosting | undefined, stamp: CommandStamp, day: DayNumber): void => {
    start(successor, stamp, day, cover);
  };
  const assessments = (holder: GeneratedPosting, until: DayNumber): Step[] => {
    const steps: Step[] = [];
    for (let year = 1; year <= MOST_ASSESSMENTS; year++) {
      const day = Math.floor(holder.start + year * (steady ? 365 : pace.assessEvery));
      if (day >= until || day > pace.lastDay) break;
      // PO-4: most assessments name the local authority, some the MP too, some nobody (flagged).
      const partners = random.chance(0.15) ? [] : random.chance(0.5) ? [chiefExecutive] : random.chance(0.7) ? [leader] : [leader, mp];
      steps.push({
        day,
        priority: 2,
        run: () => {
          const stamp = output.ownStamp(areaCommander);
          for (const event of performanceAssessed(policy, holder, day, areaCommander, partners)) record(event, stamp, day);
        },
      });
    }
    return steps;
  };
  /** The posting ends when the borough's BCU goes live (PO-6), in reaction to the go-live. */
  const merged = (holder: GeneratedPosting, bcu: WaveBcu): Step => ({
    day: bcu.goLive,
    priority: 1,
    run: () => {
      end(holder, { end: bcu.goLive, restructuredInto: bcu.name }, reactionStamp(world, `${bcu.key}/live`), bcu.goLive);
    },
  });

  const firstDay = pace.firstDay + random.between(0, Math.ceil(30 * scale));
  let current = posting(`${key}-commander-1`, officer('chief-superintendent'), false, firstDay, null);
  {
    const first = current;
    yield {
      day: firstDay,
      priority: 2,
      run: () => {
        start(first, output.ownStamp(areaCommander), firstDay);
      },
    };
  }

  const exceptional = strictestValues(policy).exceptionalReasons.filter((reason) => reason !== 'organisational-restructure');
  for (;;) {
    const holder = current;
    const planned = Math.floor(holder.start + tenure * (0.4 + 1.2 * random.next()));
    // PO-2, PO-3: before the minimum term a commander leaves with an approved exceptional reason
    // or, in `record` mode, as a recorded breach; with no exceptional reason at all, at the term.
    const early = holder.minimumTermEnd !== null && isoDateOfDay(planned) < holder.minimumTermEnd;
    const breach = early && policy.enforcement === 'record' && (exceptional.length === 0 || random.chance(0.35));
    const stays = early && !breach && exceptional.length === 0;
    const leaves = stays && holder.minimumTermEnd !== null ? dayNumberOf(holder.minimumTermEnd) : planned;
    const leavesEarly = early && !stays;
    const acting = random.chance(0.3);
    const gap = acting ? Math.max(1, Math.round((21 + random.between(0, 69)) * scale)) : Math.round(random.between(1, 30) * scale);
    const startsOn = leaves + gap;
    if (startsOn > pace.lastDay - margin) {
      yield* inOrder(assessments(holder, pace.lastDay));
      return;
    }
    const merger = world.waves.mergerOf(borough, holder.start);
    if (merger !== undefined && merger.goLive <= startsOn + margin) {
      if (merger.goLive > pace.lastDay) {
        yield* inOrder(assessments(holder, pace.lastDay));
        return;
      }
      // The commander stays until the BCU goes live; the borough is a borough command again once it is dissolved.
      yield* inOrder([...assessments(holder, merger.goLive), merged(holder, merger)]);
      const back = merger.dissolvedOn + 1;
      if (back > pace.lastDay - margin) return;
      successions += 1;
      const returned = posting(`${key}-commander-${String(successions + 1)}`, officer('chief-superintendent'), false, back, null);
      current = returned;
      yield {
        day: back,
        priority: 2,
        run: () => {
          start(returned, output.ownStamp(areaCommander), back);
        },
      };
      continue;
    }

    successions += 1;
    const number = String(successions + 1);
    const steps: Step[] = assessments(holder, leaves);
    const reason: EndReason = breach ? 'promotion' : leavesEarly ? random.pick(exceptional) : random.pick(FULL_TERM_REASONS);
    const approvedBy = leavesEarly && !breach ? historyPeople.actp : null;
    const detail = approvedBy === null ? null : `${reason} circumstances accepted as exceptional`;
    steps.push({
      day: leaves,
      priority: 1,
      run: () => {
        end(holder, { end: leaves, reason, detail, approvedBy }, output.ownStamp(areaCommander), leaves);
      },
    });
    const cover = acting ? posting(`${key}-acting-${number}`, officer('superintendent'), true, leaves, null) : undefined;
    if (cover !== undefined) {
      steps.push({
        day: leaves,
        priority: 2,
        run: () => {
          start(cover, output.ownStamp(areaCommander), leaves);
        },
      });
    }
    const appointee = cover !== undefined && random.chance(0.3) ? cover.officer : officer('chief-superintendent');
    const decidedOn = cover === undefined ? leaves : Math.max(leaves, startsOn - Math.ceil(7 * scale));
    const opensOn = decidedOn - Math.round(45 * scale);
    const description = endorsedDescription(policy, isoDateOfDay(opensOn));
    if (description === undefined) {
      const successor = posting(`${key}-commander-${number}`, appointee, false, startsOn, null);
      steps.push({
        day: startsOn,
        priority: 2,
        run: () => {
          takeUp(successor, cover, output.ownStamp(areaCommander), startsOn);
        },
      });
      current = successor;
    } else {
      const processId = `${key}-${isoDateOfDay(startsOn).slice(0, 4)}-${number}`;
      const consultedFirst = random.chance(0.6) ? chiefExecutive : leader;
      if (random.chance(0.06)) {
        // AP-11: a first process was abandoned before this one.
        const withdrawn = `${processId}-withdrawn`;
        const [opened, abandoned] = [opensOn - Math.round(60 * scale), opensOn - Math.round(20 * scale)];
        steps.push(...abandonedAppointmentSteps(withdrawn, borough, areaCommander, consultedFirst, opened, abandoned, output));
      }
      const rivals = Array.from({ length: random.between(0, 2) }, () => officer('chief-superintendent'));
      const successor = posting(processId, appointee, false, startsOn, processId);
      const flow = {
        processId,
        borough,
        areaCommander,
        appointee,
        rivals,
        declineFirst: rivals.length > 0 && random.chance(0.25),
        description,
        consulted: [consultedFirst, ...(random.chance(0.5) ? [mp] : []), ...(random.chance(0.3) ? [linkMember] : [])],
        discussedWith: random.chance(0.8) ? [leader, chiefExecutive] : [leader],
        opensOn,
        decidedOn,
        startsOn,
        actp: historyPeople.actp,
        mps: historyPeople.mps,
        directorHr: historyPeople.directorHr,
      };
      // AP-12: the decision starts the posting, in the decision's flow, caused by the decision's event.
      steps.push(
        ...appointmentSteps(flow, policy, output, (cause, day) => {
          const stamp = { commandId: output.commandId(), correlationId: cause.stamp.correlationId, causationId: cause.eventId, actor: cause.stamp.actor };
          takeUp(successor, cover, stamp, day);
        }),
      );
      current = successor;
    }
    yield* inOrder(steps);
  }
}
