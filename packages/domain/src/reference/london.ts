import { londonBcus, type LondonBcu } from './london-bcus.js';
import { londonBoroughs, type LondonBorough } from './london-boroughs.js';

/** The borough with this name (ONS spelling), if it is one of London's 32. */
export const findBorough = (name: string): LondonBorough | undefined => londonBoroughs.find((borough) => borough.name === name);

/** Tells whether a name is one of London's 32 boroughs. */
export const isLondonBorough = (name: string): boolean => findBorough(name) !== undefined;

/** The BCU of 2017-2019 with this name, if any. */
export const findBcu = (name: string): LondonBcu | undefined => londonBcus.find((bcu) => bcu.name === name);

/** The 2017 pathfinder BCUs (Central North and East Area). */
export const pathfinderBcus: readonly LondonBcu[] = londonBcus.filter((bcu) => bcu.pathfinder);

/** Wards in London when the two-DWO pledge was delivered (December 2017): 629. */
export const londonWardCount2017: number = londonBoroughs.reduce((sum, borough) => sum + borough.wards2014To2018, 0);

/** Wards of a borough in the 2014-2018 pattern, or undefined for a name that is not a London borough. */
export const wardsOf = (borough: string): number | undefined => findBorough(borough)?.wards2014To2018;
