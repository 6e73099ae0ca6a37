import fc from 'fast-check';
import {
  endReasons,
  missingForEarlyEnd,
  valuesOn,
  type DomainCommand,
  type EndReason,
} from '@borough-command/domain';
import {
  ACTP,
  AREA_COMMANDER,
  boroughUnit,
  boroughWith,
  daysArbitrary,
  localAuthorityOf,
  modelOfficer,
  oneIn,
  someBoroughCommanded,
  systemStep,
  type SystemStep,
} from './step-helpers.js';
import { advance, endInModel, holdersOf, issue, modelBoroughs, modelPosting, startSubstantive, unitKeyOf } from './system-model.js';
import { accepted, count, ensure, refused } from './system-under-test.js';

/** PO-1: a substantive or acting start; refused while the role has a substantive holder (or any holder, for acting cover). */
export const startPostingStep: fc.Arbitrary<SystemStep> = fc
  .record({ borough: fc.nat(3), acting: fc.boolean(), days: daysArbitrary })
  .map(({ borough, acting, days }) =>
    systemStep(
      `startPosting(${boroughUnit(borough).name}, ${acting ? 'acting' : 'substantive'}, +${String(days)} days)`,
      () => true,
      async (model, real) => {
        const at = advance(model, days);
        const unit = boroughUnit(borough);
        const number = String(issue(model));
        const holders = holdersOf(model, unit, 'borough-commander');
        const command: DomainCommand = {
          type: 'StartPosting',
          commandId: `model-${number}`,
          at,
          unit,
          postingId: `posting-${number}`,
          role: 'borough-commander',
          officer: modelOfficer(`officer-${number}`, acting ? 'superintendent' : 'chief-superintendent'),
          acting,
          lineManager: AREA_COMMANDER,
        };
        // PO-1: one substantive commander at a time; acting cover only for a vacancy.
        const free = acting ? holders.substantive === undefined && holders.acting === undefined : holders.substantive === undefined;
        if (!free) {
          await refused(real, command, 'PO-1');
          count(real, 'start posting', 'refused');
          return;
        }
        const result = await accepted(real, command);
        ensure(result.events.some((event) => event.event.type === 'PostingStarted'), () => 'the accepted start recorded no PostingStarted');
        const posting = modelPosting(model, `posting-${number}`, `officer-${number}`, acting, 'borough-commander');
        if (acting) holders.acting = posting;
        else startSubstantive(model, unit, 'borough-commander', posting);
        count(real, 'start posting', 'accepted');
      },
    ),
  );

type EndTarget = 'substantive' | 'acting' | 'ended' | 'unknown';

/**
 * PO-2, PO-3, PO-5: an end is accepted on or after the minimum term, or before it with an approved
 * exceptional reason shown by its circumstances (an end for organisational restructure here names
 * no restructure, so it is refused before the term).
 */
