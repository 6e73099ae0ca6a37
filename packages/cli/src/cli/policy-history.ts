import * as E from 'fp-ts/lib/Either.js';
import { policyStream, type DomainEvent } from '@borough-command/domain';
import type { EventStore } from '@borough-command/domain/eventsourcing';

/** The policy whose history `apply` records: the domain service's default. */
export const POLICY_ID = 'london';

/**
 * PH-2: how many versions the store records as adopted on the policy's stream: none when it has
 * no stream yet, unknown when it cannot be read.
 */
export const adoptedVersionCount = async (store: EventStore<DomainEvent>): Promise<number | undefined> => {
  const read = await store.readStream(policyStream(POLICY_ID))();
  if (E.isRight(read)) return read.right.filter((recorded) => recorded.event.type === 'PolicyVersionAdopted').length;
  return read.left._tag === 'StreamNotFound' ? 0 : undefined;
};
