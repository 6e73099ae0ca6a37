import { fileURLToPath } from 'node:url';

/** The root of the workspace. */
export const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
/** The `borough-command` executable, as `npm ci` links it. */
export const BIN = fileURLToPath(new URL('../../bin/borough-command.js', import.meta.url));
/** The hand-written Camden story: a posting, an appointment through AP-1..AP-10, an assessment and an early end. */
export const CAMDEN_STORY = fileURLToPath(new URL('../../examples/camden-story.ndjson', import.meta.url));
/** A Hackney posting from 2014-03-03 ended for a promotion on 2016-06-01: short of three years, past two. */
export const HACKNEY_2014 = fileURLToPath(new URL('../fixtures/hackney-2014.ndjson', import.meta.url));
/** A policy file: two years for borough commanders posted from 2014-01-01. */
export const TWO_YEAR_MINIMUM = fileURLToPath(new URL('../fixtures/two-year-minimum.policy.json', import.meta.url));
