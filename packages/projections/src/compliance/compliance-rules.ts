import {
  endorsedDescriptionOf,
  isLocalAuthority,
  meetsRequirement,
  missingPartners,
  type IsoDate,
  type Partner,
  type PartnerRequirement,
  type RuleId,
} from '@borough-command/domain';
import type { JudgedVersion } from '../policy/policy-view.js';
import { sortedRefs, type EventRef } from '../views/event-ref.js';
import { before, type Fact, type ProcessFacts } from './process-facts.js';

/**
 * How a process stands against one rule: `followed` with the events that prove it; `not-followed`
 * with the events that show why; `pending` while the open process has not reached the step;
 * `not-reached` when it was abandoned first; `not-applicable` when the rule did not apply (AP-8
 * before its date).
 */
export type ComplianceStatus = 'followed' | 'not-followed' | 'pending' | 'not-reached' | 'not-applicable';

/** AC-2: one rule of AP-2..AP-10 for one appointment process. */
export interface RuleCompliance {
  readonly rule: RuleId;
  readonly status: ComplianceStatus;
  /** A sentence naming the facts. */
  readonly explanation: string;
  /** The events the status rests on, in the order recorded. */
  readonly evidence: readonly EventRef[];
}

/** PH-1: the policy version a recorded step was judged under. */
export type Judge = (fact: Fact<{ readonly at: IsoDate }>) => JudgedVersion;

type Check = (facts: ProcessFacts, judge: Judge) => RuleCompliance;

/** How a version was found, in words, for an explanation. */
const underVersion = (judged: JudgedVersion): string =>
  judged.judgedBy === 'recorded'
    ? `policy version '${judged.version.id}'`
    : judged.judgedBy === 'in-force-on-date'
      ? `policy version '${judged.version.id}' in force on the date (the events name none)`
      : `policy version '${judged.version.id}' in force on the date (the events name '${judged.recordedId ?? ''}', which this history does not hold)`;

const result = (rule: RuleId, status: ComplianceStatus, explanation: string, evidence: readonly (Fact<unknown> | null | undefined)[]): RuleCompliance => ({
  rule,
  status,
  explanation,
  evidence: sortedRefs(evidence.flatMap((fact) => (fact === null || fact === undefined ? [] : [fact.ref]))),
});

/** The step has not happened: pending while the process is open, not reached once abandoned. */
const waiting = (rule: RuleId, facts: ProcessFacts, explanation: string, evidence: readonly (Fact<unknown> | null | undefined)[] = []): RuleCompliance =>
  facts.abandoned === null
    ? result(rule, 'pending', explanation, evidence)
    : result(rule, 'not-reached', `${explanation}; the process was abandoned on ${facts.abandoned.data.at} (${facts.abandoned.data.reason})`, [
        ...evidence,
        facts.abandoned,
      ]);

/** A step that must come before the final decision: missing once the decision was taken, else waiting. */
const missingStep = (rule: RuleId, facts: ProcessFacts, explanation: string, evidence: readonly (Fact<unknown> | null | undefined)[] = []): RuleCompliance =>
  facts.confirmation === null
    ? waiting(rule, facts, explanation, evidence)
    : result(rule, 'not-followed', `${explanation} by the final decision on ${facts.confirmation.data.at}`, [...evidence, facts.confirmation]);

const candidateName = (facts: ProcessFacts, candidateId: string): string =>
  facts.candidates.find((candidate) => candidate.data.candidate.id === candidateId)?.data.candidate.name ?? candidateId;

const partnerText = (partner: Partner): string => `${partner.name} (${partner.kind.replaceAll('-', ' ')})`;

