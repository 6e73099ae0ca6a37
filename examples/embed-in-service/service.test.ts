import { execFile, spawn } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { domainEventRegistry, type DomainEvent } from '@borough-command/domain';
import { createInMemoryStore, openJournalStore, type EventStore } from '@borough-command/domain/eventsourcing';
import { startPostgresServer, type PostgresServer } from '@borough-command/postgres/testing';
import { startService, type RunningService } from './service.js';

/** A JSON reply: status, headers and parsed body. */
interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: Record<string, unknown>;
}

const call = async (url: string, init: RequestInit = {}): Promise<Answer> => {
  const response = await fetch(url, init);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
};

const post = (base: string, command: unknown, actor = 'area-commander-grey'): Promise<Answer> =>
  call(`${base}/commands`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-actor': actor }, body: JSON.stringify(command) });

const camden = { kind: 'borough', name: 'Camden' };
const alice = { id: 'alice', name: 'Alice Adeyemi', rank: 'chief-superintendent' };
const leader = { kind: 'local-authority-leader', name: 'Sarah Hayward' };
const mp = { kind: 'mp', name: 'Frank Dobson' };
const processId = 'camden-2012';
const step = (commandId: string, type: string, at: string, fields: Record<string, unknown> = {}) => ({ type, commandId, at, processId, ...fields });

/**
 * Camden's 2012 appointment, step by step: AP-1 to AP-10. Its dates fall under the policy version
 * of 2012-01-16 (MOPAC replaces the MPA), which requires the local authority and an MP to have been
 * consulted before the first interview (AP-3).
 */
const opening = [
  step('c-01', 'OpenAppointmentProcess', '2012-02-01', { unit: camden, role: 'borough-commander', areaCommander: 'Area Commander Grey' }),
  step('c-02', 'AttachRoleDescription', '2012-02-02', { version: 1 }),
  step('c-03', 'RecordCandidate', '2012-02-15', { candidate: alice, route: 'applied' }),
];
const consultLeader = step('c-04', 'ConsultPartner', '2012-02-20', { partner: leader });
const consultMp = step('c-05', 'ConsultPartner', '2012-02-22', { partner: mp });
const interview = step('c-06', 'InterviewCandidate', '2012-03-01', { candidateId: 'alice' });
const toDecision = [
  step('c-07', 'ProposePreferredCandidate', '2012-03-05', { candidateId: 'alice' }),
  step('c-08', 'AgreeProposal', '2012-03-08', { actp: 'Ian McPherson' }),
  step('c-09', 'DiscussChosenCandidate', '2012-03-12', { partners: [leader, mp] }),
  step('c-10', 'RecordThreeYearCommitment', '2012-03-13', { candidateId: 'alice' }),
];
const decision = step('c-11', 'TakeFinalDecision', '2012-03-20', {
  policeAuthorityDecisionBy: 'Kit Malthouse',
  mpsDecisionBy: 'Bernard Hogan-Howe',
  startDate: '2012-04-02',
});
const outcome = step('c-12', 'ReportOutcome', '2012-03-22', { directorHr: 'Martin Tiplady' });

const eventTypes = (answer: Answer): unknown => (answer.body['events'] as readonly { readonly type: string }[]).map((event) => event.type);

describe('examples/embed-in-service: the rules behind HTTP', () => {
  let store: EventStore<DomainEvent>;
  let service: RunningService;
  let base: string;

  beforeAll(async () => {
    store = createInMemoryStore(domainEventRegistry);
    const started = await startService({ store, clock: () => new Date('2024-05-01T09:00:00.000Z') }, { port: 0, host: '127.0.0.1' });
    if (E.isLeft(started)) throw new Error(started.left.message);
    service = started.right;
    base = service.url;
  });

  afterAll(async () => {
    await service.stop();
    await store.close();
  });

  it('AP-1..AP-11: an appointment walks through the process; AP-3 refuses the interview until the local authority and an MP were consulted (422 with the rule ID)', async () => {
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    for (const command of opening) expect((await post(base, command)).status).toBe(200);

    const refused = await post(base, interview);
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ error: 'CommandRejected', rule: 'AP-3', stream: 'appointment-camden-2012' });
    expect(refused.body['message']).toEqual(expect.stringContaining('local authority'));
    expect(refused.body['rejection']).toMatchObject({ missing: ['local-authority', 'mp'], policyVersion: 'london-2012-01-16' });

    const leaderConsulted = await post(base, consultLeader);
    expect(leaderConsulted.status).toBe(200);
    expect(eventTypes(leaderConsulted)).toEqual(['PartnerConsulted']);
    // the leader of the council alone is not enough on these dates: an MP is still missing
    const stillRefused = await post(base, interview);
    expect(stillRefused.status).toBe(422);
    expect(stillRefused.body).toMatchObject({ rule: 'AP-3', rejection: { missing: ['mp'] } });

    const mpConsulted = await post(base, consultMp);
    expect(mpConsulted.status).toBe(200);
    expect(eventTypes(mpConsulted)).toEqual(['PartnerConsulted']);
    const interviewed = await post(base, interview);
    expect(interviewed.status).toBe(200);
    expect(interviewed.body).toMatchObject({ type: 'InterviewCandidate', commandId: 'c-06', alreadyApplied: false, views: { upToDate: true } });
    for (const command of toDecision) expect((await post(base, command)).status).toBe(200);
  });

  it('AP-12: the final decision answers with its event and the posting the process manager started, and the posting is in the tenure view at once', async () => {
    const decided = await post(base, decision, 'mopac');
    expect(decided.status).toBe(200);
    expect(eventTypes(decided)).toEqual(['AppointmentConfirmed']);
    const reactions = decided.body['reactions'] as readonly Record<string, unknown>[];
    expect(reactions).toHaveLength(1);
    expect(reactions[0]).toMatchObject({ type: 'StartPosting', stream: 'posting-borough-camden', alreadyApplied: false });
    expect(reactions[0]?.['events']).toMatchObject([{ type: 'PostingStarted', actor: 'mopac', data: { postingId: processId, start: '2012-04-02' } }]);
    expect(decided.body['failedReactions']).toEqual([]);
    expect(decided.body['views']).toMatchObject({ upToDate: true });

    const tenure = await call(`${base}/units/borough:Camden/tenure`);
    expect(tenure.status).toBe(200);
    expect(tenure.body['postings']).toEqual([
      expect.objectContaining({ postingId: processId, officer: alice, acting: false, start: '2012-04-02', end: null, minimumTerm: 'pending', appointmentProcessId: processId }),
    ]);
    // a bare borough name names the same unit
    expect((await call(`${base}/units/Camden/tenure`)).body).toEqual(tenure.body);
    expect((await post(base, outcome, 'director-hr')).status).toBe(200);
  });

  it('a retried command changes nothing: the same events come back marked already applied, and the views stay as they were', async () => {
    const trailBefore = await call(`${base}/appointments/${processId}/trail`);
    const tenureBefore = await call(`${base}/units/borough:Camden/tenure`);
    const first = await post(base, step('c-13', 'ConsultPartner', '2012-03-21', { partner: { kind: 'mp', name: 'Glenda Jackson' } }));
    // AP-11: the completed process accepts nothing more, retried or not
    expect(first.status).toBe(422);
    expect(first.body).toMatchObject({ rule: 'AP-11' });

    const retried = await post(base, decision, 'mopac');
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ commandId: 'c-11', alreadyApplied: true });
    const eventIds = (answer: Answer): unknown => (answer.body['events'] as readonly { readonly eventId: string }[]).map((event) => event.eventId);
    const original = (trailBefore.body['entries'] as readonly { readonly step: string; readonly source: { readonly eventId: string } }[]).find(
      (entry) => entry.step === 'AppointmentConfirmed',
    );
    expect(eventIds(retried)).toEqual([original?.source.eventId]);
    expect(retried.body['reactions']).toEqual([expect.objectContaining({ type: 'StartPosting', alreadyApplied: true })]);

    expect((await call(`${base}/appointments/${processId}/trail`)).body).toEqual(trailBefore.body);
    expect((await call(`${base}/units/borough:Camden/tenure`)).body).toEqual(tenureBefore.body);
  });

  it('AU-1 and AC-1: the trail lists every decision in order with who and when; accountability names the commander and MOPAC as at a date', async () => {
    const trail = await call(`${base}/appointments/${processId}/trail`);
    expect(trail.status).toBe(200);
    const entries = trail.body['entries'] as readonly { readonly rule: string; readonly who: { readonly actor: string }; readonly when: { readonly at: string } }[];
    expect(entries.map((entry) => entry.rule)).toEqual(['AP-1', 'AP-2', 'AP-4', 'AP-3', 'AP-3', 'AP-4', 'AP-5', 'AP-6', 'AP-7', 'AP-8', 'AP-9', 'AP-12', 'AP-10']);
    // the decisions are dated in order; the AP-12 entry is dated by the posting's start, after the decision
    const decisions = entries.filter((entry) => entry.rule !== 'AP-12').map((entry) => entry.when.at);
    expect(decisions).toEqual([...decisions].sort());
    expect(entries.find((entry) => entry.rule === 'AP-12')?.when.at).toBe('2012-04-02');
    expect(entries.at(-1)?.who.actor).toBe('director-hr');

    const accountability = await call(`${base}/boroughs/Camden/accountability?asAt=2012-06-01`);
    expect(accountability.status).toBe(200);
    expect(accountability.body).toMatchObject({
      commander: { officer: alice, acting: false, since: '2012-04-02' },
      oversightBody: "Mayor's Office for Policing and Crime (MOPAC)",
    });
    const before = await call(`${base}/boroughs/Camden/accountability?asAt=2012-03-01`);
    expect(before.body['commander']).toBeNull();

    const continuity = await call(`${base}/continuity`);
    expect(continuity.status).toBe(200);
    expect(continuity.body).toMatchObject({ endedSubstantivePostings: 0, meanTenureDays: null });
  });

  it('400 names the field of a malformed command, the missing actor, or a body that is not JSON; nothing is recorded', async () => {
    const badRank = await post(base, {
      type: 'RecordCandidate',
      commandId: 'c-bad',
      at: '2012-02-16',
      processId: 'islington-2012',
      candidate: { id: 'bo', name: 'Bo Brown', rank: 'general' },
      route: 'applied',
    });
    expect(badRank.status).toBe(400);
    expect(badRank.body).toMatchObject({ error: 'InvalidCommand', field: 'candidate.rank', commandType: 'RecordCandidate' });

    const badDate = await post(base, { ...consultLeader, commandId: 'c-bad-date', at: '2012-02-30' });
    expect(badDate.body).toMatchObject({ error: 'InvalidCommand', field: 'at' });

    const unknownType = await post(base, { type: 'PromoteEveryone', commandId: 'c-x', at: '2012-01-01' });
    expect(unknownType.body).toMatchObject({ error: 'InvalidCommand', field: 'type' });

    const noActor = await call(`${base}/commands`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(consultLeader) });
    expect(noActor.status).toBe(400);
    expect(noActor.body).toMatchObject({ error: 'MissingActor', field: 'header x-actor' });

    const notJson = await call(`${base}/commands`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-actor': 'grey' }, body: '{"type":' });
    expect(notJson.status).toBe(400);
    expect(notJson.body).toMatchObject({ error: 'MalformedJson', field: '' });

    const notJsonType = await call(`${base}/commands`, { method: 'POST', headers: { 'content-type': 'text/plain', 'x-actor': 'grey' }, body: '{}' });
    expect(notJsonType.status).toBe(415);

    expect((await call(`${base}/appointments/islington-2012/trail`)).status).toBe(404);
  });

  it('a body over the limit is refused with 413 before it is read to its end', async () => {
    const huge = await post(base, { ...consultLeader, commandId: 'c-huge', partner: { kind: 'other', name: 'x'.repeat(100_000) } });
    expect(huge.status).toBe(413);
    expect(huge.body).toMatchObject({ error: 'BodyTooLarge' });

    // a body sent in chunks, with no declared length, is cut off once it passes the limit
    const streamed = await new Promise<{ readonly status: number | undefined; readonly body: string }>((resolve, reject) => {
      const outgoing = httpRequest(`${base}/commands`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-actor': 'grey' } }, (incoming) => {
        let body = '';
        incoming.on('data', (chunk: Buffer) => (body += chunk.toString()));
        incoming.on('end', () => {
          resolve({ status: incoming.statusCode, body });
        });
      });
      outgoing.on('error', reject);
      outgoing.write(`{"type":"ConsultPartner","padding":"`);
      const chunk = 'x'.repeat(16_384);
      const writeMore = (left: number): void => {
        if (left === 0 || outgoing.destroyed) return;
        outgoing.write(chunk, () => {
          writeMore(left - 1);
        });
      };
      writeMore(5);
    });
    expect(streamed.status).toBe(413);
    expect(JSON.parse(streamed.body)).toMatchObject({ error: 'BodyTooLarge' });
  });

  it('clear 404s and 405s: unknown routes, boroughs, units and dates', async () => {
    const unknownRoute = await call(`${base}/postings`);
    expect(unknownRoute.status).toBe(404);
    expect(unknownRoute.body['routes']).toContain('POST /commands');
    expect((await call(`${base}/boroughs/Atlantis/accountability?asAt=2012-06-01`)).body).toMatchObject({ error: 'NotALondonBorough' });
    expect((await call(`${base}/units/borough:Atlantis/tenure`)).status).toBe(404);
    expect((await call(`${base}/units/bcu:Central%20North/tenure`)).status).toBe(404);
    expect((await call(`${base}/boroughs/Camden/accountability`)).body).toMatchObject({ error: 'MissingDate', field: 'asAt' });
    expect((await call(`${base}/boroughs/Camden/accountability?asAt=2012-13-01`)).body).toMatchObject({ error: 'InvalidDate', field: 'asAt' });
    const wrongMethod = await call(`${base}/commands`);
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('POST');
    expect((await call(`${base}/continuity`, { method: 'DELETE' })).status).toBe(405);
  });
});

