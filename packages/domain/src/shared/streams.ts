import { streamKey, type CommandUnit } from './vocabulary.js';

/** Stream-name prefix (the category) of appointment processes. */
export const APPOINTMENT_CATEGORY = 'appointment-';
/** Stream-name prefix (the category) of command units' postings. */
export const POSTING_CATEGORY = 'posting-';
/** Stream-name prefix (the category) of a policy's history. */
export const POLICY_CATEGORY = 'policy-';
/** Stream-name prefix (the category) of BCU restructures. */
export const RESTRUCTURE_CATEGORY = 'restructure-';

/** The stream of one appointment process: `appointment-<processId>`. */
export const appointmentStream = (processId: string): string => `${APPOINTMENT_CATEGORY}${processId}`;

/**
 * The stream of one command unit's postings: `posting-<kind>-<name>`, e.g. `posting-borough-camden`.
 * All postings of a unit share it, so one substantive commander at a time (PO-1) is guarded by one
 * expected revision.
 */
export const postingStream = (unit: CommandUnit): string => `${POSTING_CATEGORY}${unit.kind}-${streamKey(unit.name)}`;

/**
 * The stream of a force's BCU restructure: `restructure-<restructureId>`. Every programme of the force
 * (pathfinder and roll-out) shares it, so a borough in at most one BCU (RS-1) and the
 * pathfinder-then-roll-out order (RS-3) are guarded by one expected revision.
 */
export const restructureStream = (restructureId: string): string => `${RESTRUCTURE_CATEGORY}${restructureId}`;

/** The stream of a policy's history: `policy-<policyId>`, e.g. `policy-london`; every adopted version is in it (PH-2). */
export const policyStream = (policyId: string): string => `${POLICY_CATEGORY}${policyId}`;