// AP-2: the endorsed role description of the process's role is attached before the first interview.
const roleDescriptionFirst: Check = (facts, judge) => {
  const attached = facts.roleDescriptions[0];
  const interview = facts.interviews[0];
  const processRole = facts.opened?.data.role ?? facts.confirmation?.data.role;
  // AP-2 applies once a description of the role is endorsed: before then it is not applicable, not broken.
  if (interview !== undefined && attached === undefined && processRole !== undefined) {
    const judged = judge(interview);
    const catalogue = judged.version.values.roleDescriptions;
    if (endorsedDescriptionOf(catalogue, processRole, interview.data.at) === undefined) {
      const first = endorsedDescriptionOf(catalogue, processRole, '2200-12-31' as IsoDate)?.endorsedOn;
      return result(
        'AP-2',
        'not-applicable',
        `no description of the ${processRole} role had been endorsed by the first interview on ${interview.data.at}${
          first === undefined ? '' : ` (the first was endorsed on ${first})`
        }, under ${underVersion(judged)}`,
        [interview],
      );
    }
  }
  if (interview !== undefined && (attached === undefined || before(interview, attached))) {
    return result(
      'AP-2',
      'not-followed',
      `${candidateName(facts, interview.data.candidateId)} was interviewed on ${interview.data.at} before any role description was attached`,
      [interview, attached],
    );
  }
  if (attached === undefined) return missingStep('AP-2', facts, 'no role description had been attached');
  const { role, version, endorsedOn, at } = attached.data;
  if (facts.opened !== null && role !== facts.opened.data.role) {
    return result('AP-2', 'not-followed', `the ${role} role description was attached to a process for a ${facts.opened.data.role}`, [
      facts.opened,
      attached,
    ]);
  }
  if (endorsedOn > at) {
    return result('AP-2', 'not-followed', `version ${String(version)} was attached on ${at}, before it was endorsed on ${endorsedOn}`, [attached]);
  }
  return result(
    'AP-2',
    'followed',
    `the ${role} role description version ${String(version)}, endorsed on ${endorsedOn}, was attached on ${at}${
      interview === undefined ? '' : `, before the first interview on ${interview.data.at}`
    }`,
    [attached, interview],
  );
};

const requirementText: Readonly<Record<PartnerRequirement, string>> = {
  'local-authority': 'the local authority (chief executive or leader)',
  mp: 'an MP',
  'link-member': "the police authority's link member",
};

/** AP-3: the kinds of partner consulted and missing, in words. */
const kindsText = (consulted: readonly Partner[], required: readonly PartnerRequirement[], missing: readonly PartnerRequirement[]): string => {
  const met = required.filter((requirement) => consulted.some((partner) => meetsRequirement(partner, requirement)));
  return `kinds consulted: ${met.length === 0 ? 'none' : met.map((requirement) => requirementText[requirement]).join(', ')}; missing: ${
    missing.length === 0 ? 'none' : missing.map((requirement) => requirementText[requirement]).join(', ')
  }`;
};

// AP-3: every kind of partner the policy version in force requires is consulted before the first interview.
const partnersBeforeInterview: Check = (facts, judge) => {
  const interview = facts.interviews[0];
  const consultedBefore = facts.consultations.filter((consultation) => interview === undefined || before(consultation, interview));
  const partners = consultedBefore.map((consultation) => consultation.data.partner);
  const reference = interview ?? facts.consultations.at(-1) ?? facts.opened;
  if (reference === undefined || reference === null) return missingStep('AP-3', facts, 'no partner had been consulted');
  const judged = judge(reference);
  const { requiredPartners } = judged.version.values;
  const missing = missingPartners(judged.version.values, partners);
  const names = consultedBefore.map((consultation) => `${partnerText(consultation.data.partner)} on ${consultation.data.at}`).join(', ');
  const kinds = `${kindsText(partners, requiredPartners, missing)}, under ${underVersion(judged)}`;
  if (missing.length === 0) {
    return result(
      'AP-3',
      'followed',
      `${names === '' ? 'no partner was required and none was' : names} consulted ${
        interview === undefined ? 'and no interview yet' : `before the first interview on ${interview.data.at}`
      } (${kinds})`,
      [...consultedBefore, interview],
    );
  }
  if (interview !== undefined) {
    return result(
      'AP-3',
      'not-followed',
      `the first interview took place on ${interview.data.at} before every kind of partner required was consulted (${kinds})`,
      [...consultedBefore, interview],
    );
  }
  return missingStep('AP-3', facts, `not every kind of partner required had been consulted (${kinds})`, consultedBefore);
};

