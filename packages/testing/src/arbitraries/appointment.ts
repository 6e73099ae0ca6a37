import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import {
  addDays,
  appointmentDecider,
  valuesOn,
  daysBetween,
  defaultPolicy,
  isoDate,
  laterOf,
  londonBcus,
  londonBoroughs,
  partnerKinds,
  ranks,
  type AppointmentCommand,
  type AppointmentCommandOf,
  type AppointmentCommandType,
  type AppointmentEvent,
  type AppointmentState,
  type CandidateRoute,
  type CommandUnit,
  type CommanderRole,
  type IsoDate,
  type Officer,
  type Partner,
  type PartnerKind,
  type Policy,
} from '@borough-command/domain';

// ---------------------------------------------------------------- values

/** The first day of the dates the appointment arbitraries draw by default. */
export const APPOINTMENT_DATES_FROM: IsoDate = isoDate('2005-01-01');
/** The last day of the dates the appointment arbitraries draw by default. */
export const APPOINTMENT_DATES_UNTIL: IsoDate = isoDate('2020-12-31');

/** A date from `from` to `until`, both included. */
export const appointmentDateBetween = (from: IsoDate, until: IsoDate): fc.Arbitrary<IsoDate> =>
  fc.integer({ min: 0, max: Math.max(0, daysBetween(from, until)) }).map((days) => addDays(from, days));

/** A date from 2005 to 2020, the years the appointment rules were in force. */
export const appointmentDateArbitrary: fc.Arbitrary<IsoDate> = appointmentDateBetween(APPOINTMENT_DATES_FROM, APPOINTMENT_DATES_UNTIL);

const lowerAlphanumeric = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'.split(''));

/** An identifier such as `candidate-k3x9`: the prefix, a dash and 3 to 8 letters or digits. */
export const appointmentIdArbitrary = (prefix: string): fc.Arbitrary<string> =>
  fc.string({ unit: lowerAlphanumeric, minLength: 3, maxLength: 8 }).map((suffix) => `${prefix}-${suffix}`);

const givenNames = ['Amira', 'Ben', 'Chloe', 'David', 'Esther', 'Femi', 'Grace', 'Harjit', 'Ioana', 'James', 'Kemi', 'Liam', 'Maya', 'Niall', 'Olu', 'Priya'];
const familyNames = ['Adeyemi', 'Baker', 'Chowdhury', 'Doyle', 'Evans', 'Fraser', 'Gill', 'Hughes', 'Iqbal', 'Jones', 'Khan', 'Lewis', 'Mensah', 'Novak', 'Okafor', 'Patel'];

/** A person's name such as `Grace Okafor`. */
export const personNameArbitrary: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...givenNames), fc.constantFrom(...familyNames))
  .map(([given, family]) => `${given} ${family}`);

/** A police officer with a generated id, a name and any rank. */
export const candidateOfficerArbitrary: fc.Arbitrary<Officer> = fc.record({
  id: appointmentIdArbitrary('officer'),
  name: personNameArbitrary,
  rank: fc.constantFrom(...ranks),
});

/** A partner of the given kinds (every kind by default), with a person's name. */
export const appointmentPartnerArbitrary = (kinds: readonly PartnerKind[] = partnerKinds): fc.Arbitrary<Partner> =>
  fc.record({ kind: fc.constantFrom(...kinds), name: personNameArbitrary });

/** A partner who speaks for the local authority: its chief executive or its leader (AP-3). */
export const localAuthorityPartnerArbitrary: fc.Arbitrary<Partner> = appointmentPartnerArbitrary([
  'local-authority-chief-executive',
  'local-authority-leader',
]);

/** One of London's 32 boroughs as a command unit. */
export const appointmentBoroughUnitArbitrary: fc.Arbitrary<CommandUnit> = fc
  .constantFrom(...londonBoroughs.map((borough) => borough.name))
  .map((name) => ({ kind: 'borough' as const, name }));

/** One of the BCUs of 2017-2019 as a command unit. */
export const appointmentBcuUnitArbitrary: fc.Arbitrary<CommandUnit> = fc
  .constantFrom(...londonBcus.map((bcu) => bcu.name))
  .map((name) => ({ kind: 'bcu' as const, name }));

