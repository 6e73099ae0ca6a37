import { appointmentCommandCodecs, type AppointmentCommand } from '../appointment/appointment-commands.js';
import { appointmentEventDefinitions, type AppointmentEvent } from '../appointment/appointment-events.js';
import { policyCommandCodecs, type PolicyCommand } from '../policy/policy-commands.js';
import { policyEventDefinitions, type PolicyEvent } from '../policy/policy-events.js';
import { postingCommandCodecs, type PostingCommand } from '../posting/posting-commands.js';
import { postingEventDefinitions, type PostingEvent } from '../posting/posting-events.js';
import { restructureCommandCodecs, type RestructureCommand } from '../restructure/restructure-commands.js';
import { restructureEventDefinitions, type RestructureEvent } from '../restructure/restructure-events.js';
import type { DomainCommand } from './domain-commands.js';
import type { DomainEvent } from './domain-events.js';

const namesOf = (items: readonly { readonly name: string }[]): ReadonlySet<string> => new Set(items.map((item) => item.name));
const typesOf = (items: readonly { readonly type: string }[]): ReadonlySet<string> => new Set(items.map((item) => item.type));

const appointmentCommands = namesOf(appointmentCommandCodecs);
const postingCommands = namesOf(postingCommandCodecs);
const restructureCommands = namesOf(restructureCommandCodecs);
const appointmentEvents = typesOf(appointmentEventDefinitions);
const postingEvents = typesOf(postingEventDefinitions);
const restructureEvents = typesOf(restructureEventDefinitions);
const policyCommands = namesOf(policyCommandCodecs);
const policyEvents = typesOf(policyEventDefinitions);

/** Tells whether a command belongs to the appointment process. */
export const isAppointmentCommand = (command: DomainCommand): command is AppointmentCommand => appointmentCommands.has(command.type);
/** Tells whether a command belongs to a command unit's postings. */
export const isPostingCommand = (command: DomainCommand): command is PostingCommand => postingCommands.has(command.type);
/** Tells whether a command belongs to a force's restructure. */
export const isRestructureCommand = (command: DomainCommand): command is RestructureCommand => restructureCommands.has(command.type);

/** Tells whether an event belongs to the appointment process. */
export const isAppointmentEvent = (event: DomainEvent): event is AppointmentEvent => appointmentEvents.has(event.type);
/** Tells whether an event belongs to a command unit's postings. */
export const isPostingEvent = (event: DomainEvent): event is PostingEvent => postingEvents.has(event.type);
/** Tells whether an event belongs to a force's restructure. */
export const isRestructureEvent = (event: DomainEvent): event is RestructureEvent => restructureEvents.has(event.type);
/** Tells whether a command belongs to a policy's history. */
export const isPolicyCommand = (command: DomainCommand): command is PolicyCommand => policyCommands.has(command.type);
/** Tells whether an event belongs to a policy's history. */
export const isPolicyEvent = (event: DomainEvent): event is PolicyEvent => policyEvents.has(event.type);
