import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import { valuesOn, type Policy } from '../policy/policy.js';
import type { PolicyValues } from '../policy/policy-values.js';
import { isExceptionalReason, minimumTermEnd } from '../policy/policy-rules.js';
import { isLondonBorough } from '../reference/london.js';
import type { IsoDate } from '../shared/iso-date.js';
import { roleFitsUnit } from '../shared/roles-of-unit.js';
import type { CommanderRole, CommandUnit, Officer } from '../shared/vocabulary.js';
import type { PostingCommand } from './posting-commands.js';
import { checkUnit } from './posting-checks.js';
import { postingEnded } from './posting-ended-event.js';
import type { PostingEvent } from './posting-events.js';
import { noRestructureKnown, type RestructureTouches } from './restructure-touches.js';
import { endingsForSuccession } from './succession.js';
import { decideRecordingDepartures } from '../shared/record-departures.js';
import { notALondonBorough, roleDoesNotFitUnit } from '../shared/unit-rejections.js';
import {
  noVacancyToCover,
  officerAlreadyPosted,
  overlapsEarlierPosting,
  postingAlreadyEnded,
  postingIdAlreadyUsed,
  startBeforeActingCoverBegan,
  unitAlreadyCommanded,
  type PostingRejection,
} from './posting-rejections.js';
import { actingCommanders, activePostings, endedPostings, findPosting, substantiveCommander } from './posting-queries.js';
import { evolvePosting, type ActivePosting, type EndedPosting, type PostingState } from './posting-state.js';

/** The `StartPosting` command. */
export type StartPostingCommand = Extract<PostingCommand, { type: 'StartPosting' }>;

/** What an acting cover's end says when a substantive commander arrives. */
export const SUBSTANTIVE_ARRIVED = 'substantive commander took up post';

type Check<A> = E.Either<PostingRejection, A>;

// PO-1: a borough command is one of London's 32 boroughs.
const checkLondonBorough = (unit: CommandUnit): Check<CommandUnit> =>
  unit.kind === 'borough' && !isLondonBorough(unit.name) ? E.left(notALondonBorough('PO-1', unit.name)) : E.right(unit);

// PO-1: borough roles in a borough, the BCU commander in a BCU.
const checkRoleFitsUnit = (role: CommanderRole, unit: CommandUnit): Check<CommanderRole> =>
  roleFitsUnit(role, unit) ? E.right(role) : E.left(roleDoesNotFitUnit('PO-1', role, unit));

// PO-1: a new posting has a new id; PO-5: an ended posting does not start again.
const checkPostingIdIsNew = (state: PostingState, postingId: string): Check<string> => {
  const existing = findPosting(state, postingId);
  if (existing === undefined) return E.right(postingId);
  return E.left(existing.status === 'ended' ? postingAlreadyEnded(postingId, existing.end) : postingIdAlreadyUsed(postingId));
};

/**
 * PO-1: one substantive commander per role at a time; an acting commander covers a vacancy only.
 * Returns the acting covers a substantive start ends (every acting commander of the role: one,
 * unless `record` mode recorded another). `waived` names what `record` mode records as a departure
 * instead: a second substantive commander in post (`UnitAlreadyCommanded`; AC-1 then names the
 * later one), an acting commander beside the one in post (`NoVacancyToCover`).
 */
const checkRoleIsFree = (state: PostingState, command: StartPostingCommand, waived: ReadonlySet<string>): Check<readonly ActivePosting[]> => {
  const holder = substantiveCommander(state, command.role);
  const covers = actingCommanders(state, command.role);
  if (command.acting) {
    const occupant = holder ?? covers[0];
    return occupant === undefined || waived.has('NoVacancyToCover')
      ? E.right([])
      : E.left(noVacancyToCover(command.unit, command.role, occupant.officer, occupant.postingId, occupant.acting));
  }
  if (holder !== undefined && !waived.has('UnitAlreadyCommanded')) {
    return E.left(unitAlreadyCommanded(command.unit, command.role, holder.officer, holder.postingId));
  }
  const later = covers.find((cover) => command.at < cover.start);
  if (later !== undefined) return E.left(startBeforeActingCoverBegan(command.at, later.postingId, later.start));
  return E.right(covers);
};

// PO-1: an officer holds one posting in the unit at a time (the acting covers the start ends are
// left); `record` mode records a second one as a departure (`OfficerAlreadyPosted`).
const checkOfficerIsFree = (
  state: PostingState,
  officer: Officer,
  endingCovers: readonly ActivePosting[],
  waived: ReadonlySet<string>,
): Check<Officer> => {
  const held = activePostings(state).find(
    (posting) => posting.officer.id === officer.id && !endingCovers.some((cover) => cover.postingId === posting.postingId),
  );
  return held === undefined || waived.has('OfficerAlreadyPosted') ? E.right(officer) : E.left(officerAlreadyPosted(officer, held.postingId, held.role));
};

