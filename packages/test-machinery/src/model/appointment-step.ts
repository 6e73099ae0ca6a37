import fc from 'fast-check';
import { meetsRequirement, missingPartners, valuesOn, type IsoDate, type Partner } from '@borough-command/domain';
import { boroughPartnerMeeting, partnersToConsult } from '@borough-command/cli/london-history';
import { ACTP, AREA_COMMANDER, boroughUnit, daysArbitrary, localAuthorityOf, modelOfficer, oneIn, systemStep, type SystemStep } from './step-helpers.js';
import { advance, holdersOf, issue, modelPosting, startSubstantive } from './system-model.js';
import { accepted, count, ensure, ensureEqual, refused } from './system-under-test.js';

/**
 * AP-1 to AP-10 and AP-12: a whole appointment, every step on one day, the partners the policy in
 * force requires consulted. With the local authority left out, the first interview is refused
 * when that policy requires it (AP-3). Otherwise the decision starts the appointee's
 * posting (AP-12), unless the borough already has a substantive commander: then that reaction is
 * refused (PO-1) and reported, and the process still completes.
 */
export const appointStep: fc.Arbitrary<SystemStep> = fc
  .record({ borough: fc.nat(3), withoutLocalAuthority: oneIn(5), days: daysArbitrary })
  .map(({ borough, withoutLocalAuthority, days }) =>
    systemStep(
      `appoint(${boroughUnit(borough).name}${withoutLocalAuthority ? ', without the local authority' : ''}, +${String(days)} days)`,
      () => true,
      async (model, real) => {
        const at = advance(model, days);
        const unit = boroughUnit(borough);
        const number = String(issue(model));
        const processId = `process-${number}`;
        const candidate = modelOfficer(`candidate-${number}`, 'chief-superintendent');
        let step = 0;
        const base = (): { readonly commandId: string; readonly at: IsoDate; readonly processId: string } => ({
          commandId: `${processId}/${String(++step)}`,
          at,
          processId,
        });
        await accepted(real, { type: 'OpenAppointmentProcess', ...base(), unit, role: 'borough-commander', areaCommander: AREA_COMMANDER });
        await accepted(real, { type: 'AttachRoleDescription', ...base(), version: 1 });
        // AP-3: a partner of every kind the policy in force requires; the local authority left out
        // when asked, and the borough's MP consulted then if nobody else is.
        const meeting = boroughPartnerMeeting(unit.name);
        const required = partnersToConsult(model.policy, at, [], meeting);
        const others = required.filter((partner) => !meetsRequirement(partner, 'local-authority'));
        const partners: readonly Partner[] = !withoutLocalAuthority ? required : others.length > 0 ? others : [meeting('mp')];
        for (const partner of partners) {
          await accepted(real, { type: 'ConsultPartner', ...base(), partner });
        }
        await accepted(real, { type: 'RecordCandidate', ...base(), candidate, route: 'applied' });
        if (missingPartners(valuesOn(model.policy, at), partners).length > 0) {
          // AP-3: no interview before every kind of partner the policy in force requires was consulted.
          await refused(real, { type: 'InterviewCandidate', ...base(), candidateId: candidate.id }, 'AP-3');
          count(real, 'appoint', 'refused');
          return;
        }
        await accepted(real, { type: 'InterviewCandidate', ...base(), candidateId: candidate.id });
        await accepted(real, { type: 'ProposePreferredCandidate', ...base(), candidateId: candidate.id });
        await accepted(real, { type: 'AgreeProposal', ...base(), actp: ACTP });
        await accepted(real, { type: 'DiscussChosenCandidate', ...base(), partners: [localAuthorityOf(unit.name)] });
        await accepted(real, { type: 'RecordThreeYearCommitment', ...base(), candidateId: candidate.id });
        const holders = holdersOf(model, unit, 'borough-commander');
        const decided = await accepted(real, {
          type: 'TakeFinalDecision',
          ...base(),
          policeAuthorityDecisionBy: 'MOPAC',
          mpsDecisionBy: 'Deputy Commissioner',
          startDate: at,
        });
        const refusedReactions = decided.failedReactions.map((failed) =>
          failed.error._tag === 'CommandRejected' ? failed.error.rejection.rule : failed.error._tag,
        );
        if (holders.substantive !== undefined) {
          ensureEqual(refusedReactions, ['PO-1'], `the AP-12 reaction to a decision for ${unit.name}, which has a substantive commander`);
        } else {
          ensureEqual(refusedReactions, [], 'failed reactions to the decision');
          const started = decided.events.find((event) => event.event.type === 'PostingStarted');
          ensure(started?.event.type === 'PostingStarted' && started.event.data.appointmentProcessId === processId, () =>
            `the confirmed appointment ${processId} started no posting (AP-12)`,
          );
          startSubstantive(model, unit, 'borough-commander', modelPosting(model, processId, candidate.id, false, 'borough-commander'));
        }
        await accepted(real, { type: 'ReportOutcome', ...base(), directorHr: 'Director of Human Resources' });
        count(real, 'appoint', 'accepted');
      },
    ),
  );
