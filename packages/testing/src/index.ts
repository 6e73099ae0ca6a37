/**
 * The kit for property-based suites on borough-command, free of any test runner: the `EventStore`
 * conformance cases and their event model, the decider laws, fast-check arbitraries of every
 * aggregate's commands, events and valid histories, and envelopes for views. What registers tests
 * or asserts with vitest is at `@borough-command/testing/vitest`; every single arbitrary at
 * `@borough-command/testing/arbitraries`.
 */

// The conformance suite: its cases, and the small event model they append and read.
/** Every case of the `EventStore` conformance suite, as plain async functions of a subject. */
export { eventStoreConformanceCases } from './conformance/cases/index.js';
/** The conformance case with this title; throws when there is none. */
export { conformanceCaseTitled } from './conformance/case-titled.js';
/** Defines a conformance case: its group, title and body run against a fresh store. */
export { conformanceCase } from './conformance/define-case.js';
/** A store under test: its name and how to open and close a fresh one. */
export type { EventStoreSubject, ConformanceCase } from './conformance/subject.js';
/** What a case's body gets: the store, a prefix of its own and the subject. */
export { withStore, type ConformanceContext } from './conformance/context.js';
/** The codec registry of the conformance events (ItemAdded, ItemRemoved, NoteAttached). */
export { conformanceRegistry, type ConformanceEvent } from './conformance/conformance-events.js';
/** An ItemAdded conformance event. */
export { itemAdded } from './conformance/conformance-events.js';
/** An ItemRemoved conformance event. */
export { itemRemoved } from './conformance/conformance-events.js';
/** A NoteAttached conformance event, with nested data. */
export { noteAttached } from './conformance/conformance-events.js';
/** The `recordedAt` of every conformance event's metadata. */
export { CONFORMANCE_RECORDED_AT } from './conformance/conformance-events.js';
/** The metadata of the `index`th event of a command. */
export { conformanceMetadata } from './conformance/conformance-events.js';
/** Conformance events as one command's new events, metadata included. */
export { commandEvents } from './conformance/conformance-events.js';
/** `count` ItemAdded events numbered from `first`. */
export { numberedItems } from './conformance/conformance-events.js';
/** The stream prefix shared by one run of the suite. */
export { suiteRunPrefix } from './conformance/stream-names.js';
/** A stream prefix no other case uses. */
export { freshTestPrefix } from './conformance/stream-names.js';
/** A command id no other case uses. */
export { freshCommandId } from './conformance/stream-names.js';
/** An error naming the guarantee of the port a store broke. */
export { violation } from './conformance/expectations.js';
/** Throws a violation unless a condition holds. */
export { ensure } from './conformance/expectations.js';
/** Deep equality whose failure names the guarantee. */
export { ensureEqual } from './conformance/expectations.js';
/** The value of a store operation that must succeed. */
export { mustSucceed } from './conformance/expectations.js';
/** The typed error of a store operation that must fail with a given tag. */
export { mustFailWith } from './conformance/expectations.js';
/** Appends, or fails the case naming the guarantee. */
export { appendOk } from './conformance/reading.js';
/** Reads a stream whole, or fails the case. */
export { readStreamOk } from './conformance/reading.js';
/** Reads the log page by page, or fails the case. */
export { readAllPages } from './conformance/reading.js';
/** Reads the log whole, or fails the case. */
export { readAllOk } from './conformance/reading.js';
/** The event ids of recorded events, in order. */
export { idsOf } from './conformance/reading.js';
/** Fails the case unless global positions strictly increase. */
export { ensureStrictlyIncreasingPositions } from './conformance/reading.js';
/** Reads a subscription's messages with a timeout. */
export { readSubscription, type SubscriptionReader } from './conformance/subscription-reader.js';
/** Whether a subscription message is the event with this id. */
export { isEventWithId } from './conformance/subscription-reader.js';
/** Whether a subscription message is CaughtUp. */
export { isCaughtUp } from './conformance/subscription-reader.js';
/** The events among subscription messages. */
export { eventsOf } from './conformance/subscription-reader.js';
/** Subscription messages as text for a failure. */
export { showMessages } from './conformance/subscription-reader.js';
/** Any value as text for a failure, bigints included. */
export { show } from './conformance/show.js';
/** A store error as text for a failure. */
export { showStoreError } from './conformance/show.js';
/** Recorded events as text for a failure. */
export { showEvents } from './conformance/show.js';

// The decider laws.
/** The laws every decider keeps, by name. */
export { deciderLaws, type DeciderLaw } from './deciders/decider-laws.js';
/** Checks the decider laws over generated histories and commands. */
export {
  checkDeciderLaws,
  type DeciderHistory,
  type DeciderLawHistory,
  type DeciderLawCodecs,
  type DeciderLawsOptions,
  type DeciderLawsReport,
} from './deciders/decider-laws.js';
/** The error a broken decider law throws, naming the law and the counterexample. */
export { DeciderLawViolation } from './deciders/decider-laws.js';

// Arbitraries: per aggregate, any command, any event and a valid history (every other at ./arbitraries).
/** Any appointment command. */
export { appointmentCommandArbitrary, type AppointmentArbitraryOptions } from './arbitraries/appointment.js';
/** Any appointment event. */
export { appointmentEventArbitrary } from './arbitraries/appointment.js';
/** A valid appointment process up to some stage, as events. */
export { validAppointmentHistory, type AppointmentHistory, type AppointmentStage } from './arbitraries/appointment.js';
/** Any posting command. */
export { postingCommandArbitrary, type PostingArbitraryOptions } from './arbitraries/posting.js';
/** Any posting event. */
export { postingEventArbitrary, type PostingEventOf } from './arbitraries/posting.js';
/** A valid history of postings of one command unit. */
export { validPostingHistory, type PostingHistory, type PostingHistoryStep } from './arbitraries/posting.js';
/** Any restructure command. */
export { restructureCommandArbitrary, type RestructureVocabulary } from './arbitraries/restructure.js';
/** Any restructure event. */
export { restructureEventArbitrary } from './arbitraries/restructure.js';
/** A valid restructure programme's history. */
export { validRestructureHistory, type ValidRestructureHistory, type PlannedBcu } from './arbitraries/restructure.js';
/** Policy values that satisfy every version of a policy at once. */
export { strictestValues } from './strictest-values.js';

// Envelopes for views.
/** Envelopes as a store would deliver plain domain events. */
export { envelopesOf, type EnvelopeOptions, type GivenEvent } from './projections/envelopes.js';
/** The stream the domain writes an event to. */
export { streamOfEvent } from './projections/envelopes.js';