// PO-1: one commander per role at a time on the calendar too: no start inside an earlier posting of the role.
const checkNoOverlap = (state: PostingState, role: CommanderRole, start: IsoDate): Check<IsoDate> => {
  const overlapped = endedPostings(state)
    .filter((posting) => posting.role === role && posting.end > start)
    .reduce<EndedPosting | undefined>(
      (latest, posting) => (latest === undefined || posting.end > latest.end ? posting : latest),
      undefined,
    );
  return overlapped === undefined ? E.right(start) : E.left(overlapsEarlierPosting(start, overlapped.postingId, overlapped.end));
};

const postingStarted = (values: PolicyValues, command: StartPostingCommand): PostingEvent => ({
  type: 'PostingStarted',
  data: {
    postingId: command.postingId,
    unit: command.unit,
    role: command.role,
    officer: command.officer,
    acting: command.acting,
    interim: command.interim ?? false,
    designate: command.designate ?? false,
    start: command.at,
    lineManager: command.lineManager ?? null,
    appointmentProcessId: command.appointmentProcessId ?? null,
    // PO-2: the third anniversary of the start (a designate's day named), for substantive postings
    // the policy covers; none for an acting or interim posting.
    minimumTermEnd:
      minimumTermEnd(values, { role: command.role, acting: command.acting, interim: command.interim ?? false, start: command.at }) ?? null,
  },
});

/**
 * PO-1, PO-2: an officer takes command of the unit on `at` (RS-4: or is named its designate, or
 * takes it as interim). A substantive start while an acting commander covers the role ends the
 * acting posting the same day, before the new posting starts. With `succeeds`, the substantive
 * holder of the role leaves the same day first, judged by PO-3, in the same decision. In `record`
 * mode a start that departs from PO-1 (see `departableStartRejections`) is recorded after
 * `PostingRuleDeparted`.
 */
export const startPosting =
  (policy: Policy, touches: RestructureTouches = noRestructureKnown) =>
  (command: StartPostingCommand, state: PostingState): E.Either<PostingRejection, readonly PostingEvent[]> =>
    decideRecordingDepartures(
      policy.enforcement,
      isDepartable,
      (rejection): PostingEvent => ({
        type: 'PostingRuleDeparted',
        data: { postingId: command.postingId, unit: command.unit, rule: 'PO-1', departure: rejection._tag, message: rejection.message, at: command.at },
      }),
      (waived) => decideStart(policy, touches, command, state, waived),
    );

/**
 * The PO-1 rejections `record` mode records after `PostingRuleDeparted` instead of refusing the
 * start: a start inside an earlier posting of the role (a real handover whose recorded dates
 * overlap), a second substantive commander in post, an acting commander beside the one in post,
 * an officer holding two postings of the unit at once. What names no posting that could be
 * recorded (another unit's stream, a taken id, a unit or role that does not exist, an acting cover
 * ended before it began) is refused in both modes.
 */
export const departableStartRejections = ['OverlapsEarlierPosting', 'UnitAlreadyCommanded', 'NoVacancyToCover', 'OfficerAlreadyPosted'] as const;

type DepartableStart = Extract<PostingRejection, { readonly _tag: (typeof departableStartRejections)[number] }>;

const isDepartable = (rejection: PostingRejection): rejection is DepartableStart =>
  (departableStartRejections as readonly string[]).includes(rejection._tag);

const decideStart = (
  policy: Policy,
  touches: RestructureTouches,
  command: StartPostingCommand,
  state: PostingState,
  waived: ReadonlySet<string>,
): E.Either<PostingRejection, readonly PostingEvent[]> =>
    pipe(
      checkUnit(state, command.unit),
      E.chain(() => checkPostingIdIsNew(state, command.postingId)),
      E.chain(() => checkLondonBorough(command.unit)),
      E.chain(() => checkRoleFitsUnit(command.role, command.unit)),
      E.chain(() => endingsForSuccession(policy, touches, command, state)),
      E.chain((succession) => {
        const after = succession.reduce(evolvePosting, state);
        return pipe(
          checkRoleIsFree(after, command, waived),
          E.chainFirst((covers) => checkOfficerIsFree(after, command.officer, covers, waived)),
          E.chainFirst(() => (waived.has('OverlapsEarlierPosting') ? E.right(command.at) : checkNoOverlap(after, command.role, command.at))),
          E.map((covers) => [
            ...succession,
            ...covers.map((cover) =>
              postingEnded(cover, {
                end: command.at,
                reason: 'other',
                detail: SUBSTANTIVE_ARRIVED,
                approvedBy: null,
                exceptional: isExceptionalReason(valuesOn(policy, command.at), 'other'),
                restructure: null,
              }),
            ),
            postingStarted(valuesOn(policy, command.at), command),
          ]),
        );
      }),
    );
