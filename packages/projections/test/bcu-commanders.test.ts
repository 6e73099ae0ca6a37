import * as E from 'fp-ts/lib/Either.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { policyWith, type Officer } from '@borough-command/domain';
import { createViews, projectionsOf, type Accountability, type BoroughCommandViews } from '../src/index.js';
import {
  appointBcuCommander,
  day,
  proposeBcu,
  serviceStory,
  startBoroughCommand,
  takeBcuLive,
  type BcuPlan,
  type ServiceStory,
} from './support/bcu-story.js';
import { allEvents } from './support/stores.js';

/**
 * RS-4 through the domain service, in `record` mode: Alice commands Camden from 2014-05-01 and Ben
 * Islington from 2014-06-01; the pathfinder BCU Central North is proposed on 2016-09-01, Chloe
 * Chowdhury is named its commander on 2016-10-01, it goes live on 2017-01-16, and 93 days later, on
 * 2017-04-19, David Doyle succeeds Chloe, who leaves for promotion with neither circumstances nor
 * approval recorded.
 */
const officer = (id: string, name: string, rank: Officer['rank'] = 'chief-superintendent'): Officer => ({ id, name, rank });
const alice = officer('alice', 'Alice Adeyemi');
const ben = officer('ben', 'Ben Baker');
const chloe = officer('chloe', 'Chloe Chowdhury');
const david = officer('david', 'David Doyle');
const centralNorth = { kind: 'bcu', name: 'Central North' } as const;
const plan: BcuPlan = {
  bcu: 'Central North',
  boroughs: ['Camden', 'Islington'],
  superintendents: [
    officer('femi', 'Femi Fraser', 'superintendent'),
    officer('grace', 'Grace Okafor', 'superintendent'),
    officer('james', 'James Jones', 'superintendent'),
    officer('kemi', 'Kemi Khan', 'superintendent'),
  ],
};
const recordMode = policyWith({ enforcement: 'record' });

const asAt = (views: BoroughCommandViews, borough: string, date: string): Accountability => {
  const answer = views.accountability.accountabilityOn(borough, day(date));
  if (E.isLeft(answer)) throw new Error(answer.left.message);
  return answer.right;
};

/** The event types behind a list of sources, read back from the store. */
const typesOf = async (story: ServiceStory, sources: readonly { readonly eventId: string }[]): Promise<readonly string[]> => {
  const events = await allEvents(story.store);
  return sources.map((source) => events.find((envelope) => envelope.metadata.eventId === source.eventId)?.event.type ?? 'missing');
};

/** The story up to Chloe's naming, with the views as they stood then; the rest of it, with the views at the end. */
interface Told {
  readonly story: ServiceStory;
  readonly named: BoroughCommandViews;
  readonly live: BoroughCommandViews;
  readonly succeeded: BoroughCommandViews;
}

const tell = async (interim: boolean): Promise<Told> => {
  const story = serviceStory(recordMode);
  await startBoroughCommand(story, 'Camden', alice, day('2014-05-01'));
  await startBoroughCommand(story, 'Islington', ben, day('2014-06-01'));
  await proposeBcu(story, plan, day('2016-09-01'));
  await appointBcuCommander(story, plan.bcu, chloe, day('2016-10-01'), { interim });
  const named = await story.views();
  await takeBcuLive(story, plan.bcu, day('2017-01-16'));
  const live = await story.views();
  await appointBcuCommander(story, plan.bcu, david, day('2017-04-19'), { predecessorLeaves: { reason: 'promotion' } });
  return { story, named, live, succeeded: await story.views() };
};

