/** Rejections about BCUs and their boroughs (RS-1, RS-6, RS-9). */
import type { RuleId, RuleViolation } from '../../shared/rule-id.js';
import type { BcuStatus } from '../restructure-state.js';
import { countOf, listInWords } from '../wording.js';

/** The command names a BCU that has not been proposed. */
export interface UnknownBcu extends RuleViolation<'UnknownBcu'> {
  readonly bcu: string;
}
/** Refuses a command naming a BCU that has not been proposed. */
export const unknownBcu = (rule: RuleId, bcu: string): UnknownBcu => ({
  _tag: 'UnknownBcu',
  rule,
  message: `No BCU named '${bcu}' has been proposed in this restructure.`,
  bcu,
});

/** RS-1: a BCU with this name was already proposed in the restructure. */
export interface BcuNameTaken extends RuleViolation<'BcuNameTaken'> {
  readonly bcu: string;
}
/** RS-1: refuses to propose a second BCU with the same name. */
export const bcuNameTaken = (bcu: string): BcuNameTaken => ({
  _tag: 'BcuNameTaken',
  rule: 'RS-1',
  message: `A BCU named '${bcu}' has already been proposed in this restructure.`,
  bcu,
});

/** RS-1: a BCU merges two or more boroughs. */
export interface TooFewBoroughs extends RuleViolation<'TooFewBoroughs'> {
  readonly bcu: string;
  readonly boroughs: readonly string[];
}
/** RS-1: refuses a BCU of fewer than two boroughs. */
export const tooFewBoroughs = (bcu: string, boroughs: readonly string[]): TooFewBoroughs => ({
  _tag: 'TooFewBoroughs',
  rule: 'RS-1',
  message: `BCU '${bcu}' must merge two or more boroughs; it names ${countOf(boroughs.length, 'borough')}.`,
  bcu,
  boroughs,
});

/** RS-1: the boroughs of a BCU are distinct. */
export interface DuplicateBorough extends RuleViolation<'DuplicateBorough'> {
  readonly bcu: string;
  readonly borough: string;
}
/** RS-1: refuses a BCU that names a borough twice. */
export const duplicateBorough = (bcu: string, borough: string): DuplicateBorough => ({
  _tag: 'DuplicateBorough',
  rule: 'RS-1',
  message: `BCU '${bcu}' names ${borough} more than once; its boroughs must be distinct.`,
  bcu,
  borough,
});

/** RS-1: a borough belongs to at most one proposed or live BCU at a time. */
export interface BoroughInAnotherBcu extends RuleViolation<'BoroughInAnotherBcu'> {
  readonly bcu: string;
  readonly borough: string;
  readonly otherBcu: string;
  readonly otherStatus: BcuStatus;
}
/** RS-1: refuses a BCU with a borough that is already in another proposed or live BCU. */
export const boroughInAnotherBcu = (bcu: string, borough: string, otherBcu: string, otherStatus: BcuStatus): BoroughInAnotherBcu => ({
  _tag: 'BoroughInAnotherBcu',
  rule: 'RS-1',
  message: `${borough} cannot join BCU '${bcu}': it is already in ${otherStatus} BCU '${otherBcu}', and a borough belongs to at most one BCU at a time.`,
  bcu,
  borough,
  otherBcu,
  otherStatus,
});

/** The command names a borough that is not one of the BCU's. */
export interface BoroughNotInBcu extends RuleViolation<'BoroughNotInBcu'> {
  readonly bcu: string;
  readonly borough: string;
  readonly boroughs: readonly string[];
}
/** Refuses a command naming a borough outside the BCU. */
export const boroughNotInBcu = (rule: RuleId, bcu: string, borough: string, boroughs: readonly string[]): BoroughNotInBcu => ({
  _tag: 'BoroughNotInBcu',
  rule,
  message: `${borough} is not a borough of BCU '${bcu}' (${listInWords(boroughs)}).`,
  bcu,
  borough,
  boroughs,
});

/** RS-9: a dissolved or withdrawn BCU accepts nothing more. */
export interface BcuClosed extends RuleViolation<'BcuClosed'> {
  readonly bcu: string;
  readonly status: 'dissolved' | 'withdrawn';
}
/** RS-9: refuses a command on a dissolved or withdrawn BCU. */
export const bcuClosed = (bcu: string, status: 'dissolved' | 'withdrawn'): BcuClosed => ({
  _tag: 'BcuClosed',
  rule: 'RS-9',
  message: `BCU '${bcu}' was ${status}; it accepts nothing more.`,
  bcu,
  status,
});

/** The command needs a live BCU. */
export interface BcuNotLive extends RuleViolation<'BcuNotLive'> {
  readonly bcu: string;
  readonly status: BcuStatus;
}
/** Refuses a command that needs a live BCU; `action` says what only a live BCU can do. */
export const bcuNotLive = (rule: RuleId, bcu: string, status: BcuStatus, action: string): BcuNotLive => ({
  _tag: 'BcuNotLive',
  rule,
  message: `BCU '${bcu}' is ${status}, not live; only a live BCU can ${action}.`,
  bcu,
  status,
});