/** A London borough or BCU as a command unit. */
export const appointmentUnitArbitrary: fc.Arbitrary<CommandUnit> = fc.oneof(appointmentBoroughUnitArbitrary, appointmentBcuUnitArbitrary);

/** Any commander role. */
export const appointmentRoleArbitrary: fc.Arbitrary<CommanderRole> = fc.constantFrom(
  'borough-commander',
  'link-borough-commander',
  'bcu-commander',
);

/** A command unit with a role that commands it (AP-1): a borough role for a borough, the BCU commander for a BCU. */
export const fittingUnitAndRoleArbitrary: fc.Arbitrary<{ readonly unit: CommandUnit; readonly role: CommanderRole }> = fc.oneof(
  fc.record({ unit: appointmentBoroughUnitArbitrary, role: fc.constantFrom('borough-commander' as const, 'link-borough-commander' as const) }),
  fc.record({ unit: appointmentBcuUnitArbitrary, role: fc.constant('bcu-commander' as const) }),
);

/** How a candidate entered the process: applied or shortlisted. */
export const candidateRouteArbitrary: fc.Arbitrary<CandidateRoute> = fc.constantFrom('applied', 'shortlisted');

/** A short free-text reason, such as why the ACTP declined or why a process was abandoned. */
export const appointmentReasonArbitrary: fc.Arbitrary<string> = fc.constantFrom(
  'the vacancy was withdrawn',
  'the borough joins a BCU',
  'no suitable candidate',
  'needs more experience of partnership working',
  'candidate withdrew',
);

// ---------------------------------------------------------------- commands

/** Where the fields shared by many commands come from; each has a default. */
export interface AppointmentArbitraryOptions {
  /** The process id; a generated `process-…` id by default. */
  readonly processId?: fc.Arbitrary<string>;
  /** A candidate id; a generated `officer-…` id by default. */
  readonly candidateId?: fc.Arbitrary<string>;
  /** The command's date; a date from 2005 to 2020 by default. */
  readonly at?: fc.Arbitrary<IsoDate>;
}

const processIdOf = (options: AppointmentArbitraryOptions): fc.Arbitrary<string> => options.processId ?? appointmentIdArbitrary('process');
const candidateIdOf = (options: AppointmentArbitraryOptions): fc.Arbitrary<string> => options.candidateId ?? appointmentIdArbitrary('officer');
const atOf = (options: AppointmentArbitraryOptions): fc.Arbitrary<IsoDate> => options.at ?? appointmentDateArbitrary;

const commandOf = <T extends AppointmentCommandType, R extends object>(
  type: T,
  options: AppointmentArbitraryOptions,
  fields: { [K in keyof R]: fc.Arbitrary<R[K]> },
): fc.Arbitrary<AppointmentCommandOf<T>> =>
  fc
    .record({ commandId: appointmentIdArbitrary('command'), at: atOf(options), processId: processIdOf(options), fields: fc.record(fields) })
    .map(({ fields: values, ...base }) => ({ type, ...base, ...values }) as unknown as AppointmentCommandOf<T>);

/** An `OpenAppointmentProcess` command (AP-1) for any London unit and any role, fitting or not. */
export const openAppointmentProcessArbitrary = (
  options: AppointmentArbitraryOptions = {},
): fc.Arbitrary<AppointmentCommandOf<'OpenAppointmentProcess'>> =>
  commandOf('OpenAppointmentProcess', options, { unit: appointmentUnitArbitrary, role: appointmentRoleArbitrary, areaCommander: personNameArbitrary });

/** An `AttachRoleDescription` command (AP-2) for a version from 1 to 3. */
export const attachRoleDescriptionArbitrary = (
  options: AppointmentArbitraryOptions = {},
): fc.Arbitrary<AppointmentCommandOf<'AttachRoleDescription'>> =>
  commandOf('AttachRoleDescription', options, { version: fc.integer({ min: 1, max: 3 }) });

