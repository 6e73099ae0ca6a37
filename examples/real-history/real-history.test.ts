import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boroughCommand } from './borough-command.js';

/**
 * The facts of README.md, as days (each with its fact number there). Every expected answer below
 * is worked out from these by hand, never read back from the command line.
 */
const facts = {
  martinEaling: '2015-02-01', // F1: Paul Martin Ealing borough commander from February 2015
  millichapHaringey: '2016-06-20', // F2: Helen Millichap Haringey borough commander from 20 June 2016
  roperNamed: '2016-11-18', // F5: Catherine Roper named interim commander of Central North
  centralNorthLive: '2017-01-01', // F6: Central North live in January 2017
  roperLeft: '2018-02-01', // F9: Catherine Roper reported to have stood down, February 2018
  westAreaLive: '2018-06-06', // F11, F12: West Area live, Paul Martin its first commander
  northAreaLive: '2019-01-09', // F14, F15: North Area live, led by Helen Millichap
  flemingSucceeds: '2019-04-12', // F16: Helen Millichap leaves, Treena Fleming takes up the post
} as const;

/** PO-2: the third anniversary of a day (none of these falls on 29 February). */
const threeYearsAfter = (day: string): string => `${String(Number(day.slice(0, 4)) + 3)}${day.slice(4)}`;

const commands = join(import.meta.dirname, 'real-history.ndjson');
let folder: string;
let journal: string;
let applied: { readonly code: number; readonly stdout: string; readonly stderr: string };

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'real-history-'));
  journal = join(folder, 'journal.ndjson');
  applied = await boroughCommand('apply', commands, '--journal', journal, '--policy', 'record', '--actor', 'real-history example');
}, 180_000);

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** A view's text: exit 0, nothing on stderr. */
const text = async (...args: string[]): Promise<string> => {
  const run = await boroughCommand(...args, '--journal', journal);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return run.stdout;
};

/** A view's JSON document (`--json`). */
const json = async <A>(...args: string[]): Promise<A> => JSON.parse(await text(...args, '--json')) as A;

interface Posting {
  readonly officer: { readonly id: string; readonly name: string; readonly rank: string };
  readonly role: string;
  readonly interim: boolean;
  readonly designate: boolean;
  readonly start: string;
  readonly commandFrom: string | null;
  readonly end: string | null;
  readonly daysServed: number | null;
  readonly minimumTermEnd: string | null;
  readonly minimumTerm: string;
  readonly endReason: string | null;
  readonly exceptional: boolean | null;
  readonly breached: boolean;
}
interface Tenure {
  readonly postings: readonly Posting[];
  readonly periods: readonly { readonly kind: string; readonly from: string; readonly until: string | null; readonly bcu: string | null }[];
}
interface Departure {
  readonly officer: { readonly id: string };
  readonly unit: { readonly kind: string; readonly name: string };
  readonly start: string;
  readonly end: string;
  readonly minimumTermEnd: string;
  readonly daysShort: number;
  readonly reason: string;
}
interface Continuity {
  readonly endedSubstantivePostings: number;
  readonly minimumTerm: { readonly applicable: number; readonly met: number };
  readonly earlyDepartures: { readonly withExceptionalReason: readonly Departure[]; readonly withoutExceptionalReason: readonly Departure[] };
}
interface Commander {
  readonly officer: { readonly id: string };
  readonly role: string;
  readonly acting: boolean;
  readonly interim: boolean;
  readonly designate: boolean;
  readonly postingStart: string;
  readonly since: string;
}
interface Accountability {
  readonly commandUnit: { readonly unit: { readonly kind: string; readonly name: string }; readonly merged: boolean };
  readonly commander: Commander | null;
  readonly commanderDesignate: { readonly officer: { readonly id: string }; readonly bcu: string; readonly interim: boolean; readonly namedOn: string } | null;
  readonly oversightBody: string | null;
}

const tenureOf = (unit: string): Promise<Tenure> => json<Tenure>('tenure', unit);
const accountabilityOf = (borough: string, date: string): Promise<Accountability> => json<Accountability>('accountability', borough, '--as-at', date);

