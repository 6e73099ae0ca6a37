/**
 * The store's spans over EventStoreDB opened from a connection string holding a user and password:
 * every operation a span named `eventstoredb`, the command's trace context carried through
 * EventStoreDB in the events' metadata, and no span showing the credentials or an officer's name.
 */
import * as E from 'fp-ts/lib/Either.js';
import { createBoroughCommand, domainEventRegistry, isoDate, type DomainCommand, type Officer } from '@borough-command/domain';
import { startTestServer, type TestServer } from '@borough-command/eventstoredb/testing';
import { everyTextOf, startSpanRecorder, type SpanRecorder } from '@borough-command/test-machinery';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secretsOf } from '../src/index.js';
import { openStore } from './support/open-store.js';

const USER = 'ops-admin';
const PASSWORD = 'Tr0ub4dor&3-horse%21';
/** The password as the server would see it: percent-decoded. */
const DECODED_PASSWORD = 'Tr0ub4dor&3-horse!';

let recorder: SpanRecorder;
let server: TestServer;
let withCredentials: string;

beforeAll(async () => {
  recorder = startSpanRecorder();
  server = await startTestServer();
  withCredentials = server.connectionString.replace('esdb://', `esdb://${USER}:${PASSWORD}@`);
});

afterAll(async () => {
  await server.stop();
  await recorder.stop();
});

const candidate: Officer = { id: 'officer-imogen', name: 'Imogen Achterberg', rank: 'chief-superintendent' };
const AREA_COMMANDER = 'Cdr Oluwaseun Strand';
const ACTOR = 'Priya Ramanathan';

const commands: readonly DomainCommand[] = [
  { type: 'OpenAppointmentProcess', commandId: 'tr/open', at: isoDate('2012-03-01'), processId: 'tr', unit: { kind: 'borough', name: 'Camden' }, role: 'borough-commander', areaCommander: AREA_COMMANDER },
  { type: 'AttachRoleDescription', commandId: 'tr/attach', at: isoDate('2012-03-01'), processId: 'tr', version: 1 },
  { type: 'RecordCandidate', commandId: 'tr/apply', at: isoDate('2012-03-10'), processId: 'tr', candidate, route: 'applied' },
];

describe('eventstoredb tracing', () => {
  it('eventstoredb: every store operation is a span, the trace context goes through EventStoreDB, and no span shows the credentials or a name', async () => {
    const store = openStore(domainEventRegistry, withCredentials);
    const service = createBoroughCommand({ store });
    for (const command of commands) {
      const outcome = await service.execute(command, { actor: ACTOR })();
      if (E.isLeft(outcome)) expect.fail(`${command.type}: ${outcome.left._tag}`);
    }
    const [open] = commands;
    const again = await service.execute({ ...(open as DomainCommand), commandId: 'tr/open again' }, { actor: ACTOR })();
    expect(E.isLeft(again) && again.left._tag).toBe('CommandRejected');
    for await (const page of store.readAll({ streamPrefixes: ['appointment-'] })) expect(E.isRight(page)).toBe(true);
    const subscription = store.subscribeToAll({ streamPrefixes: ['appointment-'] });
    for await (const message of subscription) if (message._tag === 'CaughtUp') break;
    await subscription.close();

    // Read back from EventStoreDB: the candidate's event names the span of the command that recorded it.
    const read = await store.readStream('appointment-tr')();
    if (E.isLeft(read)) return expect.fail(read.left._tag);
    const recorded = read.right.find((event) => event.event.type === 'CandidateRecorded');
    await store.close();
    const spans = recorder.spans();
    const recording = spans.find((span) => span.name === 'handle RecordCandidate');
    if (recording === undefined) return expect.fail('no span of RecordCandidate');
    expect(recorded?.metadata.traceparent).toBe(`00-${recording.spanContext().traceId}-${recording.spanContext().spanId}-01`);

    const storeSpans = spans.filter((span) => span.attributes['db.system.name'] === 'eventstoredb');
    expect(new Set(storeSpans.map((span) => span.instrumentationScope.name))).toEqual(new Set(['@borough-command/eventstoredb']));
    const operations = new Set(storeSpans.map((span) => span.name));
    expect([...operations].sort()).toEqual(['appendToStream', 'readAll', 'readStream', 'subscribeToAll']);
    expect(spans.some((span) => span.attributes['borough_command.rejection.rule'] === 'AP-1')).toBe(true);

    const shown = spans.flatMap(everyTextOf).join('\n');
    for (const secret of [PASSWORD, DECODED_PASSWORD, `${USER}:`, withCredentials, ...secretsOf(withCredentials)]) expect(shown).not.toContain(secret);
    for (const person of [candidate.name, AREA_COMMANDER, ACTOR]) expect(shown).not.toContain(person);
  });
});
