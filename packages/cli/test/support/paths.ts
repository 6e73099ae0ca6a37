import { fileURLToPath } from 'node:url';

/** The root of the workspace. */
export const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
/** The `borough-command` executable, as `npm ci` links it. */
export const BIN = fileURLToPath(new URL('../../bin/borough-command.js', import.meta.url));
/** The hand-written Camden story: a posting, an appointment through AP-1..AP-10, an assessment and an early end. */
export const CAMDEN_STORY = fileURLToPath(new URL('../../examples/camden-story.ndjson', import.meta.url));