describe('borough-command apply records the real history', () => {
  it('applies every command in record mode; the process managers end the boroughs’ postings and start the BCU commanders’', () => {
    expect(applied.stderr).toBe('');
    expect(applied.code).toBe(0);
    expect(applied.stdout).toContain('(policy: record)');
    expect(applied.stdout).toMatch(/commands\s+62 applied, 0 already in the store, of 62/);
    // One event per command, and 11 by the process managers. RS-4: four postings started, the
    // succession also ending Helen Millichap's and recording its PO-3 breach (6); three commands
    // taken up at go-live (3). PO-6: Paul Martin's Ealing and Helen Millichap's Haringey postings ended (2).
    expect(applied.stdout).toMatch(/events\s+73 written \(11 by the process managers\)/);
  });
});

describe('TE-1: each BCU’s commanders, with start, designate and command-from, and end', () => {
  it('Central North: Catherine Roper, interim, designate from the day named, in command from go-live until she stood down; no commander recorded after', async () => {
    const tenure = await tenureOf('Central North');
    expect(tenure.postings).toHaveLength(1);
    expect(tenure.postings[0]).toMatchObject({
      officer: { id: 'catherine-roper', name: 'Catherine Roper', rank: 'chief-superintendent' },
      role: 'bcu-commander',
      interim: true,
      designate: true,
      start: facts.roperNamed,
      commandFrom: facts.centralNorthLive,
      end: facts.roperLeft,
      // 2016-11-18 to 2018-02-01: 13 days of November, 31 of December, 365 of 2017, 31 of January.
      daysServed: 13 + 31 + 365 + 31,
      // RS-4: an interim posting has no minimum term, so leaving is not early.
      minimumTerm: 'not-applicable',
      endReason: 'other',
      breached: false,
    });
    expect(tenure.periods).toEqual([expect.objectContaining({ kind: 'vacancy', from: facts.roperLeft, until: null })]);
  });

  it('West Area: Paul Martin, named on the go-live day and in command from it, still in post', async () => {
    const tenure = await tenureOf('West Area');
    expect(tenure.postings.map(({ officer, interim, designate, start, commandFrom, end, minimumTermEnd }) => ({ officer: officer.id, interim, designate, start, commandFrom, end, minimumTermEnd }))).toEqual([
      {
        officer: 'paul-martin',
        interim: false,
        designate: true,
        start: facts.westAreaLive,
        commandFrom: facts.westAreaLive,
        end: null,
        minimumTermEnd: threeYearsAfter(facts.westAreaLive),
      },
    ]);
  });

  it('North Area: Helen Millichap from go-live until Treena Fleming succeeds her the same day she leaves, without a gap', async () => {
    const tenure = await tenureOf('North Area');
    expect(tenure.postings.map(({ officer, designate, start, commandFrom, end, daysServed, endReason }) => ({ officer: officer.id, designate, start, commandFrom, end, daysServed, endReason }))).toEqual([
      // 2019-01-09 to 2019-04-12: 23 days of January, 28 of February, 31 of March, 11 of April.
      { officer: 'helen-millichap', designate: true, start: facts.northAreaLive, commandFrom: facts.northAreaLive, end: facts.flemingSucceeds, daysServed: 23 + 28 + 31 + 11, endReason: 'other' },
      { officer: 'treena-fleming', designate: false, start: facts.flemingSucceeds, commandFrom: facts.flemingSucceeds, end: null, daysServed: null, endReason: null },
    ]);
    expect(tenure.periods).toEqual([]);
  });

  it('the boroughs’ commanders end at go-live for organisational restructure (PO-6), and the boroughs are merged from then', async () => {
    const ealing = await tenureOf('Ealing');
    expect(ealing.postings.map(({ officer, start, end, minimumTerm, endReason }) => ({ officer: officer.id, start, end, minimumTerm, endReason }))).toEqual([
      // Three years from 2015-02-01 ended on 2018-02-01, before the go-live.
      { officer: 'paul-martin', start: facts.martinEaling, end: facts.westAreaLive, minimumTerm: 'met', endReason: 'organisational-restructure' },
    ]);
    expect(ealing.periods).toEqual([expect.objectContaining({ kind: 'merged', from: facts.westAreaLive, until: null, bcu: 'West Area' })]);
    const haringey = await tenureOf('Haringey');
    expect(haringey.postings.map(({ officer, start, end, minimumTerm, endReason, exceptional, breached }) => ({ officer: officer.id, start, end, minimumTerm, endReason, exceptional, breached }))).toEqual([
      // Three years from 2016-06-20 would have ended on 2019-06-20: short, but for an exceptional reason.
      { officer: 'helen-millichap', start: facts.millichapHaringey, end: facts.northAreaLive, minimumTerm: 'not-met', endReason: 'organisational-restructure', exceptional: true, breached: false },
    ]);
    expect(haringey.periods).toEqual([expect.objectContaining({ kind: 'merged', from: facts.northAreaLive, until: null, bcu: 'North Area' })]);
  });

  it('in text, each posting says how it was held: interim and designate with the day command began', async () => {
    const centralNorth = await text('tenure', 'Central North');
    expect(centralNorth).toMatch(/2016-11-18\s+2018-02-01\s+440\s+Catherine Roper\s+BCU commander\s+interim; designate, in command from 2017-01-01\s+n\/a\s+other/);
    expect(centralNorth).toMatch(/2018-02-01\s+now\s+-\s+vacancy\s+BCU commander\s+nobody/);
    const northArea = await text('tenure', 'North Area');
    expect(northArea).toMatch(/2019-01-09\s+2019-04-12\s+93\s+Helen Millichap\s+BCU commander\s+designate, in command from 2019-01-09\s+not met \(breach\)\s+other/);
    expect(northArea).toMatch(/2019-04-12\s+in post\s+-\s+Treena Fleming\s+BCU commander\s+-\s+pending \(2022-04-12\)\s+-/);
  });
});

