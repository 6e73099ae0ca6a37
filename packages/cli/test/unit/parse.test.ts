import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { parseInvocation, asksForHelp } from '../../src/cli/parse.js';
import { tenureCommand } from '../../src/commands/tenure.js';
import { timelineCommand } from '../../src/commands/timeline.js';
import { verifyCommand } from '../../src/commands/verify.js';

describe('parsing a subcommand line', () => {
  it('joins the words of a name with spaces, wherever the options are', () => {
    const parsed = parseInvocation(timelineCommand, ['Barking', '--journal', 'j.ndjson', 'and', 'Dagenham']);
    expect(E.isRight(parsed) ? parsed.right : undefined).toEqual({ values: { journal: 'j.ndjson' }, positionals: ['Barking and Dagenham'] });
  });

  it('leaves out an optional argument (tenure used the old way), but not one that is needed (timeline)', () => {
    const parsed = parseInvocation(tenureCommand, ['--journal', 'j.ndjson', '--breaches']);
    expect(E.isRight(parsed) ? parsed.right : undefined).toEqual({ values: { journal: 'j.ndjson', breaches: true }, positionals: [] });
    const missing = parseInvocation(timelineCommand, ['--journal', 'j.ndjson']);
    expect(E.isLeft(missing) ? [missing.left.kind, missing.left.message] : undefined).toEqual(['usage', 'missing <command unit>']);
  });

  it('refuses two arguments where one is taken', () => {
    const parsed = parseInvocation(verifyCommand, ['a.ndjson', 'b.ndjson']);
    expect(E.isLeft(parsed) ? [parsed.left.kind, parsed.left.message] : undefined).toEqual(['usage', "expected one <journal>, got 2: 'a.ndjson', 'b.ndjson'"]);
  });

  it('refuses an unknown option as a usage error naming it', () => {
    const parsed = parseInvocation(verifyCommand, ['a.ndjson', '--fix']);
    expect(E.isLeft(parsed) ? [parsed.left.kind, parsed.left.message] : undefined).toEqual(['usage', "unknown option '--fix'"]);
  });

  it('sees --help before --, not after', () => {
    expect(asksForHelp(['x', '-h'])).toBe(true);
    expect(asksForHelp(['--', '--help'])).toBe(false);
  });
});
