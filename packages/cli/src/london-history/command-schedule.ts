import type { DomainCommand } from '@borough-command/domain';

/** Where a command goes among the commands of its day: ends first, so a vacancy exists before anything fills it. */
export type SameDayOrder = 'first' | 'normal';

/**
 * The order of every generated history: by day, then by rank within the day (the lowest first),
 * then in the order written. `dayOf` gives dates (`YYYY-MM-DD`) or day numbers, never both.
 */
export const inHistoryOrder = <A>(entries: readonly A[], dayOf: (entry: A) => string | number, rankOf: (entry: A) => number): A[] =>
  entries
    .map((entry, sequence) => ({ entry, day: dayOf(entry), rank: rankOf(entry), sequence }))
    .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0) || a.rank - b.rank || a.sequence - b.sequence)
    .map(({ entry }) => entry);

/** Commands written story by story, read back in date order. */
export interface CommandSchedule {
  /** Adds a command; within one stream, commands are added in date order. */
  readonly add: (command: DomainCommand, order?: SameDayOrder) => void;
  /** Every command by date, ends of the day first, then in the order added. */
  readonly commands: () => readonly DomainCommand[];
}

/** An empty schedule. */
export const createCommandSchedule = (): CommandSchedule => {
  const entries: { readonly command: DomainCommand; readonly order: SameDayOrder }[] = [];
  return {
    add: (command, order = 'normal') => {
      entries.push({ command, order });
    },
    commands: () =>
      inHistoryOrder(
        entries,
        (entry) => entry.command.at,
        (entry) => (entry.order === 'first' ? 0 : 1),
      ).map((entry) => entry.command),
  };
};
