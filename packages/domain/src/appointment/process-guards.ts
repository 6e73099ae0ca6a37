import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import { ruleOfAppointmentCommand, type AppointmentStepCommand } from './appointment-decision.js';
import { finalDecisionAlreadyTaken, stepBackdated, wrongProcess, type AppointmentRejection } from './appointment-rejections.js';
import type { OpenedAppointmentProcess } from './appointment-state.js';

type Guard = (command: AppointmentStepCommand, process: OpenedAppointmentProcess, waived: ReadonlySet<string>) => AppointmentRejection | undefined;

/** AP-1: a process is opened for one vacancy; commands for another process do not belong here. */
const sameProcess: Guard = (command, process) =>
  command.processId === process.processId ? undefined : wrongProcess(process.processId, command.processId);

/**
 * Each step's rule orders it after the steps before it, so a step may not be dated before the last
 * one (`record` mode records one that was, as a departure from the step's rule).
 */
const notBackdated: Guard = (command, process, waived) =>
  command.at < process.lastStepOn && !waived.has('StepBackdated')
    ? stepBackdated(ruleOfAppointmentCommand[command.type], process.processId, command.type, command.at, process.lastStepOn)
    : undefined;

/** AP-9: after the final decision only the outcome report remains (abandoning is refused under AP-11 by its own step). */
const beforeFinalDecision: Guard = (command, process) =>
  process.decidedOn !== undefined && command.type !== 'ReportOutcome' && command.type !== 'AbandonAppointmentProcess'
    ? finalDecisionAlreadyTaken(process.processId, command.type, process.decidedOn)
    : undefined;

const guards: readonly Guard[] = [sameProcess, notBackdated, beforeFinalDecision];

/**
 * What every step of an open or confirmed process must pass before it is decided: the command is
 * for this process (AP-1), it is not dated before the last step (unless `waived` names
 * `StepBackdated`), and nothing but the outcome report or an abandonment follows the final decision (AP-9).
 */
export const admitStep = (
  command: AppointmentStepCommand,
  process: OpenedAppointmentProcess,
  waived: ReadonlySet<string> = new Set(),
): E.Either<AppointmentRejection, OpenedAppointmentProcess> =>
  guards.reduce<E.Either<AppointmentRejection, OpenedAppointmentProcess>>(
    (admitted, guard) =>
      pipe(
        admitted,
        E.chain((current) => {
          const refusal = guard(command, current, waived);
          return refusal === undefined ? E.right(current) : E.left(refusal);
        }),
      ),
    E.right(process),
  );
