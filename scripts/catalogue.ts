import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as t from 'io-ts';
import {
  londonBoroughs,
  appointmentCommandCodecs,
  appointmentEventDefinitions,
  postingCommandCodecs,
  postingEventDefinitions,
  restructureCommandCodecs,
  restructureEventDefinitions,
} from '@borough-command/domain';
import { EventMetadataCodec } from '@borough-command/domain/eventsourcing';
import { describeFields, type FieldDescription } from './describe-codec.js';

const root = join(import.meta.dirname, '..');
const source = (path: string): string => readFileSync(join(root, 'packages/domain/src', path), 'utf8');

/** The one-line doc comment written above `export const <name>` in a source file. */
const docOf = (text: string, name: string): string => {
  const match = new RegExp(`/\\*\\* ([^\\n]*?) \\*/\\nexport const ${name}\\b`).exec(text);
  return match?.[1] ?? '';
};

const ruleIdsIn = (text: string): string => [...new Set(text.match(/\b(AP|PO|RS)-\d+\b/g) ?? [])].join(', ');

const fieldTable = (fields: readonly FieldDescription[]): string =>
  [
    '| field | type | required |',
    '|---|---|---|',
    ...fields.map((field) => `| \`${field.path}\` | ${field.type.replace(/\|/g, '\\|')} | ${field.optional ? 'no' : field.within === undefined ? 'yes' : `yes, when \`${field.within}\` is given`} |`),
  ].join('\n');

interface Aggregate {
  readonly title: string;
  readonly eventsFile: string;
  readonly commandsFile: string;
  readonly stream: string;
  readonly events: readonly { readonly type: string; readonly version: number; readonly codec: t.Mixed }[];
  readonly commands: readonly t.Mixed[];
}

const aggregates: readonly Aggregate[] = [
  {
    title: 'Appointment process',
    eventsFile: 'appointment/appointment-events.ts',
    commandsFile: 'appointment/appointment-commands.ts',
    stream: '`appointment-<processId>`',
    events: appointmentEventDefinitions,
    commands: appointmentCommandCodecs,
  },
  {
    title: 'Posting',
    eventsFile: 'posting/posting-events.ts',
    commandsFile: 'posting/posting-commands.ts',
    stream: '`posting-<kind>-<name>`, one per command unit',
    events: postingEventDefinitions,
    commands: postingCommandCodecs,
  },
  {
    title: 'BCU restructure',
    eventsFile: 'restructure/restructure-events.ts',
    commandsFile: 'restructure/restructure-commands.ts',
    stream: '`restructure-<restructureId>`, one per force',
    events: restructureEventDefinitions,
    commands: restructureCommandCodecs,
  },
];

/** Renders `docs/events.md` from the event codecs and their doc comments. */
export const renderEventCatalogue = (): string => {
  const parts = [
    '# Events',
    '',
    'Every event the domain records, by aggregate, with its schema version and fields. Generated from',
    'the io-ts codecs by `npm run docs:catalogue`; a test fails when this page and the code differ.',
    'Dates are `YYYY-MM-DD`. Every event also carries metadata (`EventMetadataCodec`; `policyVersion`',
    'names the policy version a decision was judged by, `traceparent` the W3C trace context of the',
    'command that recorded it, see [observability.md](observability.md)):',
    '',
    fieldTable(describeFields(EventMetadataCodec)),
  ];
  for (const aggregate of aggregates) {
    const text = source(aggregate.eventsFile);
    parts.push('', `## ${aggregate.title}`, '', `Stream: ${aggregate.stream}.`);
    for (const definition of aggregate.events) {
      const doc = docOf(text, `${definition.type}Data`);
      parts.push('', `### ${definition.type} (v${String(definition.version)})`, '', doc, '', fieldTable(describeFields(definition.codec)));
    }
  }
  return `${parts.join('\n')}\n`;
};

/** Renders `docs/commands.md` from the command codecs and their doc comments. */
export const renderCommandCatalogue = (): string => {
  const parts = [
    '# Commands',
    '',
    'Every command the domain accepts, by aggregate. A command is JSON:',
    '`{ "type": ..., "commandId": ..., "at": "YYYY-MM-DD", ... }`; `decodeCommand` refuses an unknown',
    'type, a missing or mistyped field or an impossible date, naming the field. `commandId` makes the',
    'command idempotent; `at` is the date the decision takes effect. Generated from the io-ts codecs',
    'by `npm run docs:catalogue`; a test fails when this page and the code differ.',
    '',
    'A field required "when `x` is given" is required in each `x` a command gives, and `x` itself may be left out.',
    `A borough is named as the ONS spells it, for example ${londonBoroughs
      .filter((borough) => / and | upon /.test(borough.name))
      .slice(0, 3)
      .map((borough) => `\`${borough.name}\``)
      .join(', ')}; any other name is refused (PO-1, RS-1). The ${String(londonBoroughs.length)} names are in the domain's \`londonBoroughs\`.`,
  ];
  for (const aggregate of aggregates) {
    const text = source(aggregate.commandsFile);
    parts.push('', `## ${aggregate.title}`, '', `Stream: ${aggregate.stream}.`);
    for (const codec of aggregate.commands) {
      const doc = docOf(text, codec.name);
      parts.push('', `### ${codec.name}`, '', doc, '', `Rules: ${ruleIdsIn(doc) || '—'}.`, '', fieldTable(describeFields(codec)));
    }
  }
  return `${parts.join('\n')}\n`;
};
