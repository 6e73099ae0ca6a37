import fc from 'fast-check';
import { addDays, commanderRoles, daysBetween, isoDate, type CommanderRole, type IsoDate } from '@borough-command/domain';
import type { PostingReport } from '@borough-command/projections';

/** The facts of a posting a chart test cares about. */
export interface PostingShape {
  readonly postingId: string;
  readonly role: CommanderRole;
  readonly acting: boolean;
  readonly start: IsoDate;
  readonly end: IsoDate | null;
}

/** A TE-1 posting row with the given shape and neutral values elsewhere: substantive, neither interim nor designate, in command from its start. */
export const postingReport = (shape: PostingShape): PostingReport => ({
  postingId: shape.postingId,
  unit: { kind: 'borough', name: 'Camden' },
  officer: { id: `officer-${shape.postingId}`, name: `Officer ${shape.postingId}`, rank: 'chief-superintendent' },
  role: shape.role,
  acting: shape.acting,
  interim: false,
  designate: false,
  start: shape.start,
  commandFrom: shape.start,
  end: shape.end,
  daysServed: shape.end === null ? null : daysBetween(shape.start, shape.end),
  minimumTermEnd: null,
  minimumTerm: 'not-applicable',
  endReason: shape.end === null ? null : 'other',
  detail: null,
  approvedBy: null,
  exceptional: shape.end === null ? null : false,
  breached: false,
  lineManager: null,
  appointmentProcessId: null,
  sources: [],
});

const origin = isoDate('2009-01-01');

/** Dates from 2009 to about 2020. */
export const dateArbitrary: fc.Arbitrary<IsoDate> = fc.integer({ min: 0, max: 4000 }).map((days) => addDays(origin, days));

/** Postings of any roles, overlapping or not, some still in post, each at least a day long, with distinct ids. */
export const postingsArbitrary: fc.Arbitrary<readonly PostingReport[]> = fc
  .array(
    fc.record({
      role: fc.constantFrom(...commanderRoles),
      acting: fc.boolean(),
      start: fc.integer({ min: 0, max: 4000 }),
      length: fc.option(fc.integer({ min: 1, max: 1500 }), { nil: null }),
    }),
    { maxLength: 14 },
  )
  .map((shapes) =>
    shapes.map(({ role, acting, start, length }, index) =>
      postingReport({
        postingId: `p${String(index)}`,
        role,
        acting,
        start: addDays(origin, start),
        end: length === null ? null : addDays(origin, start + length),
      }),
    ),
  );
