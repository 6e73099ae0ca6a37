import { readFile } from 'node:fs/promises';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoDate, type DomainEvent } from '@borough-command/domain';
import type { EventStore } from '@borough-command/domain/eventsourcing';
import {
  createFileCheckpointStore,
  createViews,
  eventsBehind,
  projectionsOf,
  rebuildViews,
  startRunner,
  type BoroughCommandViews,
} from '../src/index.js';
import { worldAfter, worldPolicy, type Step } from './support/world.js';

/** The examples of docs/projections.md, run against a small history; each block of the page must appear here. */
const script: readonly Step[] = [
  {
    days: 0,
    action: { kind: 'appoint', borough: 0, candidate: 0, consultLocalAuthority: true, declineFirst: false, commit: true, abandonAfter: null, startDelay: 10 },
  },
  { days: 60, action: { kind: 'assess', unit: 0, partners: [0] } },
  { days: 300, action: { kind: 'end', borough: 0, reason: 'promotion', approved: false } },
  { days: 2000, action: { kind: 'goLive', pair: 0 } },
];

let store: EventStore<DomainEvent>;
let views: BoroughCommandViews;
let directory: string;

beforeAll(async () => {
  store = (await worldAfter(script)).store;
  directory = await mkdtemp(join(tmpdir(), 'borough-command-docs-'));
  const rebuilt = await rebuildViews(store, { policy: worldPolicy })();
  if (E.isLeft(rebuilt)) throw new Error(rebuilt.left.message);
  views = rebuilt.right;
});

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe('the examples of docs/projections.md', () => {
  it('every TypeScript block of the page is one of these examples', async () => {
    const page = await readFile(join(import.meta.dirname, '..', '..', '..', 'docs', 'projections.md'), 'utf8');
    const here = await readFile(new URL(import.meta.url), 'utf8');
    const normalise = (text: string): string =>
      text
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== '')
        .join('\n');
    const blocks = [...page.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => normalise(match[1] ?? ''));
    expect(blocks.length).toBeGreaterThan(5);
    for (const block of blocks) expect(normalise(here)).toContain(block);
  });

  it('rebuilds the views in one call', async () => {
    const rebuilt = await rebuildViews(store)();
    if (E.isLeft(rebuilt)) throw new Error(rebuilt.left.message);
    const { tenure, continuity, careers, accountability, compliance, audit } = rebuilt.right;
    expect([tenure, continuity, careers, accountability, compliance, audit].map((view) => view.name)).toEqual([
      'TE-1 tenure',
      'TE-2 continuity',
      'TE-3 careers',
      'AC-1 accountability',
      'AC-2 appointment compliance',
      'AU-1 audit trail',
    ]);
  });

  it('TE-1 example: postings and periods of Camden', () => {
    const camden = views.tenure.tenureOf({ kind: 'borough', name: 'Camden' });
    const rows = camden.postings.map((posting) => [posting.officer.name, posting.start, posting.end, posting.daysServed, posting.minimumTerm]);
    const vacancies = camden.periods.filter((period) => period.kind === 'vacancy');
    expect(rows).toHaveLength(1);
    expect(vacancies).toHaveLength(1);
  });

  it('TE-2 example: continuity of Camden and of London', () => {
    const camden = views.continuity.continuityOf({ kind: 'borough', name: 'Camden' });
    const london = views.continuity.londonWide();
    const breaches = london.earlyDepartures.withoutExceptionalReason.map((departure) => departure.officer.name);
    expect(camden.medianTenureDays).toBe(london.medianTenureDays);
    expect(breaches).toEqual(['Amira Adeyemi']);
  });

  it('TE-3 example: a career', () => {
    const career = views.careers.careerOf('officer-0');
    const units = career?.postings.map((posting) => posting.unit.name) ?? [];
    expect(units).toEqual(['Camden']);
  });

  it('AC-1 example: Camden as at a date', () => {
    const answer = views.accountability.accountabilityOn('Camden', isoDate('2011-03-01'));
    const summary = E.isRight(answer)
      ? [answer.right.commandUnit.unit.name, answer.right.commander?.officer.name, answer.right.lineManager?.name, answer.right.oversightBody]
      : [answer.left.message];
    expect(summary).toEqual(['Camden', 'Amira Adeyemi', 'Area Commander Grey', 'Metropolitan Police Authority (MPA)']);
    // Consulted: the council leader; discussed with: the chief executive.
    expect(E.isRight(answer) && answer.right.appointmentPartners?.partners.length).toBe(2);
    expect(E.isRight(answer)).toBe(true);
  });

  it('AC-2 example: compliance of an appointment and the London-wide share', () => {
    const [processId] = views.compliance.processes();
    const compliance = processId === undefined ? undefined : views.compliance.complianceOf(processId);
    const notFollowed = compliance?.rules.filter((rule) => rule.status === 'not-followed').map((rule) => `${rule.rule}: ${rule.explanation}`);
    const { share } = views.compliance.localAuthorityShare();
    expect(notFollowed).toEqual([]);
    expect(share).toBe(1);
  });

  it('AU-1 example: the trail of an appointment, and the events behind a figure', async () => {
    const [processId] = views.audit.processes();
    const trail = processId === undefined ? undefined : views.audit.trailOf(processId);
    const lines = trail?.entries.map((entry) => `${entry.when.at} ${entry.rule} ${entry.decision} (${entry.who.actor})`) ?? [];
    const london = views.continuity.londonWide();
    const cited = await eventsBehind(store, london.tenureSources)();
    // Opening, role description, consultation, two candidates, two interviews, proposal, agreement,
    // discussion, commitment, decision, the posting it started (AP-12) and the report: 14 entries.
    expect(lines).toHaveLength(14);
    expect(E.isRight(cited) && cited.right.map((event) => event.event.type)).toEqual(['PostingEnded']);
  });

  it('runner example: follow the store with a checkpoint file, then stop', async () => {
    const path = join(directory, 'views.json');
    const live = createViews();
    const runner = startRunner({ store, projections: projectionsOf(live), checkpoints: createFileCheckpointStore(path) });
    const caughtUp = await runner.caughtUp();
    if (E.isLeft(caughtUp)) throw new Error(caughtUp.left.message);
    const stopped = await runner.stop();
    expect(E.isRight(stopped) && stopped.right.position).toBe(live.tenure.position());
  });
});