describe('TE-2: the early departure shows as such, and as a breach', () => {
  // Helen Millichap's BCU posting: minimum term to 2022-01-09; from 2019-04-12 that is 19 days of
  // April, 245 from May to December, 366 in 2020, 365 in 2021 and 8 in January 2022.
  const daysShortInNorthArea = 19 + 245 + 366 + 365 + 8;

  it('North Area: Helen Millichap left early with no exceptional reason recorded: a PO-3 breach', async () => {
    const continuity = await json<Continuity>('continuity', '--unit', 'North Area');
    expect(continuity.endedSubstantivePostings).toBe(1);
    expect(continuity.minimumTerm).toMatchObject({ applicable: 1, met: 0 });
    expect(continuity.earlyDepartures.withExceptionalReason).toEqual([]);
    expect(continuity.earlyDepartures.withoutExceptionalReason.map(({ officer, unit, start, end, minimumTermEnd, daysShort, reason }) => ({ officer: officer.id, unit, start, end, minimumTermEnd, daysShort, reason }))).toEqual([
      {
        officer: 'helen-millichap',
        unit: { kind: 'bcu', name: 'North Area' },
        start: facts.northAreaLive,
        end: facts.flemingSucceeds,
        minimumTermEnd: threeYearsAfter(facts.northAreaLive),
        daysShort: daysShortInNorthArea,
        reason: 'other',
      },
    ]);
  });

  it('Haringey: her borough posting ended early for organisational restructure, exceptional and no breach', async () => {
    const continuity = await json<Continuity>('continuity', '--unit', 'Haringey');
    // From 2019-01-09 to 2019-06-20: 23 days of January, then 28, 31, 30 and 31, and 19 of June.
    expect(continuity.earlyDepartures.withExceptionalReason).toEqual([
      expect.objectContaining({ start: facts.millichapHaringey, end: facts.northAreaLive, daysShort: 23 + 28 + 31 + 30 + 31 + 19, reason: 'organisational-restructure' }),
    ]);
    expect(continuity.earlyDepartures.withoutExceptionalReason).toEqual([]);
  });

  it('Central North: the interim commander’s departure is not early: no minimum term applies', async () => {
    const continuity = await json<Continuity>('continuity', '--unit', 'Central North');
    expect(continuity.endedSubstantivePostings).toBe(1);
    expect(continuity.minimumTerm.applicable).toBe(0);
    expect(continuity.earlyDepartures.withExceptionalReason).toEqual([]);
    expect(continuity.earlyDepartures.withoutExceptionalReason).toEqual([]);
  });

  it('London-wide the one breach is North Area’s, in JSON and in text', async () => {
    const breaches = await json<{ breaches: readonly Departure[] }>('continuity', '--breaches');
    expect(breaches.breaches.map((departure) => [departure.unit.name, departure.officer.id, departure.daysShort])).toEqual([['North Area', 'helen-millichap', daysShortInNorthArea]]);
    const london = await text('continuity');
    expect(london).toMatch(/early departures\s+2: 1 with an exceptional reason, 1 without \(breaches\)/);
    expect(london).toMatch(/North Area \(BCU\)\s+1\s+93\s+93\s+0\/1\s+0\s+1/);
  });
});

