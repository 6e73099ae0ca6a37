/** Every reason the restructure decider refuses a command, by theme; each names the rule it enforces. */
export * from './rejections/programme-rejections.js';
export * from './rejections/bcu-rejections.js';
export * from './rejections/consultation-rejections.js';
export * from './rejections/leadership-rejections.js';
export * from './rejections/ward-officer-rejections.js';
export * from './rejections/station-rejections.js';

import type {
  UnknownProgramme,
  ProgrammeAlreadyStarted,
  PathfindersNotEvaluated,
  NotAPathfinderProgramme,
  NoPathfinderBcuWentLive,
  ProgrammeAbandoned,
  ProgrammeHasLiveBcu,
} from './rejections/programme-rejections.js';
import type {
  UnknownBcu,
  BcuNameTaken,
  TooFewBoroughs,
  DuplicateBorough,
  NotALondonBorough,
  BoroughInAnotherBcu,
  BoroughNotInBcu,
  BcuClosed,
  BcuNotLive,
} from './rejections/bcu-rejections.js';
import type {
  ConsultationNeedsBorough,
  BoroughGivenForMopac,
  ConsultationsMissing,
} from './rejections/consultation-rejections.js';
import type {
  WrongCommanderRank,
  InterimOutsidePathfinder,
  PredecessorDepartureMissing,
  AlreadyBcuCommander,
  NoPredecessorToLeave,
  NotASuperintendent,
  NoSuperintendentRole,
  NotACoreFunction,
  TooManySuperintendents,
  LeadsAnotherFunction,
  LeadershipIncomplete,
  BcuAlreadyLive,
} from './rejections/leadership-rejections.js';
import type {
  WardBelowMinimum,
  DuplicateWardException,
  TooManyWardExceptions,
  WardOfficersNotAllocated,
} from './rejections/ward-officer-rejections.js';
import type {
  StationAlreadyRegistered,
  UnknownStation,
  LastTwentyFourHourStation,
  NoTwentyFourHourStation,
} from './rejections/station-rejections.js';

/** Every reason the restructure decider refuses a command. */
export type RestructureRejection =
  | UnknownProgramme
  | ProgrammeAlreadyStarted
  | PathfindersNotEvaluated
  | NotAPathfinderProgramme
  | NoPathfinderBcuWentLive
  | ProgrammeAbandoned
  | ProgrammeHasLiveBcu
  | UnknownBcu
  | BcuNameTaken
  | TooFewBoroughs
  | DuplicateBorough
  | NotALondonBorough
  | BoroughInAnotherBcu
  | BoroughNotInBcu
  | BcuClosed
  | BcuNotLive
  | ConsultationNeedsBorough
  | BoroughGivenForMopac
  | ConsultationsMissing
  | WrongCommanderRank
  | InterimOutsidePathfinder
  | PredecessorDepartureMissing
  | AlreadyBcuCommander
  | NoPredecessorToLeave
  | NotASuperintendent
  | NoSuperintendentRole
  | NotACoreFunction
  | TooManySuperintendents
  | LeadsAnotherFunction
  | LeadershipIncomplete
  | BcuAlreadyLive
  | WardBelowMinimum
  | DuplicateWardException
  | TooManyWardExceptions
  | WardOfficersNotAllocated
  | StationAlreadyRegistered
  | UnknownStation
  | LastTwentyFourHourStation
  | NoTwentyFourHourStation;
