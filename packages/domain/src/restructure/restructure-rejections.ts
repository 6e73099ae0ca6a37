/** Every reason the restructure decider refuses a command, by theme; each names the rule it enforces. */
export {
  type UnknownProgramme,
  unknownProgramme,
  type ProgrammeAlreadyStarted,
  programmeAlreadyStarted,
  type PathfindersNotEvaluated,
  pathfindersNotEvaluated,
  type NotAPathfinderProgramme,
  notAPathfinderProgramme,
  type NoPathfinderBcuWentLive,
  noPathfinderBcuWentLive,
  type ProgrammeAbandoned,
  programmeAbandoned,
  type ProgrammeHasLiveBcu,
  programmeHasLiveBcu,
} from './rejections/programme-rejections.js';
export {
  type UnknownBcu,
  unknownBcu,
  type BcuNameTaken,
  bcuNameTaken,
  type TooFewBoroughs,
  tooFewBoroughs,
  type DuplicateBorough,
  duplicateBorough,
  type BoroughInAnotherBcu,
  boroughInAnotherBcu,
  type BoroughNotInBcu,
  boroughNotInBcu,
  type BcuClosed,
  bcuClosed,
  type BcuNotLive,
  bcuNotLive,
} from './rejections/bcu-rejections.js';
export {
  type ConsultationNeedsBorough,
  consultationNeedsBorough,
  type BoroughGivenForMopac,
  boroughGivenForMopac,
  type MissingConsultation,
  type ConsultationsMissing,
  consultationsMissing,
} from './rejections/consultation-rejections.js';
export {
  type WrongCommanderRank,
  wrongCommanderRank,
  type InterimOutsidePathfinder,
  interimOutsidePathfinder,
  type PredecessorDepartureMissing,
  predecessorDepartureMissing,
  type AlreadyBcuCommander,
  alreadyBcuCommander,
  type NoPredecessorToLeave,
  noPredecessorToLeave,
  type NotASuperintendent,
  notASuperintendent,
  type NoSuperintendentRole,
  noSuperintendentRole,
  type NotACoreFunction,
  notACoreFunction,
  type TooManySuperintendents,
  tooManySuperintendents,
  type LeadershipIncomplete,
  type LeadsAnotherFunction,
  leadsAnotherFunction,
  leadershipIncomplete,
  type BcuAlreadyLive,
  bcuAlreadyLive,
} from './rejections/leadership-rejections.js';
export {
  type WardBelowMinimum,
  wardBelowMinimum,
  type DuplicateWardException,
  duplicateWardException,
  type TooManyWardExceptions,
  tooManyWardExceptions,
  type WardOfficersNotAllocated,
  wardOfficersNotAllocated,
} from './rejections/ward-officer-rejections.js';
export {
  type StationAlreadyRegistered,
  stationAlreadyRegistered,
  type UnknownStation,
  unknownStation,
  type LastTwentyFourHourStation,
  lastTwentyFourHourStation,
  type NoTwentyFourHourStation,
  noTwentyFourHourStation,
} from './rejections/station-rejections.js';

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
import type { NotALondonBorough } from '../shared/unit-rejections.js';

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