describe('AC-1: who was accountable for a borough on chosen dates', () => {
  it('Camden, between Catherine Roper being named and the go-live: no commander of Camden recorded; she is commander-designate, not accountable yet', async () => {
    const answer = await accountabilityOf('Camden', '2016-12-01');
    expect(answer.commandUnit).toEqual({ unit: { kind: 'borough', name: 'Camden' }, merged: false, sources: [] });
    expect(answer.commander).toBeNull();
    expect(answer.commanderDesignate).toMatchObject({ officer: { id: 'catherine-roper' }, bcu: 'Central North', interim: true, namedOn: facts.roperNamed });
    const lines = await text('accountability', 'Camden', '--as-at', '2016-12-01');
    expect(lines).toMatch(/commander\s+nobody in post\n/);
    expect(lines).toMatch(/commander-designate\s+Catherine Roper, chief superintendent, named 2016-11-18 to command Central North \(BCU\) \(interim\); not accountable until it goes live\n/);
  });

  it('Islington, after the go-live: Central North, Catherine Roper in command since the go-live, interim, named before as designate', async () => {
    const answer = await accountabilityOf('Islington', '2017-06-01');
    expect(answer.commandUnit).toMatchObject({ unit: { kind: 'bcu', name: 'Central North' }, merged: true });
    expect(answer.commander).toMatchObject({ officer: { id: 'catherine-roper' }, role: 'bcu-commander', acting: false, interim: true, designate: true, postingStart: facts.roperNamed, since: facts.centralNorthLive });
    expect(answer.commanderDesignate).toBeNull();
    expect(answer.oversightBody).toBe("Mayor's Office for Policing and Crime (MOPAC)");
    expect(await text('accountability', 'Islington', '--as-at', '2017-06-01')).toMatch(
      /commander\s+Catherine Roper, chief superintendent, BCU commander \(interim\), since 2017-01-01, named 2016-11-18 as designate\n/,
    );
  });

  it('Camden, after she stood down: still Central North, but no commander recorded', async () => {
    const answer = await accountabilityOf('Camden', '2018-03-01');
    expect(answer.commandUnit).toMatchObject({ unit: { kind: 'bcu', name: 'Central North' }, merged: true });
    expect(answer.commander).toBeNull();
    expect(answer.commanderDesignate).toBeNull();
  });

  it('Ealing the day before West Area went live: its borough commander Paul Martin; the day it did, Hillingdon answers to him as BCU commander', async () => {
    const before = await accountabilityOf('Ealing', '2018-06-05');
    expect(before.commandUnit).toMatchObject({ unit: { kind: 'borough', name: 'Ealing' }, merged: false });
    expect(before.commander).toMatchObject({ officer: { id: 'paul-martin' }, role: 'borough-commander', designate: false, since: facts.martinEaling });
    const live = await accountabilityOf('Hillingdon', facts.westAreaLive);
    expect(live.commandUnit).toMatchObject({ unit: { kind: 'bcu', name: 'West Area' }, merged: true });
    expect(live.commander).toMatchObject({ officer: { id: 'paul-martin' }, role: 'bcu-commander', interim: false, since: facts.westAreaLive });
  });

  it('Haringey the day before North Area went live: Helen Millichap as borough commander', async () => {
    const answer = await accountabilityOf('Haringey', '2019-01-08');
    expect(answer.commandUnit).toMatchObject({ unit: { kind: 'borough', name: 'Haringey' }, merged: false });
    expect(answer.commander).toMatchObject({ officer: { id: 'helen-millichap' }, role: 'borough-commander', since: facts.millichapHaringey });
    expect(answer.commanderDesignate).toBeNull();
  });

  it('Enfield on her last day as BCU commander, then on the day of the succession: the successor', async () => {
    const lastDay = await accountabilityOf('Enfield', '2019-04-11');
    expect(lastDay.commander).toMatchObject({ officer: { id: 'helen-millichap' }, role: 'bcu-commander', since: facts.northAreaLive });
    const succession = await accountabilityOf('Enfield', facts.flemingSucceeds);
    expect(succession.commandUnit).toMatchObject({ unit: { kind: 'bcu', name: 'North Area' }, merged: true });
    expect(succession.commander).toMatchObject({ officer: { id: 'treena-fleming' }, role: 'bcu-commander', interim: false, designate: false, since: facts.flemingSucceeds });
    expect(await text('accountability', 'Haringey', '--as-at', facts.flemingSucceeds)).toMatch(/commander\s+Treena Fleming, chief superintendent, BCU commander, since 2019-04-12\n/);
  });
});
