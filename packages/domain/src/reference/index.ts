/** London reference data with sources: boroughs, BCUs, ward counts and role descriptions. */
export * from './london-boroughs.js';
export * from './london-bcus.js';
export * from './london.js';
export * from './role-descriptions.js';