export const endPostingStep: fc.Arbitrary<SystemStep> = fc
  .record({
    borough: fc.nat(3),
    target: fc.oneof(
      { weight: 6, arbitrary: fc.constant<EndTarget>('substantive') },
      { weight: 3, arbitrary: fc.constant<EndTarget>('acting') },
      { weight: 1, arbitrary: fc.constantFrom<EndTarget>('ended', 'unknown') },
    ),
    reason: fc.oneof(
      { weight: 1, arbitrary: fc.constantFrom<EndReason>(...endReasons) },
      { weight: 2, arbitrary: fc.constantFrom<EndReason>('personal', 'professional') },
    ),
    approved: fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
    shown: fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
    days: daysArbitrary,
  })
  .map(({ borough, target: wanted, reason, approved, shown, days }) =>
    systemStep(
      `endPosting(${boroughUnit(borough).name}, ${wanted}, ${reason}${shown ? ', circumstances' : ''}${approved ? ', approved' : ''}, +${String(days)} days)`,
      // Mostly the end of a posting in force: drawn once some borough has a commander.
      (model) => wanted === 'ended' || wanted === 'unknown' || someBoroughCommanded(model),
      async (model, real) => {
        const at = advance(model, days);
        const anyActing = modelBoroughs.some((name) => holdersOf(model, { kind: 'borough', name }, 'borough-commander').acting !== undefined);
        const target = wanted === 'acting' && !anyActing ? 'substantive' : wanted;
        const unit = boroughWith(model, borough, (holders) => (target === 'substantive' ? holders.substantive : holders.acting) !== undefined);
        const holders = holdersOf(model, unit, 'borough-commander');
        const active = target === 'substantive' ? holders.substantive : target === 'acting' ? holders.acting : undefined;
        const ended = target === 'ended' ? model.ended.get(unitKeyOf(unit))?.at(-1) : undefined;
        const postingId = active?.postingId ?? ended ?? `posting-never-${String(issue(model))}`;
        const departure = {
          at,
          reason,
          detail: shown ? `${reason}: circumstances set out to the ACTP` : undefined,
          approvedBy: approved ? ACTP : undefined,
        };
        const command: DomainCommand = {
          type: 'EndPosting',
          commandId: `model-${String(issue(model))}`,
          at,
          unit,
          postingId,
          reason,
          ...(departure.detail === undefined ? {} : { detail: departure.detail }),
          ...(departure.approvedBy === undefined ? {} : { approvedBy: departure.approvedBy }),
        };
        if (active === undefined) {
          // PO-5: an unknown or ended posting accepts no command.
          await refused(real, command, 'PO-5');
          count(real, 'end posting', 'refused');
          return;
        }
        // PO-3 (`enforce`): before the minimum term only an approved exceptional reason, shown, will do.
        if (missingForEarlyEnd(valuesOn(model.policy, at), active, departure).length > 0) {
          await refused(real, command, 'PO-3');
          count(real, 'end posting', 'refused');
          return;
        }
        await accepted(real, command);
        if (active.acting) holders.acting = undefined;
        else holders.substantive = undefined;
        endInModel(model, unit, active.postingId);
        count(real, 'end posting', 'accepted');
      },
    ),
  );

/** PO-4, PO-5: an assessment of the commander in post is recorded; of an ended or unknown posting, refused. */
export const assessStep: fc.Arbitrary<SystemStep> = fc
  .record({ borough: fc.nat(3), ofEnded: oneIn(5), partners: fc.nat(1), days: daysArbitrary })
  .map(({ borough, ofEnded, partners, days }) =>
    systemStep(
      `assess(${boroughUnit(borough).name}${ofEnded ? ', an ended posting' : ''}, +${String(days)} days)`,
      (model) => ofEnded || someBoroughCommanded(model),
      async (model, real) => {
        const at = advance(model, days);
        const unit = ofEnded ? boroughUnit(borough) : boroughWith(model, borough, (holders) => (holders.substantive ?? holders.acting) !== undefined);
        const holders = holdersOf(model, unit, 'borough-commander');
        const holder = ofEnded ? undefined : (holders.substantive ?? holders.acting);
        const postingId = holder?.postingId ?? model.ended.get(unitKeyOf(unit))?.at(-1) ?? `posting-never-${String(issue(model))}`;
        const command: DomainCommand = {
          type: 'AssessPerformance',
          commandId: `model-${String(issue(model))}`,
          at,
          unit,
          postingId,
          assessedBy: AREA_COMMANDER,
          partners: partners === 0 ? [] : [localAuthorityOf(unit.name)],
        };
        if (holder === undefined) {
          await refused(real, command, 'PO-5');
          count(real, 'assess', 'refused');
          return;
        }
        const result = await accepted(real, command);
        ensure(result.events.some((event) => event.event.type === 'PerformanceAssessed'), () => 'the accepted assessment recorded nothing');
        count(real, 'assess', 'accepted');
      },
    ),
  );
