import { describe, expect, it } from 'vitest';
import { colourWanted, createStyle, stripStyle } from '../../src/cli/style.js';

describe('colour', () => {
  it.each([
    [true, {}, true],
    [false, {}, false],
    [true, { NO_COLOR: '1' }, false],
    [true, { NO_COLOR: '' }, true],
    [false, { FORCE_COLOR: '1' }, true],
    [false, { FORCE_COLOR: '0' }, false],
    [true, { FORCE_COLOR: '1', NO_COLOR: 'yes' }, false],
  ] as const)('on a terminal %s with %j: %s', (isTty, env, wanted) => {
    expect(colourWanted(isTty, env)).toBe(wanted);
  });

  it('leaves text as it is when off, and strips back to it when on', () => {
    expect(createStyle(false).red('breach')).toBe('breach');
    const coloured = createStyle(true).red('breach');
    expect(coloured).not.toBe('breach');
    expect(stripStyle(coloured)).toBe('breach');
  });
});