describe('BCU commanders named before go-live and succeeded (RS-4)', () => {
  let told: Told;
  beforeAll(async () => {
    told = await tell(false);
  });

  it('RS-4 TE-1 a BCU commander named before go-live is designate from the day named, with no command until go-live', () => {
    const tenure = told.named.tenure.tenureOf(centralNorth);
    expect(
      tenure.postings.map((posting) => [posting.officer.name, posting.start, posting.designate, posting.commandFrom, posting.interim, posting.end]),
    ).toEqual([['Chloe Chowdhury', '2016-10-01', true, null, false, null]]);
    // PO-2: the minimum term runs from the day named: three years from 2016-10-01.
    expect(tenure.postings[0]).toMatchObject({ minimumTermEnd: '2019-10-01', minimumTerm: 'pending' });
    expect(tenure.periods).toEqual([]);
    // The boroughs are still commanded by their own commanders.
    expect(told.named.tenure.tenureOf({ kind: 'borough', name: 'Camden' }).postings.map((posting) => [posting.officer.name, posting.end])).toEqual([
      ['Alice Adeyemi', null],
    ]);
  });

  it('RS-4 TE-1 the designate posting takes command at go-live, shown with its CommandTakenUp', async () => {
    const [posting] = told.live.tenure.tenureOf(centralNorth).postings;
    expect(posting).toMatchObject({ start: '2016-10-01', designate: true, commandFrom: '2017-01-16', end: null, minimumTermEnd: '2019-10-01' });
    expect(await typesOf(told.story, posting?.sources ?? [])).toEqual(['PostingStarted', 'CommandTakenUp']);
    expect(told.live.tenure.tenureOf(centralNorth).periods).toEqual([]);
    // TE-3 carries the same posting in Chloe's career.
    expect(told.live.careers.careerOf('chloe')?.postings.map((row) => [row.unit.name, row.designate, row.commandFrom, row.interim])).toEqual([
      ['Central North', true, '2017-01-16', false],
    ]);
  });

  it('RS-4 AC-1 between naming and go-live the borough commanders answer, and the BCU commander is named as designate only', () => {
    const beforeNaming = asAt(told.succeeded, 'Camden', '2016-09-15');
    expect(beforeNaming.commander?.officer).toEqual(alice);
    expect(beforeNaming.commanderDesignate).toBeNull();
    for (const date of ['2016-10-01', '2016-12-01', '2017-01-15']) {
      const camden = asAt(told.succeeded, 'Camden', date);
      expect(camden.commandUnit).toMatchObject({ unit: { kind: 'borough', name: 'Camden' }, merged: false });
      expect(camden.commander).toMatchObject({ officer: alice, role: 'borough-commander', acting: false, interim: false, since: '2014-05-01' });
      expect(camden.commanderDesignate).toMatchObject({ officer: chloe, bcu: 'Central North', interim: false, namedOn: '2016-10-01' });
      expect(asAt(told.succeeded, 'Islington', date).commander?.officer).toEqual(ben);
    }
  });

  it('RS-4 AC-1 from go-live the BCU commander answers for both boroughs, in command since go-live', async () => {
    for (const borough of ['Camden', 'Islington']) {
      const answer = asAt(told.succeeded, borough, '2017-01-16');
      expect(answer.commandUnit).toMatchObject({ unit: centralNorth, merged: true });
      expect(answer.commander).toMatchObject({
        officer: chloe,
        role: 'bcu-commander',
        acting: false,
        interim: false,
        designate: true,
        postingStart: '2016-10-01',
        since: '2017-01-16',
      });
      expect(answer.commanderDesignate).toBeNull();
      expect(await typesOf(told.story, answer.commander?.sources ?? [])).toEqual(['PostingStarted', 'CommandTakenUp']);
    }
  });

  it('RS-4 TE-1 a successor appointed 93 days after go-live commands from the appointment day, and no vacancy is shown', () => {
    const tenure = told.succeeded.tenure.tenureOf(centralNorth);
    expect(
      tenure.postings.map((posting) => [
        posting.officer.name,
        posting.start,
        posting.designate,
        posting.commandFrom,
        posting.end,
        posting.daysServed,
        posting.endReason,
        posting.minimumTerm,
        posting.breached,
      ]),
    ).toEqual([
      // 2016-10-01 to 2017-04-19: 31 + 30 + 31 + 31 + 28 + 31 + 18 days.
      ['Chloe Chowdhury', '2016-10-01', true, '2017-01-16', '2017-04-19', 200, 'promotion', 'not-met', true],
      ['David Doyle', '2017-04-19', false, '2017-04-19', null, null, null, 'pending', false],
    ]);
    expect(tenure.postings[1]?.minimumTermEnd).toBe('2020-04-19');
    expect(tenure.periods).toEqual([]);
  });

  it('PO-3 TE-2 the predecessor leaving for promotion 93 days after go-live is an early departure without an exceptional reason', async () => {
    const figures = told.succeeded.continuity.continuityOf(centralNorth);
    expect(figures.endedSubstantivePostings).toBe(1);
    expect(figures.minimumTerm).toMatchObject({ applicable: 1, met: 0, share: 0 });
    expect(figures.earlyDepartures.withExceptionalReason).toEqual([]);
    const [departure, ...others] = figures.earlyDepartures.withoutExceptionalReason;
    expect(others).toEqual([]);
    // 2017-04-19 to 2019-10-01: 365 + 365 + 165 days short.
    expect(departure).toMatchObject({ officer: chloe, reason: 'promotion', end: '2017-04-19', minimumTermEnd: '2019-10-01', daysShort: 895 });
    expect(await typesOf(told.story, departure?.sources ?? [])).toEqual(['PostingEnded', 'MinimumTermBreached']);
    // London-wide, as the borough commanders' early ends are: theirs for the restructure (exceptional), Chloe's a breach.
    const london = told.succeeded.continuity.londonWide();
    expect(london.earlyDepartures.withExceptionalReason.map((early) => [early.officer.name, early.reason])).toEqual([
      ['Alice Adeyemi', 'organisational-restructure'],
      ['Ben Baker', 'organisational-restructure'],
    ]);
    expect(london.earlyDepartures.withoutExceptionalReason.map((early) => early.officer.name)).toEqual(['Chloe Chowdhury']);
  });

  it('RS-4 the views keep designate, interim, command take-up and the proposal through their snapshots', () => {
    const fresh = createViews(recordMode);
    for (const [index, projection] of projectionsOf(fresh).entries()) {
      const written = projectionsOf(told.succeeded)[index]?.snapshot();
      expect(projection.restore(JSON.parse(JSON.stringify(written)))).toEqual(E.right(undefined));
    }
    expect(fresh.tenure.tenureOf(centralNorth)).toEqual(told.succeeded.tenure.tenureOf(centralNorth));
    expect(fresh.careers.careerOf('chloe')).toEqual(told.succeeded.careers.careerOf('chloe'));
    expect(fresh.continuity.continuityOf(centralNorth)).toEqual(told.succeeded.continuity.continuityOf(centralNorth));
    for (const date of ['2016-12-01', '2017-01-16', '2017-04-19']) {
      expect(asAt(fresh, 'Camden', date)).toEqual(asAt(told.succeeded, 'Camden', date));
    }
  });

  it('RS-4 AC-1 after a succession the predecessor answers to the day before and the successor from the appointment day', () => {
    expect(asAt(told.succeeded, 'Camden', '2017-04-18').commander).toMatchObject({ officer: chloe, since: '2017-01-16' });
    const after = asAt(told.succeeded, 'Islington', '2017-04-19');
    expect(after.commander).toMatchObject({ officer: david, role: 'bcu-commander', designate: false, interim: false, postingStart: '2017-04-19', since: '2017-04-19' });
    expect(after.commanderDesignate).toBeNull();
  });
});

