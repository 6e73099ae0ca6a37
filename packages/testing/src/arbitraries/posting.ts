import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import {
  activePostings,
  actingCommander,
  addDays,
  addYears,
  commanderRoles,
  daysBetween,
  defaultPolicy,
  endReasons,
  isoDate,
  londonBcus,
  londonBoroughs,
  partnerKinds,
  postingDecider,
  ranks,
  rolesOfUnitKind,
  substantiveCommander,
  valuesOn,
  type ActivePosting,
  type AssessPerformanceCommand,
  type CommandUnit,
  type EndPostingCommand,
  type EndPostingsForRestructureCommand,
  type EndReason,
  type IsoDate,
  type Officer,
  type Partner,
  type Policy,
  type PostingCommand,
  type PostingEvent,
  type PostingState,
  type StartPostingCommand,
} from '@borough-command/domain';

/** Narrows the choices of the posting command arbitraries, so that random commands meet each other. */
export interface PostingArbitraryOptions {
  /** The unit every command names; a London borough or a BCU drawn at random when absent. */
  readonly unit?: CommandUnit;
  /** The posting ids commands draw from; four by default. */
  readonly postingIds?: readonly string[];
  /** The officers commands draw from; four by default. */
  readonly officers?: readonly Officer[];
  /** The earliest date a command takes effect; 2000-01-01 by default. */
  readonly from?: IsoDate;
  /** The latest date a command takes effect; 2025-12-31 by default. */
  readonly to?: IsoDate;
}

/** The posting event of one type. */
export type PostingEventOf<T extends PostingEvent['type']> = Extract<PostingEvent, { type: T }>;

const FIRST_DAY = isoDate('2000-01-01');
const LAST_DAY = isoDate('2025-12-31');
const LEAP_DAYS = [isoDate('2004-02-29'), isoDate('2008-02-29'), isoDate('2012-02-29'), isoDate('2016-02-29')];

const oneOfList = <A>(values: readonly A[], what: string): fc.Arbitrary<A> => {
  const [first, ...rest] = values;
  if (first === undefined) throw new Error(`no ${what} to choose from`);
  return fc.constantFrom(first, ...rest);
};

const OFFICER_NAMES = ['Amira Khan', 'Ben Okafor', 'Claire Dawson', 'Dev Patel', 'Erin Walsh', 'Femi Adeyemi', 'Grace Liu', 'Hugh Barrett'];
const ASSESSORS = ['Area Commander North', 'Area Commander South', 'Area Commander East', 'Area Commander West'];
const PARTNER_NAMES = ['Council chief executive', 'Council leader', 'Local MP', 'MPA link member', 'Safer neighbourhoods board'];

/** A calendar date from `from` to `to` (inclusive), with 29 February now and then. */
export const isoDateArbitrary = (from: IsoDate = FIRST_DAY, to: IsoDate = LAST_DAY): fc.Arbitrary<IsoDate> => {
  const anyDay = fc.integer({ min: 0, max: Math.max(0, daysBetween(from, to)) }).map((days) => addDays(from, days));
  const leapDays = LEAP_DAYS.filter((day) => day >= from && day <= to);
  return leapDays.length === 0 ? anyDay : fc.oneof({ arbitrary: anyDay, weight: 9 }, { arbitrary: oneOfList(leapDays, 'leap day'), weight: 1 });
};

/** One of London's 32 borough commands, from the reference data. */
export const londonBoroughUnitArbitrary: fc.Arbitrary<CommandUnit> = oneOfList(
  londonBoroughs.map((borough): CommandUnit => ({ kind: 'borough', name: borough.name })),
  'borough',
);

/** One of the 12 BCUs of 2017-2019, from the reference data. */
export const londonBcuUnitArbitrary: fc.Arbitrary<CommandUnit> = oneOfList(
  londonBcus.map((bcu): CommandUnit => ({ kind: 'bcu', name: bcu.name })),
  'BCU',
);

/** A command unit: a London borough or a BCU. */
export const commandUnitArbitrary: fc.Arbitrary<CommandUnit> = fc.oneof(londonBoroughUnitArbitrary, londonBcuUnitArbitrary);

/** An officer with an id `officer-<n>`, a name and a rank. */
export const officerArbitrary: fc.Arbitrary<Officer> = fc.record({
  id: fc.integer({ min: 1, max: 99 }).map((n) => `officer-${String(n)}`),
  name: oneOfList(OFFICER_NAMES, 'name'),
  rank: fc.constantFrom(...ranks),
});

