/** What every call handler works with. */
import type { CallGate } from './call-gate.js';
import type { EventLog } from './event-log.js';

/** The log a handler reads and writes, and the gate its calls enter by. */
export interface ServerContext {
  readonly log: EventLog;
  readonly gate: CallGate;
}
