import type { DomainEvent } from '@borough-command/domain';
import type { RecordedEvent } from '@borough-command/domain/eventsourcing';

/** A decoded domain event as a store delivers it: the event, its metadata, stream, revision and global position. */
export type DomainEnvelope = RecordedEvent<DomainEvent>;

/** The domain event of one type. */
export type DomainEventOf<T extends DomainEvent['type']> = Extract<DomainEvent, { readonly type: T }>;

/** The data of the domain event of one type. */
export type EventDataOf<T extends DomainEvent['type']> = DomainEventOf<T>['data'];