/** A `ConsultPartner` command (AP-3) for a partner of any kind. */
export const consultPartnerArbitrary = (options: AppointmentArbitraryOptions = {}): fc.Arbitrary<AppointmentCommandOf<'ConsultPartner'>> =>
  commandOf('ConsultPartner', options, { partner: appointmentPartnerArbitrary() });

/** A `RecordCandidate` command (AP-4); the candidate's id comes from `options.candidateId`. */
export const recordCandidateArbitrary = (options: AppointmentArbitraryOptions = {}): fc.Arbitrary<AppointmentCommandOf<'RecordCandidate'>> =>
  commandOf('RecordCandidate', options, {
    candidate: fc.record({ id: candidateIdOf(options), name: personNameArbitrary, rank: fc.constantFrom(...ranks) }),
    route: candidateRouteArbitrary,
  });

/** An `InterviewCandidate` command (AP-4). */
export const interviewCandidateArbitrary = (
  options: AppointmentArbitraryOptions = {},
): fc.Arbitrary<AppointmentCommandOf<'InterviewCandidate'>> => commandOf('InterviewCandidate', options, { candidateId: candidateIdOf(options) });

/** A `ProposePreferredCandidate` command (AP-5). */
export const proposePreferredCandidateArbitrary = (
  options: AppointmentArbitraryOptions = {},
): fc.Arbitrary<AppointmentCommandOf<'ProposePreferredCandidate'>> =>
  commandOf('ProposePreferredCandidate', options, { candidateId: candidateIdOf(options) });

/** An `AgreeProposal` command (AP-6). */
export const agreeProposalArbitrary = (options: AppointmentArbitraryOptions = {}): fc.Arbitrary<AppointmentCommandOf<'AgreeProposal'>> =>
  commandOf('AgreeProposal', options, { actp: personNameArbitrary });

/** A `DeclineProposal` command (AP-6) with a reason. */
export const declineProposalArbitrary = (options: AppointmentArbitraryOptions = {}): fc.Arbitrary<AppointmentCommandOf<'DeclineProposal'>> =>
  commandOf('DeclineProposal', options, { actp: personNameArbitrary, reason: appointmentReasonArbitrary });

/** A `DiscussChosenCandidate` command (AP-7) with one to three partners. */
export const discussChosenCandidateArbitrary = (
  options: AppointmentArbitraryOptions = {},
): fc.Arbitrary<AppointmentCommandOf<'DiscussChosenCandidate'>> =>
  commandOf('DiscussChosenCandidate', options, { partners: fc.array(appointmentPartnerArbitrary(), { minLength: 1, maxLength: 3 }) });

/** A `RecordThreeYearCommitment` command (AP-8). */
export const recordThreeYearCommitmentArbitrary = (
  options: AppointmentArbitraryOptions = {},
): fc.Arbitrary<AppointmentCommandOf<'RecordThreeYearCommitment'>> =>
  commandOf('RecordThreeYearCommitment', options, { candidateId: candidateIdOf(options) });

/** A `TakeFinalDecision` command (AP-9) with a start date from 2005 to 2020. */
export const takeFinalDecisionArbitrary = (
  options: AppointmentArbitraryOptions = {},
): fc.Arbitrary<AppointmentCommandOf<'TakeFinalDecision'>> =>
  commandOf('TakeFinalDecision', options, {
    policeAuthorityDecisionBy: personNameArbitrary,
    mpsDecisionBy: personNameArbitrary,
    startDate: appointmentDateArbitrary,
  });

/** A `ReportOutcome` command (AP-10). */
export const reportOutcomeArbitrary = (options: AppointmentArbitraryOptions = {}): fc.Arbitrary<AppointmentCommandOf<'ReportOutcome'>> =>
  commandOf('ReportOutcome', options, { directorHr: personNameArbitrary });

/** An `AbandonAppointmentProcess` command (AP-11) with a reason. */
export const abandonAppointmentProcessArbitrary = (
  options: AppointmentArbitraryOptions = {},
): fc.Arbitrary<AppointmentCommandOf<'AbandonAppointmentProcess'>> =>
  commandOf('AbandonAppointmentProcess', options, { reason: appointmentReasonArbitrary });

