import type { CommandUnit, Officer, Partner } from '@borough-command/domain';
import { EMPTY_CELL } from '../cli/table.js';

/** A value of the domain's vocabulary in words: `borough-commander` is `borough commander`, `bcu-commander` is `BCU commander`. */
export const words = (value: string): string => value.replaceAll('-', ' ').replace(/\bbcu\b/g, 'BCU');

/** A command unit in words: `Camden (borough)`, `Central North (BCU)`. */
export const unitName = (unit: CommandUnit): string => `${unit.name} (${unit.kind === 'bcu' ? 'BCU' : 'borough'})`;

/** An officer in words: name and rank. */
export const officerName = (officer: Officer): string => `${officer.name}, ${words(officer.rank)}`;

/** A partner in words: name and part, e.g. `local authority leader: Jane Doe`. */
export const partnerName = (partner: Partner): string => `${words(partner.kind)}: ${partner.name}`;

/** A list in words, `-` when empty. */
export const listOf = (items: readonly string[]): string => (items.length === 0 ? EMPTY_CELL : items.join('; '));
