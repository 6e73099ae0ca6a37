import { createHash } from 'node:crypto';
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { domainEventRegistry, isoDate, type DomainEvent } from '@borough-command/domain';
import { openJournalStore, type JournalStore } from '@borough-command/domain/eventsourcing';
import { rebuildViews, type BoroughCommandViews } from '../src/index.js';

/**
 * A journal written by the code of the first format (every event at schema version 1, no policy
 * version in the metadata), committed as it was written: it must open and replay with every later
 * version, its events upcast on read and the file never rewritten.
 */
const FIXTURE = new URL('./fixtures/journal-format-1/london-2009-2019.ndjson', import.meta.url);

interface RawLine {
  readonly type: string;
  readonly data: { readonly unit?: { readonly kind: string; readonly name: string }; readonly officer?: { readonly name: string } };
  readonly metadata: Record<string, unknown>;
}

let directory: string;
let file: string;
let raw: readonly RawLine[];
let store: JournalStore<DomainEvent>;
let views: BoroughCommandViews;
const sha256 = async (path: string): Promise<string> => createHash('sha256').update(await readFile(path)).digest('hex');
let before: string;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'borough-command-format-1-'));
  file = join(directory, 'london.ndjson');
  await copyFile(FIXTURE, file);
  before = await sha256(file);
  raw = (await readFile(file, 'utf8'))
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as RawLine);
  const opened = await openJournalStore(domainEventRegistry, { file, readOnly: true })();
  if (E.isLeft(opened)) throw new Error(`the format-1 journal did not open: ${JSON.stringify(opened.left)}`);
  store = opened.right;
  const rebuilt = await rebuildViews(store)();
  if (E.isLeft(rebuilt)) throw new Error(`the format-1 journal did not replay: ${rebuilt.left.message}`);
  views = rebuilt.right;
});

afterAll(async () => {
  await store.close();
  await rm(directory, { recursive: true, force: true });
});

describe('a journal of the first format', () => {
  it('PH-1 was written before decisions recorded their policy version, and at schema version 1 throughout', () => {
    expect(raw.length).toBeGreaterThan(1000);
    expect(raw.every((line) => line.metadata['schemaVersion'] === 1 && !('policyVersion' in line.metadata))).toBe(true);
  });

  it('opens and replays every line, and the file is left byte for byte as it was', async () => {
    const types: string[] = [];
    for await (const page of store.readAll()) {
      if (E.isLeft(page)) throw new Error(JSON.stringify(page.left));
      types.push(...page.right.map((recorded) => recorded.event.type));
    }
    expect(types).toEqual(raw.map((line) => line.type));
    expect(await sha256(file)).toBe(before);
  });

  it('TE-1 lists, for every command unit, the postings its lines started, in order', () => {
    const units = new Map<string, { kind: 'borough' | 'bcu'; name: string; officers: string[] }>();
    for (const line of raw) {
      if (line.type !== 'PostingStarted' || line.data.unit === undefined || line.data.officer === undefined) continue;
      const key = `${line.data.unit.kind}:${line.data.unit.name}`;
      const entry = units.get(key) ?? { kind: line.data.unit.kind as 'borough' | 'bcu', name: line.data.unit.name, officers: [] };
      entry.officers.push(line.data.officer.name);
      units.set(key, entry);
    }
    expect(units.size).toBeGreaterThan(30);
    for (const { kind, name, officers } of units.values()) {
      const shown = views.tenure.tenureOf({ kind, name }).postings.map((posting) => posting.officer.name);
      expect([...shown].sort()).toEqual([...officers].sort());
    }
  });

  it('AC-2 PH-1 judges its decisions by the version in force on their dates, since their events name none', () => {
    const decided = views.compliance.processes().filter((processId) => views.compliance.complianceOf(processId)?.stage === 'completed');
    expect(decided.length).toBeGreaterThan(10);
    for (const processId of decided) {
      const ap8 = views.compliance.complianceOf(processId)?.rules.find((rule) => rule.rule === 'AP-8');
      expect(ap8?.status === 'followed' || ap8?.explanation.includes('(the events name none)')).toBe(true);
    }
    expect(views.accountability.accountabilityOn('Camden', isoDate('2011-06-01'))).toMatchObject({
      right: { oversightBody: 'Metropolitan Police Authority (MPA)' },
    });
    expect(views.accountability.accountabilityOn('Camden', isoDate('2013-06-01'))).toMatchObject({
      right: { oversightBody: "Mayor's Office for Policing and Crime (MOPAC)" },
    });
  });
});
