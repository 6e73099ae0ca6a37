import { postingStream, type CommandUnit, type Partner } from '@borough-command/domain';
import { historyPeople, mixSeeds, partnersOf, seededRandom } from '@borough-command/cli/london-history';
import { isoDateOfDay } from './calendar-days.js';
import { reactionStamp, type HistoryWorld, type Step, type WaveBcu } from './history-world.js';
import { generatedPosting, performanceAssessed, postingEnded, postingStarted } from './posting-events.js';

const ASSESSOR = historyPeople.actp;

/**
 * A live BCU's command, as an actor: its commander's posting starts the day it goes live (RS-4),
 * is assessed with the boroughs' chief executives (PO-4), and ends the day the BCU is dissolved
 * (PO-6). Steps after the history's last day are not taken.
 */
export function* bcuActor(world: HistoryWorld, bcu: WaveBcu): Generator<Step, void> {
  const { pace, output, policy } = world;
  const random = seededRandom(mixSeeds(world.seed, bcu.goLive));
  const unit: CommandUnit = { kind: 'bcu', name: bcu.name };
  const stream = postingStream(unit);
  let revision = 0;
  const posting = generatedPosting(policy, {
    postingId: `${bcu.name} from ${isoDateOfDay(bcu.goLive)}`,
    unit,
    role: 'bcu-commander',
    officer: bcu.commander,
    acting: false,
    start: bcu.goLive,
    lineManager: null,
    appointmentProcessId: null,
  });
  // RS-4: the BCU's commander takes command of it the day it goes live.
  yield {
    day: bcu.goLive,
    priority: 2,
    run: () => {
      const stamp = reactionStamp(world, `${bcu.key}/live`);
      for (const event of postingStarted(policy, posting)) output.record(stream, revision++, event, stamp, bcu.goLive);
    },
  };
  const partners: readonly Partner[] = bcu.boroughs.map((borough) => partnersOf(borough).chiefExecutive);
  const every = Math.max(0.05, 365 * pace.scale);
  for (let year = 1; year <= 3; year++) {
    const day = Math.floor(bcu.goLive + year * every);
    if (day >= bcu.dissolvedOn || day > pace.lastDay) break;
    const contributed = random.chance(0.15) ? [] : partners;
    yield {
      day,
      priority: 2,
      run: () => {
        const stamp = output.ownStamp(ASSESSOR);
        for (const event of performanceAssessed(policy, posting, day, ASSESSOR, contributed)) output.record(stream, revision++, event, stamp, day);
      },
    };
  }
  if (bcu.dissolvedOn > pace.lastDay) return;
  yield {
    day: bcu.dissolvedOn,
    priority: 1,
    run: () => {
      // PO-6: the BCU is dissolved, so its commander's posting ends.
      const stamp = reactionStamp(world, `${bcu.key}/dissolved`);
      for (const event of postingEnded(policy, posting, { end: bcu.dissolvedOn, restructuredInto: bcu.name })) {
        output.record(stream, revision++, event, stamp, bcu.dissolvedOn);
      }
    },
  };
}
