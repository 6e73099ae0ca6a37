/**
 * The store's spans over PostgreSQL, opened from a connection string with a password (the test
 * server's, scram-sha-256): every operation a span of `@borough-command/postgres` named `postgres`,
 * the command's trace context read back from the `events` table, and no span showing the password,
 * the connection string or an officer's name.
 */
import * as E from 'fp-ts/lib/Either.js';
import { createBoroughCommand, domainEventRegistry, isoDate, type DomainCommand, type Officer } from '@borough-command/domain';
import { createPostgresStore } from '@borough-command/postgres';
import { everyTextOf, startSpanRecorder, type SpanRecorder } from '@borough-command/test-machinery';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshSchema, postgresUrl } from './support/fresh-schema.js';

let recorder: SpanRecorder;

beforeAll(() => {
  recorder = startSpanRecorder();
});

afterAll(async () => {
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

describe('postgres tracing', () => {
  it('postgres: every store operation is a span, the trace context is read back from the table, and no span shows the password or a name', async () => {
    const connectionString = postgresUrl();
    const schema = await freshSchema('tracing');
    const opened = createPostgresStore(domainEventRegistry, { connectionString }, { schema });
    if (E.isLeft(opened)) return expect.fail(opened.left._tag);
    const store = opened.right;
    const service = createBoroughCommand({ store });
    for (const command of commands) {
      const outcome = await service.execute(command, { actor: ACTOR })();
      if (E.isLeft(outcome)) expect.fail(`${command.type}: ${outcome.left._tag}`);
    }
    for await (const page of store.readAll()) expect(E.isRight(page)).toBe(true);
    const subscription = store.subscribeToAll();
    for await (const message of subscription) if (message._tag === 'CaughtUp') break;
    await subscription.close();
    const read = await store.readStream('appointment-tr')();
    await store.close();
    if (E.isLeft(read)) return expect.fail(read.left._tag);

    const spans = recorder.spans();
    const recording = spans.find((span) => span.name === 'handle RecordCandidate');
    if (recording === undefined) return expect.fail('no span of RecordCandidate');
    const recorded = read.right.find((event) => event.event.type === 'CandidateRecorded');
    expect(recorded?.metadata.traceparent).toBe(`00-${recording.spanContext().traceId}-${recording.spanContext().spanId}-01`);

    const storeSpans = spans.filter((span) => span.attributes['db.system.name'] === 'postgres');
    expect(new Set(storeSpans.map((span) => span.instrumentationScope.name))).toEqual(new Set(['@borough-command/postgres']));
    expect(new Set(storeSpans.map((span) => span.name))).toEqual(new Set(['appendToStream', 'readAll', 'readStream', 'subscribeToAll']));

    const shown = spans.flatMap(everyTextOf).join('\n');
    const { password, host } = new URL(connectionString);
    const secrets = [connectionString, password, decodeURIComponent(password)].filter((secret) => secret !== '');
    for (const secret of secrets) expect(shown).not.toContain(secret);
    expect(shown).not.toContain(host);
    for (const person of [candidate.name, AREA_COMMANDER, ACTOR]) expect(shown).not.toContain(person);
  });
});