/** A local partner of any kind. */
export const partnerArbitrary: fc.Arbitrary<Partner> = fc.record({
  kind: fc.constantFrom(...partnerKinds),
  name: oneOfList(PARTNER_NAMES, 'partner'),
});

/** A reason a posting ends, exceptional or not. */
export const endReasonArbitrary: fc.Arbitrary<EndReason> = fc.constantFrom(...endReasons);

const defaultOfficers: readonly Officer[] = [
  { id: 'officer-1', name: 'Amira Khan', rank: 'chief-superintendent' },
  { id: 'officer-2', name: 'Ben Okafor', rank: 'chief-superintendent' },
  { id: 'officer-3', name: 'Claire Dawson', rank: 'superintendent' },
  { id: 'officer-4', name: 'Dev Patel', rank: 'chief-superintendent' },
];
const defaultPostingIds: readonly string[] = ['posting-1', 'posting-2', 'posting-3', 'posting-4'];

const commandIdArbitrary = fc.integer({ min: 1, max: 1_000_000 }).map((n) => `command-${String(n)}`);
const unitOf = (options: PostingArbitraryOptions): fc.Arbitrary<CommandUnit> =>
  options.unit === undefined ? commandUnitArbitrary : fc.constant(options.unit);
const postingIdOf = (options: PostingArbitraryOptions): fc.Arbitrary<string> => oneOfList(options.postingIds ?? defaultPostingIds, 'posting id');
const officerOf = (options: PostingArbitraryOptions): fc.Arbitrary<Officer> => oneOfList(options.officers ?? defaultOfficers, 'officer');
const dateOf = (options: PostingArbitraryOptions): fc.Arbitrary<IsoDate> => isoDateArbitrary(options.from, options.to);

/** A `StartPosting` command (PO-1), not necessarily one the decider accepts. */
export const startPostingArbitrary = (options: PostingArbitraryOptions = {}): fc.Arbitrary<StartPostingCommand> =>
  fc.record(
    {
      type: fc.constant('StartPosting' as const),
      commandId: commandIdArbitrary,
      at: dateOf(options),
      unit: unitOf(options),
      postingId: postingIdOf(options),
      role: fc.constantFrom(...commanderRoles),
      officer: officerOf(options),
      acting: fc.boolean(),
      lineManager: oneOfList(ASSESSORS, 'line manager'),
      appointmentProcessId: fc.integer({ min: 1, max: 999 }).map((n) => `process-${String(n)}`),
    },
    { requiredKeys: ['type', 'commandId', 'at', 'unit', 'postingId', 'role', 'officer', 'acting'] },
  );

/** An `EndPosting` command (PO-2, PO-3), not necessarily one the decider accepts. */
export const endPostingArbitrary = (options: PostingArbitraryOptions = {}): fc.Arbitrary<EndPostingCommand> =>
  fc.record(
    {
      type: fc.constant('EndPosting' as const),
      commandId: commandIdArbitrary,
      at: dateOf(options),
      unit: unitOf(options),
      postingId: postingIdOf(options),
      reason: endReasonArbitrary,
      detail: fc.constantFrom('moved to a new role', 'family circumstances', 'force reorganisation'),
      approvedBy: oneOfList(ASSESSORS, 'approver'),
    },
    { requiredKeys: ['type', 'commandId', 'at', 'unit', 'postingId', 'reason'] },
  );

/** An `AssessPerformance` command (PO-4), with no to three partners. */
export const assessPerformanceArbitrary = (options: PostingArbitraryOptions = {}): fc.Arbitrary<AssessPerformanceCommand> =>
  fc.record({
    type: fc.constant('AssessPerformance' as const),
    commandId: commandIdArbitrary,
    at: dateOf(options),
    unit: unitOf(options),
    postingId: postingIdOf(options),
    assessedBy: oneOfList(ASSESSORS, 'assessor'),
    partners: fc.array(partnerArbitrary, { maxLength: 3 }),
  });

/** An `EndPostingsForRestructure` command (PO-6) naming one of the 12 BCUs. */
export const endPostingsForRestructureArbitrary = (
  options: PostingArbitraryOptions = {},
): fc.Arbitrary<EndPostingsForRestructureCommand> =>
  fc.record({
    type: fc.constant('EndPostingsForRestructure' as const),
    commandId: commandIdArbitrary,
    at: dateOf(options),
    unit: unitOf(options),
    bcu: oneOfList(
      londonBcus.map((bcu) => bcu.name),
      'BCU',
    ),
  });