/** A store that answers each append with the errors queued, before appending for real. */
const faultyStore = (errors: ('StoreUnavailable' | 'WrongExpectedRevision')[]): EventStore<DomainEvent> => {
  const inner = createInMemoryStore(domainEventRegistry);
  return {
    ...inner,
    appendToStream: (stream, events, expected) => async () => {
      const fault = errors.shift();
      if (fault === 'StoreUnavailable') return E.left({ _tag: 'StoreUnavailable', retryable: true, operation: `append to stream '${stream}'`, reason: 'disk not ready' });
      if (fault === 'WrongExpectedRevision') return E.left({ _tag: 'WrongExpectedRevision', stream, expected, actual: 0n });
      return inner.appendToStream(stream, events, expected)();
    },
  };
};

describe('examples/embed-in-service: store trouble', () => {
  it('503 says retry is safe for a store error, and the retry records the command once', async () => {
    const store = faultyStore(['StoreUnavailable']);
    const started = await startService({ store }, { port: 0, host: '127.0.0.1' });
    if (E.isLeft(started)) throw new Error(started.left.message);
    try {
      const failed = await post(started.right.url, opening[0]);
      expect(failed.status).toBe(503);
      expect(failed.body).toMatchObject({ error: 'StoreUnavailable' });
      expect(failed.body['retry']).toEqual(expect.stringContaining('retry is safe'));
      expect(failed.headers.get('retry-after')).toBe('1');
      const retried = await post(started.right.url, opening[0]);
      expect(retried.status).toBe(200);
      expect(retried.body).toMatchObject({ alreadyApplied: false });
      const trail = await call(`${started.right.url}/appointments/${processId}/trail`);
      expect((trail.body['entries'] as readonly unknown[]).length).toBe(1);
    } finally {
      await started.right.stop();
      await store.close();
    }
  });

  it('409 when the stream keeps changing under the command, also safe to retry', async () => {
    const store = faultyStore(['WrongExpectedRevision', 'WrongExpectedRevision', 'WrongExpectedRevision', 'WrongExpectedRevision']);
    const started = await startService({ store }, { port: 0, host: '127.0.0.1' });
    if (E.isLeft(started)) throw new Error(started.left.message);
    try {
      const conflicted = await post(started.right.url, opening[0]);
      expect(conflicted.status).toBe(409);
      expect(conflicted.body).toMatchObject({ error: 'TooManyConflicts', stream: 'appointment-camden-2012' });
      expect(conflicted.body['retry']).toEqual(expect.stringContaining('retry is safe'));
      expect((await post(started.right.url, opening[0])).status).toBe(200);
    } finally {
      await started.right.stop();
      await store.close();
    }
  });
});

