import { addDays, isoDate, londonBoroughs, type CommandUnit, type IsoDate, type PostingCommand } from '@borough-command/domain';

/** Assessments between the start and the end of each posting of the workload, by default. */
const ASSESSMENTS_PER_POSTING = 12;
/** Days from the start of a posting to its end, past the three-year minimum term; assessments are spread over them. */
const DAYS_IN_POST = 1_100;

/** One command of the posting workload, with the unit (and so the stream) it goes to. */
export interface UnitCommand {
  readonly unit: CommandUnit;
  readonly command: PostingCommand;
}

/** The boroughs the workload uses: one per unit, at most the 32 London boroughs. */
export const workloadUnits = (units: number): readonly CommandUnit[] => {
  if (units > londonBoroughs.length) throw new Error(`the posting workload has at most ${String(londonBoroughs.length)} units, got ${String(units)}`);
  return londonBoroughs.slice(0, units).map((borough) => ({ kind: 'borough', name: borough.name }));
};

/**
 * The `index`-th command of a unit's postings, in cycles: a substantive commander starts, is
 * assessed `assessments` times (twelve by default, with a partner every other time), and leaves
 * for promotion after the minimum term; the next commander starts the next day. Each command
 * records one event.
 */
export const postingCommandOf = (unit: CommandUnit, index: number, assessments: number = ASSESSMENTS_PER_POSTING): PostingCommand => {
  const firstDay: IsoDate = isoDate('2009-07-01');
  const cycle = assessments + 2;
  const posting = Math.floor(index / cycle);
  const step = index % cycle;
  const key = unit.name.toLowerCase().replaceAll(' ', '-');
  const postingId = `${key}-posting-${String(posting)}`;
  const start = addDays(firstDay, posting * (DAYS_IN_POST + 1));
  const commandId = `${key}-command-${String(index)}`;
  if (step === 0) {
    return {
      type: 'StartPosting',
      commandId,
      at: start,
      unit,
      postingId,
      role: 'borough-commander',
      officer: { id: `${key}-officer-${String(posting)}`, name: `Commander ${String(posting)} of ${unit.name}`, rank: 'chief-superintendent' },
      acting: false,
      lineManager: 'Area Commander Hart',
    };
  }
  if (step <= assessments) {
    return {
      type: 'AssessPerformance',
      commandId,
      at: addDays(start, Math.floor((step * (DAYS_IN_POST - 20)) / assessments)),
      unit,
      postingId,
      assessedBy: 'Area Commander Hart',
      partners: step % 2 === 0 ? [{ kind: 'local-authority-leader', name: `Leader of ${unit.name} council` }] : [],
    };
  }
  return { type: 'EndPosting', commandId, at: addDays(start, DAYS_IN_POST), unit, postingId, reason: 'promotion' };
};

/** The posting workload: `perUnit` commands for each of `units` units, taken in turns (one per unit, then the next round). */
export const postingWorkload = (units: number, perUnit: number): readonly UnitCommand[] => {
  const chosen = workloadUnits(units);
  const commands: UnitCommand[] = [];
  for (let index = 0; index < perUnit; index++) for (const unit of chosen) commands.push({ unit, command: postingCommandOf(unit, index) });
  return commands;
};
