import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, isoDate, type CommandUnit, type IsoDate } from '@borough-command/domain';
import type { CheckpointStore } from '@borough-command/domain/eventsourcing';
import {
  catchUp,
  createInMemoryCheckpointStore,
  createViews,
  projectionsOf,
  startRunner,
  type BoroughCommandViews,
  type DomainEnvelope,
  type PostingReport,
} from '../src/index.js';
import { allEvents, effectiveDate } from './support/stores.js';
import { rebuilt, snapshotsOf } from './support/views.js';
import { createWorld, scriptArbitrary, worldAfter, worldBoroughs, worldPolicy, type Step, type World } from './support/world.js';

const RUNS = 25;

const viewsOver = (envelopes: readonly DomainEnvelope[]): BoroughCommandViews => {
  const views = createViews(worldPolicy);
  const projections = projectionsOf(views);
  for (const envelope of envelopes) for (const projection of projections) projection.apply(envelope);
  return views;
};

/** Restarts with fresh views from the saved checkpoint: a one-shot catch-up, or a runner caught up then stopped. */
const restart = async (world: World, checkpoints: CheckpointStore, withRunner: boolean): Promise<BoroughCommandViews> => {
  const views = createViews(worldPolicy);
  const options = { store: world.store, projections: projectionsOf(views), checkpoints, pageSize: 3, checkpointEvery: 5 };
  if (withRunner) {
    const runner = startRunner(options);
    const caughtUp = await runner.caughtUp();
    if (E.isLeft(caughtUp)) throw new Error(caughtUp.left.message);
    const stopped = await runner.stop();
    if (E.isLeft(stopped)) throw new Error(stopped.left.message);
  } else {
    const result = await catchUp(options)();
    if (E.isLeft(result)) throw new Error(result.left.message);
  }
  return views;
};

/** Every date a unit's postings start or end on, and the day before each. */
const boundaryDates = (postings: readonly PostingReport[]): readonly IsoDate[] => {
  const dates = new Set<IsoDate>();
  for (const posting of postings) {
    for (const date of [posting.start, posting.end]) {
      if (date === null) continue;
      dates.add(date);
      dates.add(addDays(date, -1));
    }
  }
  return [...dates];
};

const allUnits = (views: BoroughCommandViews): readonly CommandUnit[] => views.tenure.units();