describe('an interim BCU commander (RS-4)', () => {
  let told: Told;
  beforeAll(async () => {
    told = await tell(true);
  });

  it('RS-4 TE-1 an interim designate posting has no minimum term and shows interim, designate and command from go-live', () => {
    const [chloeRow] = told.succeeded.tenure.tenureOf(centralNorth).postings;
    expect(chloeRow).toMatchObject({
      interim: true,
      designate: true,
      commandFrom: '2017-01-16',
      end: '2017-04-19',
      minimumTermEnd: null,
      minimumTerm: 'not-applicable',
      breached: false,
    });
  });

  it('RS-4 PO-2 TE-2 an interim commander succeeded 93 days after go-live is not counted as missing the minimum term', () => {
    const figures = told.succeeded.continuity.continuityOf(centralNorth);
    expect(figures.endedSubstantivePostings).toBe(1);
    expect(figures.minimumTerm).toMatchObject({ applicable: 0, met: 0, share: null });
    expect(figures.earlyDepartures).toEqual({ withExceptionalReason: [], withoutExceptionalReason: [] });
  });

  it('RS-4 AC-1 the interim commander-designate, then the interim commander, is shown as interim', () => {
    expect(asAt(told.succeeded, 'Camden', '2016-11-01').commanderDesignate).toMatchObject({ officer: chloe, interim: true });
    expect(asAt(told.succeeded, 'Camden', '2017-02-01').commander).toMatchObject({ officer: chloe, interim: true, designate: true });
  });
});

describe('a designate who leaves before go-live (RS-4)', () => {
  it('RS-4 TE-1 no vacancy is shown before go-live: the BCU was commanded by no one until it went live', async () => {
    const story = serviceStory(recordMode);
    await startBoroughCommand(story, 'Camden', alice, day('2014-05-01'));
    await startBoroughCommand(story, 'Islington', ben, day('2014-06-01'));
    await proposeBcu(story, plan, day('2016-09-01'));
    await appointBcuCommander(story, plan.bcu, chloe, day('2016-10-01'));
    await story.tell({
      type: 'EndPosting',
      at: day('2016-11-15'),
      unit: centralNorth,
      postingId: 'Central North from 2016-10-01',
      reason: 'personal',
      detail: 'family illness',
      approvedBy: 'Assistant Commissioner Rowley',
    });
    // Chloe left with no successor named: David replaces no one.
    await appointBcuCommander(story, plan.bcu, david, day('2016-12-01'));
    await takeBcuLive(story, plan.bcu, day('2017-01-16'));
    const views = await story.views();
    const tenure = views.tenure.tenureOf(centralNorth);
    expect(tenure.postings.map((posting) => [posting.officer.name, posting.start, posting.designate, posting.commandFrom, posting.end])).toEqual([
      ['Chloe Chowdhury', '2016-10-01', true, null, '2016-11-15'],
      ['David Doyle', '2016-12-01', true, '2017-01-16', null],
    ]);
    expect(tenure.periods).toEqual([]);
    // AC-1: between Chloe's departure and David's naming, no one is designate; then David is.
    expect(asAt(views, 'Camden', '2016-11-20').commanderDesignate).toBeNull();
    expect(asAt(views, 'Camden', '2016-12-01').commanderDesignate).toMatchObject({ officer: david, namedOn: '2016-12-01' });
    expect(asAt(views, 'Camden', '2017-01-16').commander).toMatchObject({ officer: david, since: '2017-01-16' });
  });
});
