/** Rejections about police stations open 24/7 (RS-8). */
import type { RuleViolation } from '../../shared/rule-id.js';
import { listInWords } from '../wording.js';

/** RS-8: a station is registered once per borough. */
export interface StationAlreadyRegistered extends RuleViolation<'StationAlreadyRegistered'> {
  readonly borough: string;
  readonly station: string;
}
/** RS-8: refuses to register a 24/7 station twice. */
export const stationAlreadyRegistered = (borough: string, station: string): StationAlreadyRegistered => ({
  _tag: 'StationAlreadyRegistered',
  rule: 'RS-8',
  message: `${station} is already registered as a 24/7 police station of ${borough}.`,
  borough,
  station,
});

/** RS-8: only a registered 24/7 station can close. */
export interface UnknownStation extends RuleViolation<'UnknownStation'> {
  readonly borough: string;
  readonly station: string;
}
/** RS-8: refuses to close a station that is not a registered 24/7 station of the borough. */
export const unknownStation = (borough: string, station: string): UnknownStation => ({
  _tag: 'UnknownStation',
  rule: 'RS-8',
  message: `${station} is not a registered 24/7 police station of ${borough}.`,
  borough,
  station,
});

/** RS-8: a borough's last 24/7 station stays open. */
export interface LastTwentyFourHourStation extends RuleViolation<'LastTwentyFourHourStation'> {
  readonly borough: string;
  readonly station: string;
}
/** RS-8: refuses to close a borough's last 24/7 station. */
export const lastTwentyFourHourStation = (borough: string, station: string): LastTwentyFourHourStation => ({
  _tag: 'LastTwentyFourHourStation',
  rule: 'RS-8',
  message: `${station} is the last police station in ${borough} open to the public 24 hours a day, 7 days a week; it cannot close until another is registered.`,
  borough,
  station,
});

/** RS-8: a BCU goes live only when each of its boroughs has a 24/7 station. */
export interface NoTwentyFourHourStation extends RuleViolation<'NoTwentyFourHourStation'> {
  readonly bcu: string;
  readonly boroughs: readonly string[];
}
/** RS-8: refuses to take a BCU live while some of its boroughs have no 24/7 station. */
export const noTwentyFourHourStation = (bcu: string, boroughs: readonly string[]): NoTwentyFourHourStation => ({
  _tag: 'NoTwentyFourHourStation',
  rule: 'RS-8',
  message: `BCU '${bcu}' cannot go live: no police station open 24/7 is registered in ${listInWords(boroughs)}.`,
  bcu,
  boroughs,
});
