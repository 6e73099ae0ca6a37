import type { EnforcementMode } from '../policy/policy-values.js';
import type { IsoDate } from '../shared/iso-date.js';
import { decideRecordingDepartures } from '../shared/record-departures.js';
import type { RestructureDecision } from './restructure-decision.js';
import type { RestructureRejection } from './restructure-rejections.js';

/**
 * The rejections `record` mode records as departures instead of refusing the decision, and their
 * rules: a BCU that went live before its consultations (RS-2), its function leads and dedicated
 * superintendents (RS-5; never without its commander), its dedicated ward officers (RS-7) or a
 * 24/7 station in each borough (RS-8); a roll-out before the pathfinders' evaluation, or an
 * evaluation before a pathfinder went live (RS-3); a BCU commander of another rank than the
 * policy's, or an interim one outside a pathfinder BCU (RS-4); resources shared across a BCU's
 * boroughs before it went live (RS-6: only `ShareResources` waives `BcuNotLive`); a BCU of one
 * borough (RS-1); a programme abandoned while a BCU of it was live (RS-9, the BCU stays live).
 * What names nothing that could be recorded (an unknown or closed BCU or programme, a name taken, a
 * borough twice or outside London) and a borough in two BCUs at once (AC-1 answers with one
 * command unit per borough) are refused in both modes.
 */
export const departableRestructureRejections = {
  TooFewBoroughs: 'RS-1',
  ProgrammeHasLiveBcu: 'RS-9',
  ConsultationsMissing: 'RS-2',
  LeadershipIncomplete: 'RS-5',
  WardOfficersNotAllocated: 'RS-7',
  NoTwentyFourHourStation: 'RS-8',
  PathfindersNotEvaluated: 'RS-3',
  NoPathfinderBcuWentLive: 'RS-3',
  WrongCommanderRank: 'RS-4',
  InterimOutsidePathfinder: 'RS-4',
  BcuNotLive: 'RS-6',
} as const;

type DepartableTag = keyof typeof departableRestructureRejections;
type Departable = Extract<RestructureRejection, { readonly _tag: DepartableTag }>;

const isDepartable = (rejection: RestructureRejection): rejection is Departable =>
  rejection._tag in departableRestructureRejections && !(rejection._tag === 'LeadershipIncomplete' && rejection.commanderMissing);

/**
 * RS-1 to RS-9 in `record` mode: a decision one of them refuses is decided again
 * with it waived, and `RestructureRuleDeparted` (the rule, the rejection's tag and words, the BCU)
 * comes before the decision's events.
 */
export const decideRestructureRecordingDepartures = (
  enforcement: EnforcementMode,
  restructureId: string,
  bcu: string | null,
  at: IsoDate,
  decide: (waived: ReadonlySet<string>) => RestructureDecision,
): RestructureDecision =>
  decideRecordingDepartures(
    enforcement,
    isDepartable,
    (rejection) => ({
      type: 'RestructureRuleDeparted' as const,
      data: { restructureId, rule: departableRestructureRejections[rejection._tag], departure: rejection._tag, message: rejection.message, bcu, at },
    }),
    decide,
  );