describe('examples/embed-in-service: a store closed under the service', () => {
  it('views answer 503 once the runner has stopped, and commands answer 503 with the store error', async () => {
    const store = createInMemoryStore(domainEventRegistry);
    const started = await startService({ store }, { port: 0, host: '127.0.0.1' });
    if (E.isLeft(started)) throw new Error(started.left.message);
    try {
      expect((await call(`${started.right.url}/continuity`)).status).toBe(200);
      await store.close();
      const command = await post(started.right.url, opening[0]);
      expect(command.status).toBe(503);
      expect(command.body).toMatchObject({ error: 'StoreClosed' });
      const view = await call(`${started.right.url}/continuity`);
      expect(view.status).toBe(503);
      expect(view.body).toMatchObject({ error: 'ViewsStopped' });
    } finally {
      await started.right.stop();
    }
  });
});

const run = (file: string, env: Record<string, string>) =>
  spawn(process.execPath, ['--import', 'tsx', '--conditions=@borough-command/source', file], {
    cwd: join(import.meta.dirname, '..', '..'),
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });

/** Starts main.ts, waits for its URL, and returns it with a function that stops it by SIGTERM and resolves with its output. */
const startMain = async (env: Record<string, string>) => {
  const child = run(join(import.meta.dirname, 'main.ts'), env);
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const url = await new Promise<string>((resolve, reject) => {
    const poll = setInterval(() => {
      const found = /listening on (http:\/\/\S+)/.exec(output);
      if (found?.[1] !== undefined) {
        clearInterval(poll);
        resolve(found[1]);
      }
    }, 20);
    void exited.then((code) => {
      clearInterval(poll);
      reject(new Error(`main.ts exited with ${String(code)}: ${output}`));
    });
  });
  const stop = async (): Promise<{ readonly code: number | null; readonly output: string }> => {
    child.kill('SIGTERM');
    return { code: await exited, output };
  };
  return { url, stop };
};