// AP-4: only a candidate who applied or was shortlisted is interviewed, once per process.
const interviewsOfCandidates: Check = (facts) => {
  if (facts.interviews.length === 0) return missingStep('AP-4', facts, 'no candidate had been interviewed');
  const problems: string[] = [];
  const evidence: Fact<unknown>[] = [];
  facts.interviews.forEach((interview, index) => {
    const { candidateId, at } = interview.data;
    const recorded = facts.candidates.find((candidate) => candidate.data.candidate.id === candidateId && before(candidate, interview));
    if (recorded === undefined) {
      problems.push(`${candidateId} was interviewed on ${at} without having applied or been shortlisted`);
      evidence.push(interview);
    }
    if (facts.interviews.slice(0, index).some((earlier) => earlier.data.candidateId === candidateId)) {
      problems.push(`${candidateName(facts, candidateId)} was interviewed a second time on ${at}`);
      evidence.push(interview);
    }
  });
  if (problems.length > 0) return result('AP-4', 'not-followed', problems.join('; '), evidence);
  const interviewed = facts.interviews.map((interview) => interview.data.candidateId);
  const recorded = facts.candidates.filter((candidate) => interviewed.includes(candidate.data.candidate.id));
  return result(
    'AP-4',
    'followed',
    facts.interviews
      .map((interview) => `${candidateName(facts, interview.data.candidateId)} interviewed by ${interview.data.interviewedBy} on ${interview.data.at}`)
      .join('; '),
    [...recorded, ...facts.interviews],
  );
};

const answersOf = (facts: ProcessFacts): readonly Fact<{ readonly candidateId: string; readonly at: string }>[] =>
  [...facts.agreements, ...facts.declines].sort((a, b) => (before(a, b) ? -1 : 1));

// AP-5: one interviewed candidate proposed at a time.
const oneProposalAtATime: Check = (facts) => {
  if (facts.proposals.length === 0) return missingStep('AP-5', facts, 'no candidate had been proposed to the ACTP');
  const answers = answersOf(facts);
  const problems: string[] = [];
  const evidence: Fact<unknown>[] = [];
  facts.proposals.forEach((proposal, index) => {
    const { candidateId, at } = proposal.data;
    const interviewed = facts.interviews.some((interview) => interview.data.candidateId === candidateId && before(interview, proposal));
    if (!interviewed) {
      problems.push(`${candidateName(facts, candidateId)} was proposed on ${at} without an interview`);
      evidence.push(proposal);
    }
    const previous = facts.proposals[index - 1];
    if (previous !== undefined && !answers.some((answer) => before(previous, answer) && before(answer, proposal))) {
      problems.push(`${candidateName(facts, candidateId)} was proposed on ${at} while the proposal of ${candidateName(facts, previous.data.candidateId)} was pending`);
      evidence.push(previous, proposal);
    }
  });
  if (problems.length > 0) return result('AP-5', 'not-followed', problems.join('; '), evidence);
  return result(
    'AP-5',
    'followed',
    facts.proposals
      .map((proposal) => `${proposal.data.proposedBy} proposed ${candidateName(facts, proposal.data.candidateId)} on ${proposal.data.at}`)
      .join('; '),
    facts.proposals,
  );
};

