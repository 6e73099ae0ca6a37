/** Colours for one output stream; every function returns its text unchanged when colour is off. */
export interface Style {
  readonly enabled: boolean;
  readonly bold: (text: string) => string;
  readonly dim: (text: string) => string;
  readonly red: (text: string) => string;
  readonly green: (text: string) => string;
  readonly yellow: (text: string) => string;
}

const wrap =
  (enabled: boolean, open: number, close: number) =>
  (text: string): string =>
    enabled && text !== '' ? `\u001b[${String(open)}m${text}\u001b[${String(close)}m` : text;

/** A style that colours when `enabled`, else leaves text as it is. */
export const createStyle = (enabled: boolean): Style => ({
  enabled,
  bold: wrap(enabled, 1, 22),
  dim: wrap(enabled, 2, 22),
  red: wrap(enabled, 31, 39),
  green: wrap(enabled, 32, 39),
  yellow: wrap(enabled, 33, 39),
});

/**
 * Whether to colour a stream: never when `NO_COLOR` is set to anything but the empty string
 * (no-color.org); always when `FORCE_COLOR` is set and not `0`; otherwise only on a terminal.
 */
export const colourWanted = (isTty: boolean, env: Readonly<Record<string, string | undefined>>): boolean => {
  const noColour = env['NO_COLOR'];
  if (noColour !== undefined && noColour !== '') return false;
  const force = env['FORCE_COLOR'];
  if (force !== undefined && force !== '' && force !== '0') return true;
  return isTty;
};

const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

/** The text without colour codes. */
export const stripStyle = (text: string): string => text.replace(ANSI, '');

/** How many columns text takes on a terminal, colour codes left out. */
export const visibleWidth = (text: string): number => Array.from(stripStyle(text)).length;
