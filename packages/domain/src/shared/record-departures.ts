import * as E from 'fp-ts/lib/Either.js';
import type { EnforcementMode } from '../policy/policy-values.js';
import type { RuleViolation } from './rule-id.js';

/**
 * `record` mode for the rules whose departures a decider can record (history happened): decides;
 * when a rejection whose tag `departable` names refuses the command, decides again with that tag
 * waived, and puts the event `departed` makes of the rejection before the command's events. In
 * `enforce` mode, or for any other rejection, the decision stands as it is.
 */
export const decideRecordingDepartures = <Rejection extends RuleViolation, Departable extends Rejection, Event>(
  enforcement: EnforcementMode,
  departable: (rejection: Rejection) => rejection is Departable,
  departed: (rejection: Departable) => Event,
  decide: (waived: ReadonlySet<string>) => E.Either<Rejection, readonly Event[]>,
): E.Either<Rejection, readonly Event[]> => {
  const waived = new Set<string>();
  const departures: Event[] = [];
  for (;;) {
    const decision = decide(waived);
    if (E.isRight(decision)) return departures.length === 0 ? decision : E.right([...departures, ...decision.right]);
    const rejection = decision.left;
    if (enforcement !== 'record' || !departable(rejection) || waived.has(rejection._tag)) return decision;
    waived.add(rejection._tag);
    departures.push(departed(rejection));
  }
};