/** Any posting command; restructures are rarer than the others. */
export const postingCommandArbitrary = (options: PostingArbitraryOptions = {}): fc.Arbitrary<PostingCommand> =>
  fc.oneof(
    { arbitrary: startPostingArbitrary(options), weight: 4 },
    { arbitrary: endPostingArbitrary(options), weight: 3 },
    { arbitrary: assessPerformanceArbitrary(options), weight: 2 },
    { arbitrary: endPostingsForRestructureArbitrary(options), weight: 1 },
  );

const nullableOf = <A>(arbitrary: fc.Arbitrary<A>): fc.Arbitrary<A | null> => fc.option(arbitrary, { nil: null });

/** A `PostingStarted` event whose minimum-term end, when present, is the third anniversary of its start. */
export const postingStartedArbitrary: fc.Arbitrary<PostingEventOf<'PostingStarted'>> = fc
  .record({
    postingId: postingIdOf({}),
    unit: commandUnitArbitrary,
    role: fc.constantFrom(...commanderRoles),
    officer: officerArbitrary,
    acting: fc.boolean(),
    interim: fc.boolean(),
    designate: fc.boolean(),
    start: isoDateArbitrary(),
    lineManager: nullableOf(oneOfList(ASSESSORS, 'line manager')),
    appointmentProcessId: nullableOf(fc.constant('process-1')),
    hasMinimumTerm: fc.boolean(),
  })
  .map(({ hasMinimumTerm, ...data }) => ({
    type: 'PostingStarted' as const,
    data: { ...data, minimumTermEnd: hasMinimumTerm && !data.interim && !data.acting ? addYears(data.start, 3) : null },
  }));

/** A `PostingEnded` event whose days served and minimum-term fields agree with its dates. */
export const postingEndedArbitrary: fc.Arbitrary<PostingEventOf<'PostingEnded'>> = fc
  .record({
    postingId: postingIdOf({}),
    unit: commandUnitArbitrary,
    role: fc.constantFrom(...commanderRoles),
    officer: officerArbitrary,
    acting: fc.boolean(),
    start: isoDateArbitrary(),
    daysServed: fc.integer({ min: 0, max: 3000 }),
    reason: endReasonArbitrary,
    detail: nullableOf(fc.constant('moved on')),
    approvedBy: nullableOf(oneOfList(ASSESSORS, 'approver')),
    hasMinimumTerm: fc.boolean(),
    exceptional: fc.boolean(),
    restructure: nullableOf(fc.record({ restructureId: fc.constant('restructure-1'), bcu: fc.constant('Central North'), eventId: fc.uuid() })),
  })
  .map(({ hasMinimumTerm, ...data }) => {
    const end = addDays(data.start, data.daysServed);
    const minimumTermEnd = hasMinimumTerm ? addYears(data.start, 3) : null;
    return {
      type: 'PostingEnded' as const,
      data: { ...data, end, minimumTermEnd, minimumTermMet: minimumTermEnd === null ? null : end >= minimumTermEnd },
    };
  });

/** A `MinimumTermBreached` event: an end before the third anniversary of the start. */
export const minimumTermBreachedArbitrary: fc.Arbitrary<PostingEventOf<'MinimumTermBreached'>> = fc
  .record({
    postingId: postingIdOf({}),
    unit: commandUnitArbitrary,
    officer: officerArbitrary,
    start: isoDateArbitrary(isoDate('2009-07-01')),
    daysShort: fc.integer({ min: 1, max: 1095 }),
    reason: endReasonArbitrary,
    missing: fc.constantFrom('exceptional-reason' as const, 'circumstances' as const, 'restructure' as const, 'approval' as const),
  })
  .map(({ daysShort, ...data }) => {
    const minimumTermEnd = addYears(data.start, 3);
    const end = addDays(minimumTermEnd, -Math.min(daysShort, daysBetween(data.start, minimumTermEnd)));
    return { type: 'MinimumTermBreached' as const, data: { ...data, end, minimumTermEnd, daysShort: daysBetween(end, minimumTermEnd) } };
  });

/** A `PerformanceAssessed` event, flagged exactly when no partner contributed. */
export const performanceAssessedArbitrary: fc.Arbitrary<PostingEventOf<'PerformanceAssessed'>> = fc
  .record({
    postingId: postingIdOf({}),
    unit: commandUnitArbitrary,
    officer: officerArbitrary,
    assessedBy: oneOfList(ASSESSORS, 'assessor'),
    partners: fc.array(partnerArbitrary, { maxLength: 3 }),
    at: isoDateArbitrary(),
  })
  .map((data) => ({ type: 'PerformanceAssessed' as const, data: { ...data, noPartnerInvolved: data.partners.length === 0 } }));

