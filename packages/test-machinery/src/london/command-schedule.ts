import type { DomainCommand } from '@borough-command/domain';

/** Where a command goes among the commands of its day: ends first, so a vacancy exists before anything fills it. */
export type SameDayOrder = 'first' | 'normal';

interface Entry {
  readonly command: DomainCommand;
  readonly order: SameDayOrder;
  readonly sequence: number;
}

/** Commands written story by story, read back in date order. */
export interface CommandSchedule {
  /** Adds a command; within one stream, commands are added in date order. */
  readonly add: (command: DomainCommand, order?: SameDayOrder) => void;
  /** Every command by date, ends of the day first, then in the order added. */
  readonly commands: () => readonly DomainCommand[];
}

/** An empty schedule. */
export const createCommandSchedule = (): CommandSchedule => {
  const entries: Entry[] = [];
  return {
    add: (command, order = 'normal') => {
      entries.push({ command, order, sequence: entries.length });
    },
    commands: () =>
      [...entries]
        .sort(
          (a, b) =>
            (a.command.at < b.command.at ? -1 : a.command.at > b.command.at ? 1 : 0) ||
            (a.order === b.order ? 0 : a.order === 'first' ? -1 : 1) ||
            a.sequence - b.sequence,
        )
        .map((entry) => entry.command),
  };
};
