/** Rejections about consulting on a BCU (RS-2). */
import type { RuleViolation } from '../../shared/rule-id.js';
import type { ConsulteeKind } from '../restructure-state.js';
import { listInWords } from '../wording.js';

const consulteeRole = (consultee: ConsulteeKind): string =>
  consultee === 'local-authority-leader' ? 'leader' : consultee === 'local-authority-chief-executive' ? 'chief executive' : 'MOPAC';

/** RS-2: a local authority leader or chief executive is consulted for one of the BCU's boroughs. */
export interface ConsultationNeedsBorough extends RuleViolation<'ConsultationNeedsBorough'> {
  readonly bcu: string;
  readonly consultee: ConsulteeKind;
}
/** RS-2: refuses a local authority consultation that names no borough. */
export const consultationNeedsBorough = (bcu: string, consultee: ConsulteeKind): ConsultationNeedsBorough => ({
  _tag: 'ConsultationNeedsBorough',
  rule: 'RS-2',
  message: `A local authority ${consulteeRole(consultee)} speaks for one borough; name which borough of BCU '${bcu}' was consulted.`,
  bcu,
  consultee,
});

/** RS-2: MOPAC is consulted for the whole BCU, not for one borough. */
export interface BoroughGivenForMopac extends RuleViolation<'BoroughGivenForMopac'> {
  readonly bcu: string;
  readonly borough: string;
}
/** RS-2: refuses a MOPAC consultation that names a borough. */
export const boroughGivenForMopac = (bcu: string, borough: string): BoroughGivenForMopac => ({
  _tag: 'BoroughGivenForMopac',
  rule: 'RS-2',
  message: `MOPAC is consulted about the whole of BCU '${bcu}', not about ${borough} alone; record it without a borough.`,
  bcu,
  borough,
});

/** A consultation still needed before a BCU goes live; `borough` is null for MOPAC. */
export interface MissingConsultation {
  readonly consultee: ConsulteeKind;
  readonly borough: string | null;
}

/** The consultee in words: `the leader of Camden`, `MOPAC`. */
export const describeConsultation = (consultation: MissingConsultation): string =>
  consultation.borough === null ? 'MOPAC' : `the ${consulteeRole(consultation.consultee)} of ${consultation.borough}`;

/** RS-2: every borough's leader and chief executive, and MOPAC, are consulted before a BCU goes live. */
export interface ConsultationsMissing extends RuleViolation<'ConsultationsMissing'> {
  readonly bcu: string;
  readonly missing: readonly MissingConsultation[];
}
/** RS-2: refuses to take a BCU live before everyone is consulted, listing who is missing. */
export const consultationsMissing = (bcu: string, missing: readonly MissingConsultation[]): ConsultationsMissing => ({
  _tag: 'ConsultationsMissing',
  rule: 'RS-2',
  message: `BCU '${bcu}' cannot go live before ${listInWords(missing.map(describeConsultation))} ${missing.length === 1 ? 'is' : 'are'} consulted.`,
  bcu,
  missing,
});