// AP-6: the ACTP agrees or declines each proposal; after a decline another candidate is proposed;
// the decision is about the agreed candidate.
const actpAgreement: Check = (facts) => {
  const answers = answersOf(facts);
  const problems: string[] = [];
  const evidence: Fact<unknown>[] = [];
  for (const proposal of facts.proposals) {
    const decline = facts.declines.find((earlier) => earlier.data.candidateId === proposal.data.candidateId && before(earlier, proposal));
    if (decline !== undefined) {
      problems.push(`${candidateName(facts, proposal.data.candidateId)} was proposed again on ${proposal.data.at} after the ACTP declined them on ${decline.data.at}`);
      evidence.push(decline, proposal);
    }
  }
  for (const answer of answers) {
    const lastProposal = facts.proposals.filter((proposal) => before(proposal, answer)).at(-1);
    if (lastProposal?.data.candidateId !== answer.data.candidateId) {
      problems.push(`the ACTP answered on ${answer.data.at} about ${candidateName(facts, answer.data.candidateId)}, who was not the candidate proposed`);
      evidence.push(answer);
    }
  }
  const agreed = facts.agreements.at(-1);
  const { confirmation } = facts;
  if (confirmation !== null && (agreed === undefined || agreed.data.candidateId !== confirmation.data.candidate.id)) {
    problems.push(`the final decision on ${confirmation.data.at} appointed ${confirmation.data.candidate.name} without the ACTP's agreement`);
    evidence.push(confirmation);
  }
  if (problems.length > 0) return result('AP-6', 'not-followed', problems.join('; '), evidence);
  const declined = facts.declines.map(
    (decline) => `${decline.data.declinedBy} declined ${candidateName(facts, decline.data.candidateId)} on ${decline.data.at} (${decline.data.reason})`,
  );
  if (agreed !== undefined) {
    return result(
      'AP-6',
      'followed',
      [...declined, `${agreed.data.agreedBy} agreed ${candidateName(facts, agreed.data.candidateId)} on ${agreed.data.at}`].join('; '),
      [...facts.proposals, ...answers],
    );
  }
  const pending = facts.proposals.at(-1);
  const waitingFor =
    pending !== undefined && !answers.some((answer) => before(pending, answer))
      ? `the proposal of ${candidateName(facts, pending.data.candidateId)} awaits the ACTP`
      : 'no proposal had been agreed by the ACTP';
  return waiting('AP-6', facts, [...declined, waitingFor].join('; '), [...facts.proposals, ...answers]);
};

// AP-7: the chosen candidate is discussed with partners after the ACTP agreed and before the final decision.
const discussedWithPartners: Check = (facts) => {
  const agreed = facts.agreements.at(-1);
  const { confirmation } = facts;
  const discussion =
    agreed === undefined
      ? undefined
      : facts.discussions.find((candidate) => before(agreed, candidate) && (confirmation === null || before(candidate, confirmation)));
  if (discussion !== undefined) {
    return result(
      'AP-7',
      'followed',
      `${candidateName(facts, discussion.data.candidateId)} was discussed on ${discussion.data.at} with ${discussion.data.partners.map(partnerText).join(', ')}`,
      [agreed, discussion, confirmation],
    );
  }
  if (confirmation !== null) {
    return result(
      'AP-7',
      'not-followed',
      `the final decision on ${confirmation.data.at} was taken without a discussion of the agreed candidate with partners`,
      [agreed, confirmation],
    );
  }
  return waiting(
    'AP-7',
    facts,
    agreed === undefined ? 'no candidate had been agreed' : `${candidateName(facts, agreed.data.candidateId)} had not been discussed with partners`,
    [agreed],
  );
};

