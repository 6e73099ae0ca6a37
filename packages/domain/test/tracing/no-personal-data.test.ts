/**
 * No span shows a person's name: a story with named officers, partners and decision makers, sent
 * by a named actor, over a journal store (commands, reactions, a rejection, reads of the whole log
 * and a subscription), and not one name in any span's name, status, attributes or links.
 */
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBoroughCommand } from '../../src/borough-command/borough-command-service.js';
import { domainEventRegistry, type DomainEvent } from '../../src/borough-command/domain-events.js';
import { isoDate } from '../../src/shared/iso-date.js';
import { openJournalStore, type JournalStore } from '../../src/eventsourcing/journal/journal-store.js';
import { policyWith } from '../../src/policy/policy.js';
import type { DomainCommand } from '../../src/borough-command/domain-commands.js';
import { appointmentInCamden, dana, eli, pathfinderGoesLive } from '../borough-command/story.js';
import { inTempDir } from '../journal/journal-test-kit.js';
import { everyTextOf, startSpanRecorder, type SpanRecorder } from '@borough-command/test-machinery';

let recorder: SpanRecorder;
beforeAll(() => {
  recorder = startSpanRecorder();
});
afterAll(async () => {
  await recorder.stop();
});

/** The fields of a command that name a person (besides officers, found by their rank). */
const PERSON_FIELDS = new Set(['areaCommander', 'actp', 'policeAuthorityDecisionBy', 'mpsDecisionBy', 'directorHr', 'decidedBy', 'approvedBy']);

/** Every person a set of commands names: officers, partners and consultees by name, and decision makers. */
const peopleIn = (commands: readonly DomainCommand[]): Set<string> => {
  const people = new Set<string>();
  const visit = (value: unknown, key: string | undefined): void => {
    if (typeof value === 'string') {
      if (key !== undefined && PERSON_FIELDS.has(key)) people.add(value);
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item, key);
      return;
    }
    const record = value as Record<string, unknown>;
    // An officer (a rank), a partner (`partner`, `partners`) or a consultee (`consultee`) is named by `name`.
    const named = 'rank' in record || key === 'partner' || key === 'partners' || 'consultee' in record;
    if (named && typeof record.name === 'string') people.add(record.name);
    for (const [field, item] of Object.entries(record)) visit(item, field);
  };
  for (const command of commands) visit(command, undefined);
  return people;
};

const ACTOR = 'Priya Ramanathan';

describe('no personal data in spans', () => {
  it('a story with named officers over a journal store: no span names a person', async () => {
    await inTempDir('tracing-privacy', async (dir) => {
      const opened = await openJournalStore(domainEventRegistry, { file: join(dir, 'journal.ndjson') })();
      if (E.isLeft(opened)) return expect.fail(`journal: ${opened.left._tag}`);
      const store: JournalStore<DomainEvent> = opened.right;
      const service = createBoroughCommand({ store, policy: policyWith({ enforcement: 'record' }) });
      const story = [
        ...appointmentInCamden('camden-2015', dana, isoDate('2015-06-01'), isoDate('2015-07-01')),
        ...pathfinderGoesLive('Central North', ['Camden', 'Islington'], eli, isoDate('2017-01-01')),
      ];
      let rejected = 0;
      for (const command of story) {
        const outcome = await service.execute(command, { actor: ACTOR })();
        if (E.isLeft(outcome)) expect.fail(`${command.type}: ${outcome.left._tag}`);
      }
      // One rejection, whose message names the officer: never shown in a span.
      const [, , , , apply] = appointmentInCamden('camden-2015', dana, isoDate('2015-06-01'), isoDate('2015-07-01'));
      if (apply === undefined) return expect.fail('no RecordCandidate');
      const again = await service.execute({ ...apply, commandId: 'camden-2015/apply again' }, { actor: ACTOR })();
      if (E.isLeft(again) && again.left._tag === 'CommandRejected') rejected += 1;
      expect(rejected).toBe(1);
      for await (const page of store.readAll({ pageSize: 7 })) expect(E.isRight(page)).toBe(true);
      const subscription = store.subscribeToAll();
      for await (const message of subscription) if (message._tag === 'CaughtUp') break;
      await subscription.close();
      await store.close();

      const people = peopleIn(story);
      people.add(ACTOR);
      // The story names these, so the search finds them (a search for nothing would pass by itself).
      for (const known of [dana.name, eli.name, 'Cdr Area North', 'Holborn MP', 'Deputy Mayor for Policing and Crime', 'Supt One']) expect(people).toContain(known);

      const spans = recorder.spans();
      const names = new Set(spans.map((span) => span.name));
      for (const expected of ['handle RecordCandidate', 'handle StartPosting', 'handle TakeUpCommand', 'appendToStream', 'readStream', 'readAll', 'subscribeToAll']) expect(names).toContain(expected);
      expect(spans.filter((span) => span.attributes['borough_command.outcome'] === 'rejected')).toHaveLength(1);
      expect(spans.every((span) => span.attributes['db.system.name'] === undefined || span.attributes['db.system.name'] === 'journal')).toBe(true);
      const shown = spans.flatMap(everyTextOf).map((text) => text.toLowerCase());
      for (const person of people) {
        const lower = person.toLowerCase();
        expect(shown.filter((text) => text.includes(lower)), person).toEqual([]);
      }
    });
  });
});