/** Any appointment command, of any of the thirteen types. */
export const appointmentCommandArbitrary = (options: AppointmentArbitraryOptions = {}): fc.Arbitrary<AppointmentCommand> =>
  fc.oneof(
    openAppointmentProcessArbitrary(options),
    attachRoleDescriptionArbitrary(options),
    consultPartnerArbitrary(options),
    recordCandidateArbitrary(options),
    interviewCandidateArbitrary(options),
    proposePreferredCandidateArbitrary(options),
    agreeProposalArbitrary(options),
    declineProposalArbitrary(options),
    discussChosenCandidateArbitrary(options),
    recordThreeYearCommitmentArbitrary(options),
    takeFinalDecisionArbitrary(options),
    reportOutcomeArbitrary(options),
    abandonAppointmentProcessArbitrary(options),
  );

// ---------------------------------------------------------------- events

type EventData<T extends AppointmentEvent['type']> = Extract<AppointmentEvent, { readonly type: T }>['data'];

const eventOf = <T extends AppointmentEvent['type']>(
  type: T,
  data: fc.Arbitrary<EventData<T>>,
): fc.Arbitrary<Extract<AppointmentEvent, { readonly type: T }>> =>
  data.map((value) => ({ type, data: value }) as Extract<AppointmentEvent, { readonly type: T }>);

const processIdAndAt = { processId: appointmentIdArbitrary('process'), at: appointmentDateArbitrary };

/** An `AppointmentProcessOpened` event (AP-1) for a unit with a fitting role. */
export const appointmentProcessOpenedArbitrary = eventOf(
  'AppointmentProcessOpened',
  fc
    .record({ ...processIdAndAt, unitAndRole: fittingUnitAndRoleArbitrary, areaCommander: personNameArbitrary })
    .map(({ unitAndRole, ...rest }) => ({ ...rest, ...unitAndRole })),
);

/** A `RoleDescriptionAttached` event (AP-2). */
export const roleDescriptionAttachedArbitrary = eventOf(
  'RoleDescriptionAttached',
  fc.record({ ...processIdAndAt, role: appointmentRoleArbitrary, version: fc.integer({ min: 1, max: 3 }), endorsedOn: appointmentDateArbitrary }),
);

/** A `PartnerConsulted` event (AP-3). */
export const partnerConsultedArbitrary = eventOf('PartnerConsulted', fc.record({ ...processIdAndAt, partner: appointmentPartnerArbitrary() }));

/** A `CandidateRecorded` event (AP-4). */
export const candidateRecordedArbitrary = eventOf(
  'CandidateRecorded',
  fc.record({ ...processIdAndAt, candidate: candidateOfficerArbitrary, route: candidateRouteArbitrary }),
);

/** A `CandidateInterviewed` event (AP-4). */
export const candidateInterviewedArbitrary = eventOf(
  'CandidateInterviewed',
  fc.record({ ...processIdAndAt, candidateId: appointmentIdArbitrary('officer'), interviewedBy: personNameArbitrary }),
);

/** A `PreferredCandidateProposed` event (AP-5). */
export const preferredCandidateProposedArbitrary = eventOf(
  'PreferredCandidateProposed',
  fc.record({ ...processIdAndAt, candidateId: appointmentIdArbitrary('officer'), proposedBy: personNameArbitrary }),
);

/** A `ProposalAgreed` event (AP-6). */
export const proposalAgreedArbitrary = eventOf(
  'ProposalAgreed',
  fc.record({ ...processIdAndAt, candidateId: appointmentIdArbitrary('officer'), agreedBy: personNameArbitrary }),
);

/** A `ProposalDeclined` event (AP-6). */
export const proposalDeclinedArbitrary = eventOf(
  'ProposalDeclined',
  fc.record({ ...processIdAndAt, candidateId: appointmentIdArbitrary('officer'), declinedBy: personNameArbitrary, reason: appointmentReasonArbitrary }),
);

/** A `ChosenCandidateDiscussed` event (AP-7). */
export const chosenCandidateDiscussedArbitrary = eventOf(
  'ChosenCandidateDiscussed',
  fc.record({ ...processIdAndAt, candidateId: appointmentIdArbitrary('officer'), partners: fc.array(appointmentPartnerArbitrary(), { minLength: 1, maxLength: 3 }) }),
);

