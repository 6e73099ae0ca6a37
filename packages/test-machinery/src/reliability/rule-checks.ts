import type { DomainEvent } from '@borough-command/domain';
import type { RecordedEvent } from '@borough-command/domain/eventsourcing';

/** A breach of PO-1 or RS-1 found in a log, in words. */
export interface CrossAggregateViolation {
  readonly rule: 'PO-1' | 'RS-1';
  readonly stream: string;
  readonly revision: bigint;
  readonly message: string;
}

interface Occupant {
  readonly postingId: string;
  readonly acting: boolean;
}

/**
 * PO-1 over a whole log: after every event, each role of each command unit has at most one
 * commander in post, substantive or acting (an acting cover only fills a vacancy).
 */
export const postingViolations = (log: readonly RecordedEvent<DomainEvent>[]): readonly CrossAggregateViolation[] => {
  const inPost = new Map<string, Occupant[]>();
  const violations: CrossAggregateViolation[] = [];
  for (const recorded of log) {
    const { event } = recorded;
    if (event.type !== 'PostingStarted' && event.type !== 'PostingEnded') continue;
    const key = `${recorded.stream} ${event.data.role}`;
    const occupants = inPost.get(key) ?? [];
    if (event.type === 'PostingEnded') {
      inPost.set(key, occupants.filter((occupant) => occupant.postingId !== event.data.postingId));
      continue;
    }
    const now = [...occupants, { postingId: event.data.postingId, acting: event.data.acting }];
    inPost.set(key, now);
    if (now.length > 1) {
      violations.push({
        rule: 'PO-1',
        stream: recorded.stream,
        revision: recorded.revision,
        message: `${String(now.length)} ${event.data.role}s in post at once in ${recorded.stream}: ${now.map((occupant) => `${occupant.postingId}${occupant.acting ? ' (acting)' : ''}`).join(', ')}`,
      });
    }
  }
  return violations;
};

/**
 * RS-1 over a whole log: after every event, no borough is in two proposed or live BCUs of one
 * force (a dissolved BCU and the BCUs of an abandoned programme free their boroughs).
 */
export const restructureViolations = (log: readonly RecordedEvent<DomainEvent>[]): readonly CrossAggregateViolation[] => {
  const bcus = new Map<string, Map<string, readonly string[]>>();
  const violations: CrossAggregateViolation[] = [];
  for (const recorded of log) {
    const { event } = recorded;
    const force = bcus.get(recorded.stream) ?? new Map<string, readonly string[]>();
    bcus.set(recorded.stream, force);
    if (event.type === 'BcuDissolved') force.delete(event.data.bcu);
    if (event.type === 'RestructureProgrammeAbandoned') for (const bcu of event.data.withdrawnBcus) force.delete(bcu);
    if (event.type !== 'BcuProposed') continue;
    for (const [other, boroughs] of force) {
      const shared = boroughs.filter((borough) => event.data.boroughs.includes(borough));
      if (shared.length > 0) {
        violations.push({
          rule: 'RS-1',
          stream: recorded.stream,
          revision: recorded.revision,
          message: `${shared.join(', ')} in both ${other} and ${event.data.bcu}`,
        });
      }
    }
    force.set(event.data.bcu, event.data.boroughs);
  }
  return violations;
};
