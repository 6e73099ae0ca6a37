import type { DomainCommand } from '@borough-command/domain';

/**
 * When a command runs relative to others of the same day: ends of postings first, so a vacancy
 * exists before anything fills it; then everything else in the order it was written.
 */
export type SameDayOrder = 'first' | 'normal';

interface Entry {
  readonly command: DomainCommand;
  readonly order: SameDayOrder;
  readonly sequence: number;
}

/** Commands collected from several stories, run in date order. */
export interface Schedule {
  readonly add: (command: DomainCommand, order?: SameDayOrder) => void;
  readonly commands: () => DomainCommand[];
}

/** An empty schedule. Within one stream, commands must be added in date order. */
export const createSchedule = (): Schedule => {
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
