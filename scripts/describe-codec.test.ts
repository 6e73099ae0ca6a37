import { AllocateDedicatedWardOfficers, StartPosting } from '@borough-command/domain';
import { describe, expect, it } from 'vitest';
import { describeFields } from './describe-codec.js';

describe('the fields of a command, as docs/commands.md lists them', () => {
  it('a field of an object that may be left out is required within it, and says so', () => {
    const fields = describeFields(AllocateDedicatedWardOfficers);
    expect(fields.find((field) => field.path === 'exceptions')).toMatchObject({ optional: true });
    expect(fields.find((field) => field.path === 'exceptions[].ward')).toMatchObject({ optional: false, within: 'exceptions' });
    expect(fields.find((field) => field.path === 'borough')).toEqual(expect.objectContaining({ optional: false }));
    expect(fields.find((field) => field.path === 'borough')?.within).toBeUndefined();
  });

  it('an optional field of an optional object stays optional', () => {
    const fields = describeFields(StartPosting);
    expect(fields.find((field) => field.path === 'succeeds.reason')).toMatchObject({ optional: false, within: 'succeeds' });
    expect(fields.find((field) => field.path === 'succeeds.detail')).toMatchObject({ optional: true });
  });
});