/** Any posting event. */
export const postingEventArbitrary: fc.Arbitrary<PostingEvent> = fc.oneof(
  postingStartedArbitrary,
  postingEndedArbitrary,
  minimumTermBreachedArbitrary,
  performanceAssessedArbitrary,
);

/** One command of a valid history and the events the decider recorded for it. */
export interface PostingHistoryStep {
  readonly command: PostingCommand;
  readonly events: readonly PostingEvent[];
}

/** A history of one command unit's postings that the decider accepted, command by command. */
export interface PostingHistory {
  readonly unit: CommandUnit;
  readonly policy: Policy;
  readonly steps: readonly PostingHistoryStep[];
  readonly commands: readonly PostingCommand[];
  readonly events: readonly PostingEvent[];
}

/** What a step of a history means to do; the interpreter turns it into a command the state allows. */
type Intent =
  | { readonly kind: 'start'; readonly gap: number; readonly roleIndex: number; readonly acting: boolean; readonly promoteCover: boolean }
  | {
      readonly kind: 'end';
      readonly gap: number;
      readonly pick: number;
      readonly early: boolean;
      readonly reasonIndex: number;
      readonly approved: boolean;
    }
  | { readonly kind: 'assess'; readonly gap: number; readonly pick: number; readonly partners: number };

const gapArbitrary = fc.integer({ min: 0, max: 900 });

const startIntent: fc.Arbitrary<Intent> = fc.record({
  kind: fc.constant('start' as const),
  gap: gapArbitrary,
  roleIndex: fc.nat(5),
  acting: fc.boolean(),
  promoteCover: fc.boolean(),
});
const endIntent: fc.Arbitrary<Intent> = fc.record({
  kind: fc.constant('end' as const),
  gap: gapArbitrary,
  pick: fc.nat(5),
  early: fc.boolean(),
  reasonIndex: fc.nat(20),
  approved: fc.boolean(),
});
const assessIntent: fc.Arbitrary<Intent> = fc.record({
  kind: fc.constant('assess' as const),
  gap: gapArbitrary,
  pick: fc.nat(5),
  partners: fc.nat(3),
});
const intentArbitrary: fc.Arbitrary<Intent> = fc.oneof(
  { arbitrary: startIntent, weight: 4 },
  { arbitrary: endIntent, weight: 3 },
  { arbitrary: assessIntent, weight: 2 },
);

const historyPartners: readonly Partner[] = [
  { kind: 'local-authority-chief-executive', name: 'Council chief executive' },
  { kind: 'local-authority-leader', name: 'Council leader' },
  { kind: 'mp', name: 'Local MP' },
];

const nth = <A>(values: readonly A[], index: number): A => {
  const value = values[index % values.length];
  if (value === undefined) throw new Error('picked from an empty list');
  return value;
};