/** A `ThreeYearCommitmentGiven` event (AP-8). */
export const threeYearCommitmentGivenArbitrary = eventOf(
  'ThreeYearCommitmentGiven',
  fc.record({ ...processIdAndAt, candidateId: appointmentIdArbitrary('officer') }),
);

/** An `AppointmentConfirmed` event (AP-9). */
export const appointmentConfirmedArbitrary = eventOf(
  'AppointmentConfirmed',
  fc
    .record({
      ...processIdAndAt,
      unitAndRole: fittingUnitAndRoleArbitrary,
      candidate: candidateOfficerArbitrary,
      policeAuthorityDecisionBy: personNameArbitrary,
      mpsDecisionBy: personNameArbitrary,
      oversightBody: fc.constantFrom(...new Set(defaultPolicy.versions.map((version) => version.values.oversightBody)), null),
      partnersInvolved: fc.array(appointmentPartnerArbitrary(), { maxLength: 4 }),
      areaCommander: personNameArbitrary,
      startDate: appointmentDateArbitrary,
    })
    .map(({ unitAndRole, ...rest }) => ({ ...rest, ...unitAndRole })),
);

/** An `OutcomeReported` event (AP-10). */
export const outcomeReportedArbitrary = eventOf('OutcomeReported', fc.record({ ...processIdAndAt, directorHr: personNameArbitrary }));

/** An `AppointmentProcessAbandoned` event (AP-11). */
export const appointmentProcessAbandonedArbitrary = eventOf(
  'AppointmentProcessAbandoned',
  fc.record({ ...processIdAndAt, reason: appointmentReasonArbitrary }),
);

/** Any appointment event, of any of the thirteen types. */
export const appointmentEventArbitrary: fc.Arbitrary<AppointmentEvent> = fc.oneof(
  appointmentProcessOpenedArbitrary,
  roleDescriptionAttachedArbitrary,
  partnerConsultedArbitrary,
  candidateRecordedArbitrary,
  candidateInterviewedArbitrary,
  preferredCandidateProposedArbitrary,
  proposalAgreedArbitrary,
  proposalDeclinedArbitrary,
  chosenCandidateDiscussedArbitrary,
  threeYearCommitmentGivenArbitrary,
  appointmentConfirmedArbitrary,
  outcomeReportedArbitrary,
  appointmentProcessAbandonedArbitrary,
);

// ---------------------------------------------------------------- valid histories

/** How far a generated history follows the process (AP-1 to AP-10). */
export const appointmentStages = [
  'opened',
  'prepared',
  'interviewed',
  'proposed',
  'agreed',
  'discussed',
  'confirmed',
  'completed',
] as const;
/** A point the process reached: opened; partners consulted and candidates recorded; ... ; completed. */
export type AppointmentStage = (typeof appointmentStages)[number];

/** Commands the appointment decider accepted one after the other, and the events they recorded. */
export interface AppointmentHistory {
  readonly commands: readonly AppointmentCommand[];
  readonly events: readonly AppointmentEvent[];
  /** How far the process went before it stopped or was abandoned. */
  readonly stage: AppointmentStage;
  readonly abandoned: boolean;
}

interface HistoryPlan {
  readonly processId: string;
  readonly unitAndRole: { readonly unit: CommandUnit; readonly role: CommanderRole };
  readonly areaCommander: string;
  readonly openedOn: IsoDate;
  readonly stage: number;
  readonly abandon: boolean;
  readonly localAuthority: Partner;
  readonly otherPartners: readonly Partner[];
  readonly localAuthorityPosition: number;
  readonly candidatesFirst: boolean;
  readonly candidates: readonly { readonly officer: Officer; readonly route: CandidateRoute }[];
  readonly interviews: number;
  readonly declines: number;
  readonly descriptionChoice: number;
  readonly discussionPartners: readonly Partner[];
  readonly commitEvenWhenOptional: boolean;
  readonly gaps: readonly number[];
  readonly startAfterDecision: number;
  readonly actp: string;
  readonly declineReason: string;
  readonly policeAuthorityDecisionBy: string;
  readonly mpsDecisionBy: string;
  readonly directorHr: string;
  readonly abandonReason: string;
}

