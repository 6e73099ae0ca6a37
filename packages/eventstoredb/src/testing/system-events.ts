/**
 * A few system events of the kinds a running EventStoreDB node writes on its own (statistics and
 * their metastream's `$maxAge`, the scavenge history's metastream), so `$all` never holds only
 * user events and a reader of `$all` must filter `$`-prefixed streams and event types.
 */
import { randomUUID } from 'node:crypto';
import type { EventLog } from './event-log.js';
import type { ProposedEvent } from './log-types.js';

/** The node name system events mention. */
const NODE = '127.0.0.1:2113';

const jsonEvent = (type: string, data: unknown): ProposedEvent => ({
  id: randomUUID(),
  type,
  contentType: 'application/json',
  data: Buffer.from(JSON.stringify(data), 'utf8'),
  metadata: new Uint8Array(),
});

/** Writes the system events into an empty log. */
export const seedSystemEvents = (log: EventLog): void => {
  log.append(`$$$stats-${NODE}`, { kind: 'any' }, [jsonEvent('$metadata', { $maxAge: 86_400 })]);
  log.append('$$$scavenges', { kind: 'any' }, [jsonEvent('$metadata', { $maxAge: 2_592_000 })]);
  log.append(`$stats-${NODE}`, { kind: 'any' }, [jsonEvent('$statsCollected', { 'proc-cpu': 0 })]);
};
