/** The shape every event of an event-sourced model has: a type tag and its data. */
export interface EventShape {
  readonly type: string;
  readonly data: unknown;
}

/** Facts recorded beside every event: identity, causality, who decided and when it was recorded. */
export interface EventMetadata {
  /** Unique id of the event, derived from the command id (see `deriveEventId`). */
  readonly eventId: string;
  /** Id of the command that produced the event. */
  readonly commandId: string;
  /** Id shared by every event of one business flow. */
  readonly correlationId: string;
  /** Id of the command or event that caused this event. */
  readonly causationId: string;
  /** Who took the decision the event records. */
  readonly actor: string;
  /** When the event was recorded, as an ISO 8601 timestamp. */
  readonly recordedAt: string;
  /** The schema version the event data was written with. */
  readonly schemaVersion: number;
  /** The version of the rules the decision was judged under, when the model names one. */
  readonly policyVersion?: string;
  /**
   * The W3C `traceparent` of the span of the command that recorded the event, when tracing was set
   * up: a reaction's span links to it. Absent from events recorded without tracing, and before it.
   */
  readonly traceparent?: string;
}

/** Metadata supplied when appending: the store fills in the schema version from the codec registry. */
export type NewEventMetadata = Omit<EventMetadata, 'schemaVersion'>;

/** An event to append to a stream. */
export interface NewEvent<E extends EventShape = EventShape> {
  readonly event: E;
  readonly metadata: NewEventMetadata;
}

/** An event as read back from a store: decoded, upcast, and placed in its stream and the global log. */
export interface RecordedEvent<E extends EventShape = EventShape> {
  readonly event: E;
  readonly metadata: EventMetadata;
  /** The stream the event belongs to. */
  readonly stream: string;
  /** Zero-based position of the event inside its stream. */
  readonly revision: bigint;
  /** Position of the event in the store's global log; strictly increasing in append order. */
  readonly position: bigint;
}