const MAX_GAP_DAYS = 45;
const MAX_STEPS = 32;

const historyPlanArbitrary: fc.Arbitrary<HistoryPlan> = fc.record({
  processId: appointmentIdArbitrary('process'),
  unitAndRole: fittingUnitAndRoleArbitrary,
  areaCommander: personNameArbitrary,
  openedOn: appointmentDateBetween(APPOINTMENT_DATES_FROM, isoDate('2018-12-31')),
  stage: fc.integer({ min: 0, max: appointmentStages.length - 1 }),
  abandon: fc.boolean(),
  localAuthority: localAuthorityPartnerArbitrary,
  otherPartners: fc.array(appointmentPartnerArbitrary(), { maxLength: 3 }),
  localAuthorityPosition: fc.nat(),
  candidatesFirst: fc.boolean(),
  candidates: fc.uniqueArray(fc.record({ officer: candidateOfficerArbitrary, route: candidateRouteArbitrary }), {
    minLength: 1,
    maxLength: 4,
    selector: (candidate) => candidate.officer.id,
  }),
  interviews: fc.nat(),
  declines: fc.nat(),
  descriptionChoice: fc.nat(),
  discussionPartners: fc.array(appointmentPartnerArbitrary(), { minLength: 1, maxLength: 3 }),
  commitEvenWhenOptional: fc.boolean(),
  gaps: fc.array(fc.nat(MAX_GAP_DAYS), { minLength: MAX_STEPS, maxLength: MAX_STEPS }),
  startAfterDecision: fc.nat(120),
  actp: personNameArbitrary,
  declineReason: appointmentReasonArbitrary,
  policeAuthorityDecisionBy: personNameArbitrary,
  mpsDecisionBy: personNameArbitrary,
  directorHr: personNameArbitrary,
  abandonReason: appointmentReasonArbitrary,
});

const stageIndex = (stage: AppointmentStage): number => appointmentStages.indexOf(stage);

