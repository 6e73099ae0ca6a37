/** Rejections about dedicated ward officers (RS-7). */
import type { RuleViolation } from '../../shared/rule-id.js';
import { countOf, listInWords } from '../wording.js';

/** RS-7: every ward keeps at least the policy's minimum of dedicated ward officers (two). */
export interface WardBelowMinimum extends RuleViolation<'WardBelowMinimum'> {
  readonly borough: string;
  /** The ward listed as an exception, or null when the borough's allocation per ward is too low. */
  readonly ward: string | null;
  readonly officers: number;
  readonly minimum: number;
}
/** RS-7: refuses an allocation that leaves a ward (or every ward) below the minimum. */
export const wardBelowMinimum = (borough: string, ward: string | null, officers: number, minimum: number): WardBelowMinimum => ({
  _tag: 'WardBelowMinimum',
  rule: 'RS-7',
  message: `${ward === null ? `Every ward of ${borough}` : `Ward '${ward}' of ${borough}`} would have ${countOf(officers, 'dedicated ward officer')}; each ward keeps at least ${String(minimum)}.`,
  borough,
  ward,
  officers,
  minimum,
});

/** RS-7: a ward is listed at most once among an allocation's exceptions. */
export interface DuplicateWardException extends RuleViolation<'DuplicateWardException'> {
  readonly borough: string;
  readonly ward: string;
}
/** RS-7: refuses an allocation that lists a ward twice. */
export const duplicateWardException = (borough: string, ward: string): DuplicateWardException => ({
  _tag: 'DuplicateWardException',
  rule: 'RS-7',
  message: `Ward '${ward}' of ${borough} is listed more than once; give each ward one number of dedicated ward officers.`,
  borough,
  ward,
});

/** RS-7: an allocation lists no more exceptions than the borough has wards. */
export interface TooManyWardExceptions extends RuleViolation<'TooManyWardExceptions'> {
  readonly borough: string;
  readonly exceptions: number;
  readonly wards: number;
}
/** RS-7: refuses an allocation with more exceptions than the borough has wards. */
export const tooManyWardExceptions = (borough: string, exceptions: number, wards: number): TooManyWardExceptions => ({
  _tag: 'TooManyWardExceptions',
  rule: 'RS-7',
  message: `${borough} has ${countOf(wards, 'ward')}, but the allocation lists ${countOf(exceptions, 'ward')} as exceptions.`,
  borough,
  exceptions,
  wards,
});

/** RS-7: a BCU goes live only once every borough has its dedicated ward officers allocated. */
export interface WardOfficersNotAllocated extends RuleViolation<'WardOfficersNotAllocated'> {
  readonly bcu: string;
  readonly boroughs: readonly string[];
}
/** RS-7: refuses to take a BCU live before its boroughs' dedicated ward officers are allocated. */
export const wardOfficersNotAllocated = (bcu: string, boroughs: readonly string[]): WardOfficersNotAllocated => ({
  _tag: 'WardOfficersNotAllocated',
  rule: 'RS-7',
  message: `BCU '${bcu}' cannot go live before dedicated ward officers are allocated in ${listInWords(boroughs)}.`,
  bcu,
  boroughs,
});