describe('properties of the views', () => {
  it('rebuild equals incremental: any history, cut into batches with restarts from the checkpoint, ends where a full rebuild does', async () => {
    await fc.assert(
      fc.asyncProperty(
        scriptArbitrary(14),
        fc.array(fc.record({ after: fc.nat(), withRunner: fc.boolean() }), { maxLength: 4 }),
        async (script, cuts) => {
          const world = createWorld();
          const checkpoints = createInMemoryCheckpointStore();
          for (const [index, step] of script.entries()) {
            await world.perform(step);
            for (const cut of cuts.filter((candidate) => candidate.after % script.length === index)) {
              const resumed = await restart(world, checkpoints, cut.withRunner);
              expect(snapshotsOf(resumed)).toEqual(snapshotsOf(await rebuilt(world.store)));
            }
          }
          const views = await restart(world, checkpoints, false);
          const full = await rebuilt(world.store);
          expect(snapshotsOf(views)).toEqual(snapshotsOf(full));
          for (const unit of allUnits(full)) expect(views.tenure.tenureOf(unit)).toEqual(full.tenure.tenureOf(unit));
          expect(views.continuity.londonWide()).toEqual(full.continuity.londonWide());
          expect(views.compliance.localAuthorityShare()).toEqual(full.compliance.localAuthorityShare());
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('re-delivering events changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(scriptArbitrary(12), fc.array(fc.nat(), { maxLength: 30 }), async (script, picks) => {
        const events = await allEvents((await worldAfter(script)).store);
        fc.pre(events.length > 0);
        const views = viewsOver(events);
        const once = snapshotsOf(views);
        const again = picks.map((pick) => events[pick % events.length] as DomainEnvelope);
        for (const envelope of again) for (const projection of projectionsOf(views)) projection.apply(envelope);
        expect(snapshotsOf(views)).toEqual(once);
      }),
      { numRuns: RUNS },
    );
  });

  it('TE-1 tenure days equal end minus start, as the commands dated them', async () => {
    await fc.assert(
      fc.asyncProperty(scriptArbitrary(16), async (script) => {
        const world = await worldAfter(script);
        const views = await rebuilt(world.store);
        for (const expected of world.postings()) {
          const row = views.tenure.tenureOf(expected.unit).postings.find((posting) => posting.postingId === expected.postingId);
          expect(row?.start).toBe(expected.start);
          expect(row?.end).toBe(expected.end);
          expect(row?.daysServed).toBe(expected.end === null ? null : daysBetween(expected.start, expected.end));
        }
        const rows = allUnits(views).flatMap((unit) => views.tenure.tenureOf(unit).postings);
        expect(rows).toHaveLength(world.postings().length);
        const careerRows = views.careers.officers().flatMap((officer) => views.careers.careerOf(officer.id)?.postings ?? []);
        expect(careerRows).toHaveLength(rows.length);
        for (const row of careerRows) if (row.end !== null) expect(row.daysServed).toBe(daysBetween(row.start, row.end));
      }),
      { numRuns: RUNS },
    );
  });

  it('no view shows two substantive commanders of one role for one command unit on one date, but where record mode recorded the later one\'s PO-1 departure (AC-1 then names the later)', async () => {
    await fc.assert(
      fc.asyncProperty(scriptArbitrary(16), async (script) => {
        const views = await rebuilt((await worldAfter(script)).store);
        const departed = new Set(views.compliance.departures().flatMap((departure) => (departure.rule === 'PO-1' ? [departure.subject.replace(/^posting /, '')] : [])));
        const careers = views.careers.officers().flatMap((officer) => views.careers.careerOf(officer.id)?.postings ?? []);
        for (const unit of allUnits(views)) {
          const postings = views.tenure.tenureOf(unit).postings;
          for (const date of boundaryDates(postings)) {
            const substantive = views.tenure.postingsOn(unit, date).filter((posting) => !posting.acting);
            const roles = substantive.filter((posting) => !departed.has(posting.postingId)).map((posting) => posting.role);
            expect(new Set(roles).size).toBe(roles.length);
            const inCareers = careers.filter(
              (posting) =>
                !posting.acting &&
                posting.unit.kind === unit.kind &&
                posting.unit.name === unit.name &&
                posting.start <= date &&
                (posting.end === null || date < posting.end),
            );
            expect(inCareers.map((posting) => posting.postingId).sort()).toEqual(substantive.map((posting) => posting.postingId).sort());
            if (unit.kind === 'borough') {
              const answer = views.accountability.accountabilityOn(unit.name, date);
              if (E.isLeft(answer)) throw new Error(answer.left.message);
              const commander = answer.right.commander;
              const held = views.tenure
                .postingsOn(answer.right.commandUnit.unit, date)
                .filter((posting) => !posting.acting && posting.role === commander?.role);
              // The commander is the latest to take command of those in post (one, unless record mode recorded a departure).
              const tookCommand = (posting: (typeof held)[number]): string => `${posting.commandFrom ?? posting.start} ${posting.postingId}`;
              const latest = [...held].sort((a, b) => tookCommand(a).localeCompare(tookCommand(b))).at(-1);
              if (commander !== null && !commander.acting) expect(latest?.postingId).toBe(commander.postingId);
              if (held.length > 1) expect(held.filter((posting) => posting.postingId !== latest?.postingId).every((posting) => departed.has(posting.postingId) || departed.has(latest?.postingId ?? ''))).toBe(true);
            }
          }
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('AC-1 as-at answers for a date are unchanged by events dated later', async () => {
    // Every history here has a BCU going live and a later change of dedicated superintendent among other steps.
    const restructured = fc
      .tuple(scriptArbitrary(6), scriptArbitrary(6), scriptArbitrary(6), fc.integer({ min: 0, max: 300 }), fc.integer({ min: 1, max: 300 }))
      .map(([first, second, third, goLiveAfter, rededicateAfter]): readonly Step[] => [
        ...first,
        { days: goLiveAfter, action: { kind: 'goLive', pair: 0 } },
        ...second,
        { days: rededicateAfter, action: { kind: 'rededicate', pair: 0 } },
        ...third,
      ]);
    await fc.assert(
      fc.asyncProperty(restructured, fc.integer({ min: 0, max: 400 }), async (script, before) => {
        const events = await allEvents((await worldAfter(script)).store);
        const full = viewsOver(events);
        // Every cut: the events after it are "later" for any date before the earliest of their dates.
        for (let cut = 0; cut <= events.length; cut++) {
          const earliestLater = events.slice(cut).reduce<string>((earliest, envelope) => {
            const date = effectiveDate(envelope.event);
            return date < earliest ? date : earliest;
          }, '9999-12-31');
          const date = earliestLater === '9999-12-31' ? isoDate('2030-01-01') : addDays(isoDate(earliestLater), -1 - before);
          const prefix = viewsOver(events.slice(0, cut));
          for (const borough of worldBoroughs) {
            expect(prefix.accountability.accountabilityOn(borough, date)).toEqual(full.accountability.accountabilityOn(borough, date));
          }
        }
      }),
      { numRuns: 15 },
    );
  });
});
