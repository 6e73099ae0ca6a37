import { mixSeeds } from '@borough-command/cli/london-history';

const hex = (value: number, digits: number): string => (value >>> 0).toString(16).padStart(8, '0').slice(8 - digits);

/**
 * The event ids of a seeded history, by global position: uuids of version 8 (the version for ids an
 * application makes by its own scheme). The first 20 hex digits come from the seed, the last 12
 * are the position, so ids never repeat within a history (up to 2^48 events).
 */
export const largeHistoryEventIds = (seed: number): ((position: number) => string) => {
  const a = mixSeeds(seed, 0x5eed);
  const b = mixSeeds(seed, 0xb0b);
  const prefix = `${hex(a, 8)}-${hex(b >>> 16, 4)}-8${hex(b, 3)}-${hex(0x8 | (a & 0x3), 1)}${hex(mixSeeds(a, b), 3)}-`;
  return (position) => {
    const low = position % 0x1_0000_0000;
    const high = Math.floor(position / 0x1_0000_0000);
    return `${prefix}${hex(high, 4)}${hex(low, 8)}`;
  };
};