/** Turns a plan into commands, dating each step a few days after the one before. */
const commandsOfPlan = (plan: HistoryPlan, policy: Policy): { readonly commands: AppointmentCommand[]; readonly stage: AppointmentStage } => {
  const { processId } = plan;
  const { role } = plan.unitAndRole;
  const endorsed = valuesOn(policy, plan.openedOn).roleDescriptions.filter(
    (description) => description.role === role && description.endorsedOn !== undefined,
  );
  const description = endorsed[plan.descriptionChoice % Math.max(1, endorsed.length)];
  // Without an endorsed description nobody can be interviewed (AP-2): the history stops before.
  const reached = Math.min(plan.stage, description === undefined ? stageIndex('prepared') : plan.stage);
  const stage = appointmentStages[reached] ?? 'opened';

  const commands: AppointmentCommand[] = [];
  let date = plan.openedOn;
  let gapIndex = 0;
  const nextDate = (notBefore?: IsoDate): IsoDate => {
    date = addDays(date, plan.gaps[gapIndex % plan.gaps.length] ?? 0);
    gapIndex += 1;
    if (notBefore !== undefined) date = laterOf(date, notBefore);
    return date;
  };
  const base = (at: IsoDate) => ({ commandId: `${processId}/${String(commands.length + 1)}`, processId, at });

  commands.push({ type: 'OpenAppointmentProcess', ...base(plan.openedOn), ...plan.unitAndRole, areaCommander: plan.areaCommander });
  if (reached >= stageIndex('prepared')) {
    const partners = [...plan.otherPartners];
    partners.splice(plan.localAuthorityPosition % (partners.length + 1), 0, plan.localAuthority);
    // AP-3: every kind of partner any version of the policy requires (an MP, the link member) is consulted too.
    for (const partner of [
      { kind: 'mp', name: 'Member of Parliament for the borough' },
      { kind: 'link-member', name: 'Police authority link member' },
    ] as const) {
      if (!partners.some((consulted) => consulted.kind === partner.kind)) partners.push(partner);
    }
    const recordCandidates = (): void => {
      for (const { officer, route } of plan.candidates) {
        commands.push({ type: 'RecordCandidate', ...base(nextDate()), candidate: officer, route });
      }
    };
    if (plan.candidatesFirst) recordCandidates();
    for (const partner of partners) commands.push({ type: 'ConsultPartner', ...base(nextDate()), partner });
    if (description !== undefined) {
      commands.push({ type: 'AttachRoleDescription', ...base(nextDate(description.endorsedOn)), version: description.version });
    }
    if (!plan.candidatesFirst) recordCandidates();
  }
  const interviewed = plan.candidates.slice(0, 1 + (plan.interviews % plan.candidates.length)).map(({ officer }) => officer.id);
  if (reached >= stageIndex('interviewed')) {
    for (const candidateId of interviewed) commands.push({ type: 'InterviewCandidate', ...base(nextDate()), candidateId });
  }
  const declined = interviewed.slice(0, Math.min(plan.declines % 3, interviewed.length - 1));
  const chosen = interviewed[declined.length] ?? '';
  if (reached >= stageIndex('proposed')) {
    for (const candidateId of declined) {
      commands.push({ type: 'ProposePreferredCandidate', ...base(nextDate()), candidateId });
      commands.push({ type: 'DeclineProposal', ...base(nextDate()), actp: plan.actp, reason: plan.declineReason });
    }
    commands.push({ type: 'ProposePreferredCandidate', ...base(nextDate()), candidateId: chosen });
  }
  if (reached >= stageIndex('agreed')) commands.push({ type: 'AgreeProposal', ...base(nextDate()), actp: plan.actp });
  if (reached >= stageIndex('discussed')) {
    commands.push({ type: 'DiscussChosenCandidate', ...base(nextDate()), partners: plan.discussionPartners });
  }
  if (reached >= stageIndex('confirmed')) {
    const committedOn = nextDate();
    const decidedOn = addDays(committedOn, plan.gaps[gapIndex % plan.gaps.length] ?? 0);
    if (plan.commitEvenWhenOptional || valuesOn(policy, decidedOn).commitmentRequired) {
      commands.push({ type: 'RecordThreeYearCommitment', ...base(committedOn), candidateId: chosen });
    }
    date = decidedOn;
    commands.push({
      type: 'TakeFinalDecision',
      ...base(decidedOn),
      policeAuthorityDecisionBy: plan.policeAuthorityDecisionBy,
      mpsDecisionBy: plan.mpsDecisionBy,
      startDate: addDays(decidedOn, plan.startAfterDecision),
    });
  }
  if (reached >= stageIndex('completed')) commands.push({ type: 'ReportOutcome', ...base(nextDate()), directorHr: plan.directorHr });
  if (plan.abandon && reached < stageIndex('confirmed')) {
    commands.push({ type: 'AbandonAppointmentProcess', ...base(nextDate()), reason: plan.abandonReason });
  }
  return { commands, stage };
};

/**
 * Command sequences the appointment decider accepts, following the process to any point: opened
 * only, partway, confirmed, completed, or abandoned before the decision; with the events they
 * recorded. Roles without an endorsed role description in the policy stop before the interviews.
 */
export const validAppointmentHistory = (policy: Policy = defaultPolicy): fc.Arbitrary<AppointmentHistory> => {
  const decider = appointmentDecider(policy);
  return historyPlanArbitrary.map((plan) => {
    const { commands, stage } = commandsOfPlan(plan, policy);
    const events: AppointmentEvent[] = [];
    let state: AppointmentState = decider.initialState;
    for (const command of commands) {
      const decision = decider.decide(command, state);
      if (E.isLeft(decision)) {
        throw new Error(`validAppointmentHistory built a command the decider refuses: ${decision.left.message}`);
      }
      events.push(...decision.right);
      state = decision.right.reduce(decider.evolve, state);
    }
    const abandoned = commands.at(-1)?.type === 'AbandonAppointmentProcess';
    return { commands, events, stage, abandoned };
  });
};

