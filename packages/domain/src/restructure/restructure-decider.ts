import type { Decider } from '../eventsourcing/decider.js';
import { valuesOn, type Policy } from '../policy/policy.js';
import { recordBcuConsultation } from './consult-on-bcu.js';
import { abandonRestructureProgramme, dissolveBcu } from './dissolve-or-abandon.js';
import { recordPathfinderEvaluation } from './evaluate-pathfinders.js';
import { appointBcuCommander, assignSuperintendent, recordBcuCommanderLeft } from './lead-bcu.js';
import { proposeBcu } from './propose-bcu.js';
import type { RestructureCommand } from './restructure-commands.js';
import type { RestructureDecision } from './restructure-decision.js';
import type { RestructureEvent } from './restructure-events.js';
import type { RestructureRejection } from './restructure-rejections.js';
import { evolveRestructure, initialRestructureState, type RestructureState } from './restructure-state.js';
import { shareResources } from './share-resources.js';
import { startRestructureProgramme } from './start-programme.js';
import { closeTwentyFourHourStation, registerTwentyFourHourStation } from './stations.js';
import { takeBcuLive } from './take-bcu-live.js';
import { decideRestructureRecordingDepartures } from './rule-departures.js';
import { allocateDedicatedWardOfficers } from './ward-officers.js';

/** Decides a restructure command under the policy version in force on its date: the events it leads to, or the rule that refuses it. */
export const decideRestructure =
  (policy: Policy) =>
  (command: RestructureCommand, state: RestructureState): RestructureDecision => {
    const values = valuesOn(policy, command.at);
    switch (command.type) {
      case 'StartRestructureProgramme':
        return decideRestructureRecordingDepartures(policy.enforcement, command.restructureId, null, command.at, (waived) =>
          startRestructureProgramme(command, state, waived),
        );
      case 'ProposeBcu':
        return decideRestructureRecordingDepartures(policy.enforcement, command.restructureId, command.bcu, command.at, (waived) =>
          proposeBcu(command, state, waived),
        );
      case 'RecordBcuConsultation':
        return recordBcuConsultation(command, state);
      case 'AppointBcuCommander':
        return decideRestructureRecordingDepartures(policy.enforcement, command.restructureId, command.bcu, command.at, (waived) =>
          appointBcuCommander(values, waived)(command, state),
        );
      case 'RecordBcuCommanderLeft':
        return recordBcuCommanderLeft(command, state);
      case 'AssignSuperintendent':
        return assignSuperintendent(values)(command, state);
      case 'AllocateDedicatedWardOfficers':
        return allocateDedicatedWardOfficers(values)(command, state);
      case 'RegisterTwentyFourHourStation':
        return registerTwentyFourHourStation(command, state);
      case 'CloseTwentyFourHourStation':
        return closeTwentyFourHourStation(command, state);
      case 'TakeBcuLive':
        return decideRestructureRecordingDepartures(policy.enforcement, command.restructureId, command.bcu, command.at, (waived) =>
          takeBcuLive(values, waived)(command, state),
        );
      case 'ShareResources':
        return decideRestructureRecordingDepartures(policy.enforcement, command.restructureId, command.bcu, command.at, (waived) =>
          shareResources(command, state, waived),
        );
      case 'RecordPathfinderEvaluation':
        return decideRestructureRecordingDepartures(policy.enforcement, command.restructureId, null, command.at, (waived) =>
          recordPathfinderEvaluation(command, state, waived),
        );
      case 'DissolveBcu':
        return dissolveBcu(command, state);
      case 'AbandonRestructureProgramme':
        return decideRestructureRecordingDepartures(policy.enforcement, command.restructureId, null, command.at, (waived) =>
          abandonRestructureProgramme(command, state, waived),
        );
    }
  };

/**
 * The BCU restructure of one force as a decider (RS-1 to RS-9). One stream holds every programme of
 * the force, so a borough in at most one BCU (RS-1) and the pathfinder-then-roll-out order (RS-3)
 * are decided on one state.
 */
export const restructureDecider = (
  policy: Policy,
): Decider<RestructureCommand, RestructureState, RestructureEvent, RestructureRejection> => ({
  decide: decideRestructure(policy),
  evolve: evolveRestructure,
  initialState: initialRestructureState,
  // A force's structure keeps changing: BCUs are dissolved, programmes abandoned and new ones
  // started, so the stream never reaches a state that refuses every command.
  isTerminal: () => false,
});
