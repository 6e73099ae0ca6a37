import type { CommandUnit, Officer } from '../shared/vocabulary.js';
import type { RestructureBcu, RestructureProgramme, RestructureState, WardOfficerAllocation } from './restructure-state.js';

/** Tells whether a BCU holds its boroughs: proposed or live (RS-1). */
export const holdsBoroughs = (bcu: RestructureBcu): boolean => bcu.status === 'proposed' || bcu.status === 'live';

/** Tells whether a BCU has ever gone live (it is live, or was live and has been dissolved). */
export const hasGoneLive = (bcu: RestructureBcu): boolean => bcu.status === 'live' || bcu.status === 'dissolved';

/** The proposed or live BCU a borough belongs to, if any (RS-1: at most one). */
export const bcuOfBorough = (state: RestructureState, borough: string): RestructureBcu | undefined =>
  [...state.bcus.values()].find((bcu) => holdsBoroughs(bcu) && bcu.boroughs.includes(borough));

/** The BCUs that are live, in the order they were proposed. */
export const liveBcus = (state: RestructureState): readonly RestructureBcu[] =>
  [...state.bcus.values()].filter((bcu) => bcu.status === 'live');

/** The BCUs proposed and not yet live, in the order they were proposed. */
export const proposedBcus = (state: RestructureState): readonly RestructureBcu[] =>
  [...state.bcus.values()].filter((bcu) => bcu.status === 'proposed');

/** A programme of the restructure, by id. */
export const findProgramme = (state: RestructureState, programmeId: string): RestructureProgramme | undefined =>
  state.programmes.get(programmeId);

/** A BCU of the restructure, by name, whatever its status. */
export const findRestructureBcu = (state: RestructureState, bcu: string): RestructureBcu | undefined => state.bcus.get(bcu);

/** The command unit that polices a borough now: its live BCU, or its own borough command. */
export const commandUnitOfBorough = (state: RestructureState, borough: string): CommandUnit => {
  const bcu = bcuOfBorough(state, borough);
  return bcu?.status === 'live' ? { kind: 'bcu', name: bcu.name } : { kind: 'borough', name: borough };
};

/** The distinct superintendents of a BCU (function leads and dedicated superintendents), by officer id. */
export const superintendentsOf = (bcu: RestructureBcu): readonly Officer[] => {
  const byId = new Map<string, Officer>();
  for (const officer of [...bcu.functionLeads.values(), ...bcu.dedicatedSuperintendents.values()]) {
    if (!byId.has(officer.id)) byId.set(officer.id, officer);
  }
  return [...byId.values()];
};

/** A borough's police stations open to the public 24/7 (RS-8). */
export const twentyFourHourStationsOf = (state: RestructureState, borough: string): readonly string[] => state.stations.get(borough) ?? [];

/** A borough's latest allocation of dedicated ward officers (RS-7), if any. */
export const wardOfficersOf = (state: RestructureState, borough: string): WardOfficerAllocation | undefined =>
  state.wardOfficers.get(borough);

/** The fewest dedicated ward officers any ward of the borough has under its allocation (RS-7), if allocated. */
export const fewestWardOfficers = (allocation: WardOfficerAllocation): number =>
  Math.min(
    ...(allocation.exceptions.length < allocation.wards ? [allocation.officersPerWard] : []),
    ...allocation.exceptions.map((exception) => exception.officers),
  );

/** Dedicated ward officers across the borough under its allocation (RS-7). */
export const totalWardOfficers = (allocation: WardOfficerAllocation): number =>
  (allocation.wards - allocation.exceptions.length) * allocation.officersPerWard +
  allocation.exceptions.reduce((sum, exception) => sum + exception.officers, 0);