// AP-8: under a policy version that requires it, the candidate committed to serve three years before the final decision.
const threeYearCommitment: Check = (facts, judge) => {
  const { confirmation } = facts;
  if (confirmation !== null) {
    const { candidate, at } = confirmation.data;
    const judged = judge(confirmation);
    if (!judged.version.values.commitmentRequired) {
      return result('AP-8', 'not-applicable', `the decision was taken on ${at} under ${underVersion(judged)}, which does not require the commitment`, [
        confirmation,
      ]);
    }
    const commitment = facts.commitments.find((given) => given.data.candidateId === candidate.id && before(given, confirmation));
    return commitment === undefined
      ? result('AP-8', 'not-followed', `${candidate.name} was appointed on ${at} without committing to serve three years`, [confirmation])
      : result('AP-8', 'followed', `${candidate.name} committed on ${commitment.data.at} to serve three years, before the decision on ${at}`, [
          commitment,
          confirmation,
        ]);
  }
  const agreed = facts.agreements.at(-1);
  const commitment = agreed === undefined ? undefined : facts.commitments.find((given) => given.data.candidateId === agreed.data.candidateId);
  if (commitment !== undefined) {
    return result('AP-8', 'followed', `${candidateName(facts, commitment.data.candidateId)} committed on ${commitment.data.at} to serve three years`, [
      commitment,
    ]);
  }
  return waiting('AP-8', facts, 'no three-year commitment recorded');
};

// AP-9: the police authority and the MPS decide together, informed by the partners' involvement.
const jointDecision: Check = (facts) => {
  const { confirmation } = facts;
  if (confirmation === null) return waiting('AP-9', facts, 'no final decision had been taken');
  const { policeAuthorityDecisionBy, mpsDecisionBy, partnersInvolved, at, candidate } = confirmation.data;
  if (partnersInvolved.length === 0) {
    return result('AP-9', 'not-followed', `the decision on ${at} to appoint ${candidate.name} was not informed by any partner`, [confirmation]);
  }
  return result(
    'AP-9',
    'followed',
    `${policeAuthorityDecisionBy} (police authority) and ${mpsDecisionBy} (MPS) appointed ${candidate.name} on ${at}, informed by ${partnersInvolved
      .map(partnerText)
      .join(', ')}`,
    [confirmation],
  );
};

// AP-10: the outcome is reported to the Director HR after the final decision.
const outcomeReported: Check = (facts) => {
  const { confirmation, outcome } = facts;
  if (outcome !== null) {
    return confirmation !== null && before(confirmation, outcome)
      ? result('AP-10', 'followed', `the outcome was reported to ${outcome.data.directorHr} (Director HR) on ${outcome.data.at}`, [confirmation, outcome])
      : result('AP-10', 'not-followed', `an outcome was reported on ${outcome.data.at} before any final decision`, [outcome]);
  }
  return waiting(
    'AP-10',
    facts,
    confirmation === null ? 'no final decision had been taken to report' : `the decision of ${confirmation.data.at} has not been reported to the Director HR`,
    [confirmation],
  );
};

/** AC-2: the rules a process is checked against, in order. */
export const complianceChecks: readonly Check[] = [
  roleDescriptionFirst,
  partnersBeforeInterview,
  interviewsOfCandidates,
  oneProposalAtATime,
  actpAgreement,
  discussedWithPartners,
  threeYearCommitment,
  jointDecision,
  outcomeReported,
];

// AC-2: each process checked against AP-2..AP-10, in order, from its events alone.
/** AC-2: how a process stands against AP-2..AP-10, in order. */
export const checkCompliance = (facts: ProcessFacts, judge: Judge): readonly RuleCompliance[] =>
  complianceChecks.map((check) => check(facts, judge));

/** The events in which a local authority chief executive or leader took part in a process: consulted (AP-3) or in the discussion (AP-7). */
export const localAuthorityInvolvement = (facts: ProcessFacts): readonly EventRef[] =>
  sortedRefs([
    ...facts.consultations.filter((consultation) => isLocalAuthority(consultation.data.partner)).map((consultation) => consultation.ref),
    ...facts.discussions.filter((discussion) => discussion.data.partners.some(isLocalAuthority)).map((discussion) => discussion.ref),
  ]);
