/**
 * The views over HTTP: tenure of a command unit (TE-1), accountability for a borough as at a date
 * (AC-1), the audit trail of an appointment (AU-1) and London-wide continuity (TE-2). Every row
 * names the events it comes from (`sources`, `evidence`, `source`).
 */
import * as E from 'fp-ts/lib/Either.js';
import { isIsoDate, isLondonBorough, type CommandUnit } from '@borough-command/domain';
import type { BoroughCommandViews } from '@borough-command/projections';
import { errorReply, type Reply } from './http-json.js';

const ok = (body: unknown): Reply => ({ status: 200, body });

/**
 * The command unit a path segment names: `borough:Camden`, `bcu:Central North`, or a bare name
 * (a London borough, else a BCU the views know).
 */
export const unitFromSegment = (segment: string, views: BoroughCommandViews): E.Either<Reply, CommandUnit> => {
  const match = /^(borough|bcu):(.+)$/.exec(segment);
  const unit: CommandUnit | undefined =
    match?.[1] === 'borough' || match?.[1] === 'bcu'
      ? { kind: match[1], name: match[2] ?? '' }
      : isLondonBorough(segment)
        ? { kind: 'borough', name: segment }
        : views.tenure.units().find((known) => known.kind === 'bcu' && known.name === segment);
  if (unit === undefined) return E.left(errorReply(404, 'UnknownUnit', `'${segment}' is neither one of London's 32 boroughs nor a BCU with a posting`));
  if (unit.kind === 'borough' && !isLondonBorough(unit.name)) {
    return E.left(errorReply(404, 'UnknownUnit', `'${unit.name}' is not one of London's 32 boroughs`));
  }
  if (unit.kind === 'bcu' && !views.tenure.units().some((known) => known.kind === 'bcu' && known.name === unit.name)) {
    return E.left(errorReply(404, 'UnknownUnit', `no posting of the BCU '${unit.name}' has been recorded`));
  }
  return E.right(unit);
};

/** `GET /units/<unit>/tenure`: TE-1, every posting of the unit and the periods between them. */
export const getTenure = (views: BoroughCommandViews, segment: string): Reply => {
  const unit = unitFromSegment(segment, views);
  return E.isLeft(unit) ? unit.left : ok(views.tenure.tenureOf(unit.right));
};

/** `GET /boroughs/<borough>/accountability?asAt=YYYY-MM-DD`: AC-1 on that date. */
export const getAccountability = (views: BoroughCommandViews, borough: string, asAt: string | null): Reply => {
  if (asAt === null) return errorReply(400, 'MissingDate', 'give the date as ?asAt=YYYY-MM-DD', { field: 'asAt' });
  if (!isIsoDate(asAt)) return errorReply(400, 'InvalidDate', `'${asAt}' is not a date YYYY-MM-DD`, { field: 'asAt' });
  const answer = views.accountability.accountabilityOn(borough, asAt);
  return E.isLeft(answer) ? errorReply(404, answer.left._tag, answer.left.message) : ok(answer.right);
};

/** `GET /appointments/<processId>/trail`: AU-1, every decision of the process in order. */
export const getTrail = (views: BoroughCommandViews, processId: string): Reply => {
  const trail = views.audit.trailOf(processId);
  return trail === undefined ? errorReply(404, 'UnknownAppointment', `no appointment process '${processId}' has been recorded`) : ok(trail);
};

/** `GET /continuity`: TE-2 London-wide, every command unit together. */
export const getContinuity = (views: BoroughCommandViews): Reply => ok(views.continuity.londonWide());
