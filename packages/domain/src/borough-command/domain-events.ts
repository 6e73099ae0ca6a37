import { appointmentEventDefinitions, type AppointmentEvent } from '../appointment/appointment-events.js';
import { createRegistry, type CodecRegistry } from '../eventsourcing/codec-registry.js';
import { policyEventDefinitions, type PolicyEvent } from '../policy/policy-events.js';
import { postingEventDefinitions, type PostingEvent } from '../posting/posting-events.js';
import { restructureEventDefinitions, type RestructureEvent } from '../restructure/restructure-events.js';

/** Any event of the domain's aggregates. */
export type DomainEvent = AppointmentEvent | PostingEvent | RestructureEvent | PolicyEvent;

/** Every event definition of the domain, current version first. */
export const domainEventDefinitions = [
  ...appointmentEventDefinitions,
  ...postingEventDefinitions,
  ...restructureEventDefinitions,
  ...policyEventDefinitions,
] as const;

/** The codec registry of every domain event: give it to a store. */
export const domainEventRegistry: CodecRegistry<DomainEvent> = createRegistry(domainEventDefinitions);