/** Builds the commands of a history from intents, always one the current state allows. */
const interpret = (
  policy: Policy,
  unit: CommandUnit,
  firstDay: IsoDate,
  intents: readonly Intent[],
  restructure: { readonly gap: number } | null,
): PostingHistory => {
  const decider = postingDecider(policy);
  let state: PostingState = decider.initialState;
  let today = firstDay;
  let nextNumber = 1;
  const steps: PostingHistoryStep[] = [];

  const apply = (command: PostingCommand): void => {
    const decided = decider.decide(command, state);
    if (E.isLeft(decided)) {
      throw new Error(`validPostingHistory built a command the decider refused: ${JSON.stringify(decided.left)}`);
    }
    state = decided.right.reduce(decider.evolve, state);
    steps.push({ command, events: decided.right });
  };
  const commandId = (): string => `history-command-${String(steps.length + 1)}`;
  const laterBy = (gap: number): IsoDate => addDays(today, gap);

  const end = (posting: ActivePosting, intent: { gap: number; early: boolean; reasonIndex: number; approved: boolean }): void => {
    const candidate = laterBy(intent.gap);
    const term = posting.minimumTermEnd;
    const earlyEnd = term !== null && candidate < term;
    const recordMode = policy.enforcement === 'record';
    let date = candidate;
    let reason = nth(endReasons, intent.reasonIndex);
    let approvedBy: string | undefined = intent.approved ? 'Area Commander North' : undefined;
    let detail: string | undefined;
    if (earlyEnd && !(intent.early && recordMode)) {
      // PO-3: an exceptional reason is shown by its circumstances; organisational restructure would
      // have to name a restructure touching the unit, which a history of one unit does not have.
      const shown = valuesOn(policy, candidate).exceptionalReasons.filter((exceptional) => exceptional !== 'organisational-restructure');
      if (intent.early && shown.length > 0) {
        reason = nth(shown, intent.reasonIndex);
        approvedBy = 'Assistant Commissioner Territorial Policing';
        detail = 'family circumstances';
      } else {
        date = term;
      }
    }
    today = date;
    apply({
      type: 'EndPosting',
      commandId: commandId(),
      at: date,
      unit,
      postingId: posting.postingId,
      reason,
      ...(detail === undefined ? {} : { detail }),
      ...(approvedBy === undefined ? {} : { approvedBy }),
    });
  };

  for (const intent of intents) {
    const active = activePostings(state);
    switch (intent.kind) {
      case 'start': {
        const role = nth(rolesOfUnitKind[unit.kind], intent.roleIndex);
        const holder = substantiveCommander(state, role);
        if (holder !== undefined) {
          end(holder, { gap: intent.gap, early: intent.acting, reasonIndex: intent.roleIndex, approved: true });
          break;
        }
        const cover = actingCommander(state, role);
        const number = nextNumber++;
        today = laterBy(intent.gap);
        apply({
          type: 'StartPosting',
          commandId: commandId(),
          at: today,
          unit,
          postingId: `posting-${String(number)}`,
          role,
          officer:
            cover !== undefined && intent.promoteCover
              ? cover.officer
              : { id: `officer-${String(number)}`, name: nth(OFFICER_NAMES, number), rank: 'chief-superintendent' },
          acting: cover === undefined && intent.acting,
          ...(intent.promoteCover ? { lineManager: 'Area Commander North' } : {}),
        });
        break;
      }
      case 'end':
        if (active.length > 0) end(nth(active, intent.pick), intent);
        break;
      case 'assess':
        if (active.length > 0) {
          today = laterBy(intent.gap);
          apply({
            type: 'AssessPerformance',
            commandId: commandId(),
            at: today,
            unit,
            postingId: nth(active, intent.pick).postingId,
            assessedBy: 'Area Commander North',
            partners: historyPartners.slice(0, intent.partners),
          });
        }
        break;
    }
  }
  if (restructure !== null) {
    const bcu = unit.kind === 'bcu' ? unit.name : (londonBoroughs.find((borough) => borough.name === unit.name)?.bcu2018 ?? 'Central North');
    today = laterBy(restructure.gap);
    apply({ type: 'EndPostingsForRestructure', commandId: commandId(), at: today, unit, bcu });
  }
  const commands = steps.map((step) => step.command);
  const history: PostingHistory = { unit, policy, steps, commands, events: steps.flatMap((step) => step.events) };
  // A counterexample names the unit, the mode and the commands, not the whole policy.
  return Object.assign(history, {
    [fc.toStringMethod]: (): string => `validPostingHistory(${policy.enforcement}) of ${JSON.stringify(unit)}: ${JSON.stringify(commands)}`,
  });
};

/**
 * Command sequences for one command unit (a London borough or a BCU from the reference data) that
 * the decider accepts under `policy`, with the events it recorded. The first command starts a
 * posting; then come substantive and acting postings, early and full-term ends, assessments with
 * and without partners, and now and then a restructure at the end. Dates never go backwards; the
 * first is from 2000 to 2016, so the minimum term's effective date (2009-07-01) falls inside many
 * histories.
 */
export const validPostingHistory = (policy: Policy = defaultPolicy): fc.Arbitrary<PostingHistory> =>
  fc
    .record({
      unit: commandUnitArbitrary,
      firstDay: fc.oneof(
        isoDateArbitrary(isoDate('2000-01-01'), isoDate('2016-12-31')),
        isoDateArbitrary(isoDate('2009-06-25'), isoDate('2009-07-05')),
      ),
      firstStart: startIntent,
      intents: fc.array(intentArbitrary, { maxLength: 20 }),
      restructure: fc.option(fc.record({ gap: gapArbitrary }), { nil: null, freq: 4 }),
    })
    .map(({ unit, firstDay, firstStart, intents, restructure }) => interpret(policy, unit, firstDay, [firstStart, ...intents], restructure));