describe('examples/embed-in-service/main.ts', () => {
  let directory: string;
  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'embed-in-service-'));
  });
  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('runs on the journal named by BOROUGH_COMMAND_JOURNAL: a command written before a restart is in the views after it', async () => {
    const journal = join(directory, 'journal.ndjson');
    const first = await startMain({ BOROUGH_COMMAND_JOURNAL: journal, PORT: '0' });
    expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await post(first.url, opening[0])).status).toBe(200);
    const stopped = await first.stop();
    expect(stopped.code).toBe(0);
    expect(stopped.output).toContain(`store: journal ${journal}`);
    expect(stopped.output).toContain('SIGTERM: stopping');
    expect(stopped.output).toContain('stopped');

    const reopened = await openJournalStore(domainEventRegistry, { file: journal, readOnly: true })();
    if (E.isLeft(reopened)) throw new Error(reopened.left._tag);
    expect(reopened.right.recovery.lines).toBe(1);
    await reopened.right.close();

    const second = await startMain({ BOROUGH_COMMAND_JOURNAL: journal, PORT: '0' });
    try {
      const trail = await call(`${second.url}/appointments/${processId}/trail`);
      expect(trail.status).toBe(200);
      expect((trail.body['entries'] as readonly { readonly rule: string }[]).map((entry) => entry.rule)).toEqual(['AP-1']);
    } finally {
      expect((await second.stop()).code).toBe(0);
    }
  });

  it('runs on PostgreSQL when DATABASE_URL names a server (a real one, started here unless DATABASE_URL is set): the schema migrated first, a command written before a restart in the views after it, the password never printed', async () => {
    const given = process.env['DATABASE_URL'];
    const server: PostgresServer | undefined = given === undefined || given === '' ? await startPostgresServer() : undefined;
    const database = server?.connectionString ?? given ?? '';
    const password = new URL(database).password;
    try {
      const first = await startMain({ DATABASE_URL: database, BOROUGH_COMMAND_JOURNAL: '', PORT: '0' });
      expect((await post(first.url, opening[0])).status).toBe(200);
      const stopped = await first.stop();
      expect(stopped.code).toBe(0);
      expect(stopped.output).toContain('store: PostgreSQL postgres://');
      if (password !== '') expect(stopped.output).not.toContain(password);

      const second = await startMain({ DATABASE_URL: database, BOROUGH_COMMAND_JOURNAL: '', PORT: '0' });
      try {
        const trail = await call(`${second.url}/appointments/${processId}/trail`);
        expect(trail.status).toBe(200);
        expect((trail.body['entries'] as readonly { readonly rule: string }[]).map((entry) => entry.rule)).toEqual(['AP-1']);
      } finally {
        const last = await second.stop();
        expect(last.code).toBe(0);
        if (password !== '') expect(last.output).not.toContain(password);
      }
    } finally {
      await server?.remove();
    }
  }, 120_000);

  it('refuses to start on a journal it cannot open, with exit code 2', async () => {
    const notAJournal = join(directory, 'not-a-journal.ndjson');
    await writeFile(notAJournal, 'this is not a journal line\n');
    const child = execFile(process.execPath, ['--import', 'tsx', '--conditions=@borough-command/source', join(import.meta.dirname, 'main.ts')], {
      cwd: join(import.meta.dirname, '..', '..'),
      env: { ...process.env, BOROUGH_COMMAND_JOURNAL: notAJournal, PORT: '0' },
    });
    let errors = '';
    child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(2);
    expect(errors).toContain('cannot open the store');
    expect(errors).toContain('not-a-journal.ndjson:1');
  });
});
