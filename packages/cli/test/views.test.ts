import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OLD_TENURE_NOTE } from '../src/commands/old-tenure.js';
import { runCli, STACK_LINE } from './support/cli.js';
import { temporaryFolder } from './support/files.js';
import { CAMDEN_STORY } from './support/paths.js';

// The Camden story, worked out by hand: Ada Stone commands from 2009-03-02 until she retires on
// 2012-06-29 (1,215 days; she started before 2009-07-01, so no minimum term); Ben Hale is appointed
// through camden-2012 and commands from 2012-07-02 until his promotion on 2014-01-31 (578 days,
// 517 short of his third anniversary, 2015-07-02: a breach in record mode).

let folder: { readonly path: string; readonly remove: () => Promise<void> };
let journal: string;

beforeAll(async () => {
  folder = await temporaryFolder();
  journal = join(folder.path, 'camden.ndjson');
  const applied = await runCli(['apply', CAMDEN_STORY, '--journal', journal, '--policy', 'record']);
  expect(applied.code).toBe(0);
});
afterAll(async () => {
  await folder.remove();
});

const view = async (args: readonly string[]): Promise<{ readonly code: number | null; readonly stdout: string; readonly stderr: string }> =>
  runCli([...args, '--journal', journal]);

const json = async <A>(args: readonly string[]): Promise<A> => {
  const run = await view([...args, '--json']);
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as A;
};

describe('borough-command tenure (TE-1)', () => {
  it('TE-1 prints each posting with its days served and minimum term, and the vacancy between', async () => {
    const run = await view(['tenure', 'camden']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Camden (borough): postings and the periods between them (TE-1)');
    expect(run.stdout).toMatch(/2009-03-02\s+2012-06-29\s+1,215\s+Ada Stone\s+borough commander\s+-\s+n\/a\s+retirement/);
    expect(run.stdout).toMatch(/2012-07-02\s+2014-01-31\s+578\s+Ben Hale\s+borough commander\s+-\s+not met \(breach\)\s+promotion/);
    expect(run.stdout).toMatch(/2012-06-29\s+2012-07-02\s+3\s+vacancy\s+borough commander\s+nobody/);
  });

  it('TE-1 as JSON: the postings and periods of the view', async () => {
    const tenure = await json<{
      unit: { kind: string; name: string };
      postings: { officer: { name: string }; start: string; end: string | null; daysServed: number | null; minimumTerm: string; breached: boolean; appointmentProcessId: string | null }[];
      periods: { kind: string; from: string; until: string | null; days: number | null }[];
    }>(['tenure', 'Camden']);
    expect(tenure.unit).toEqual({ kind: 'borough', name: 'Camden' });
    expect(tenure.postings.map((posting) => [posting.officer.name, posting.start, posting.end, posting.daysServed, posting.minimumTerm, posting.breached])).toEqual([
      ['Ada Stone', '2009-03-02', '2012-06-29', 1215, 'not-applicable', false],
      ['Ben Hale', '2012-07-02', '2014-01-31', 578, 'not-met', true],
    ]);
    expect(tenure.postings[1]?.appointmentProcessId).toBe('camden-2012');
    expect(tenure.periods.map((period) => [period.kind, period.from, period.until, period.days])).toEqual([
      ['vacancy', '2012-06-29', '2012-07-02', 3],
      ['vacancy', '2014-01-31', null, null],
    ]);
  });

  it('TE-1 with --explain names the events behind each row', async () => {
    const run = await view(['tenure', 'Camden', '--explain']);
    expect(run.code).toBe(0);
    // Ben Hale's posting: started by AP-12 after line 15, ended with its breach on lines 19 and 20.
    expect(run.stdout).toContain(
      'events: PostingStarted posting-borough-camden@2 (position 15); PostingEnded posting-borough-camden@4 (position 18); MinimumTermBreached posting-borough-camden@5 (position 19)',
    );
  });

  it('refuses a name that is no command unit, suggesting the nearest (exit 2)', async () => {
    const run = await view(['tenure', 'Camdn']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("'Camdn' is not a London borough, a BCU or a command unit of this history; did you mean 'Camden'?");
    expect(run.stderr).not.toMatch(STACK_LINE);
  });

  it('TE-1 has no TE-2 figures in it, and no note on stderr', async () => {
    const run = await view(['tenure', 'Camden']);
    expect(run.stdout).not.toContain('continuity of command');
    expect(run.stdout).not.toMatch(/mean tenure/);
    expect(run.stderr).toBe('');
  });

  it('timeline is another name of tenure: the same text, the same JSON', async () => {
    for (const extra of [[], ['--json'], ['--explain']]) {
      const tenure = await view(['tenure', 'Camden', ...extra]);
      const timeline = await view(['timeline', 'Camden', ...extra]);
      expect(timeline.code).toBe(0);
      expect(timeline.stdout).toContain('Ben Hale');
      expect(timeline.stdout).toBe(tenure.stdout);
      expect(timeline.stderr).toBe('');
    }
    const missing = await view(['timeline']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('missing <command unit>');
  });
});

describe('borough-command continuity (TE-2)', () => {
  it('TE-2 prints the London-wide figures: mean and median of the two ended postings, the minimum term and the breach', async () => {
    const run = await view(['continuity']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/ended substantive postings\s+2\n/);
    expect(run.stdout).toMatch(/mean tenure\s+896\.5 days/);
    expect(run.stdout).toMatch(/median tenure\s+896\.5 days/);
    expect(run.stdout).toMatch(/met the minimum term\s+0 of 1 \(0\.0%\)/);
    expect(run.stdout).toMatch(/early departures\s+1: 0 with an exceptional reason, 1 without \(breaches\)/);
  });

  it('TE-2 --breaches lists the posting that ended early without an exceptional reason, 517 days short', async () => {
    const run = await view(['continuity', '--breaches']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Camden \(borough\)\s+Ben Hale\s+2012-07-02\s+2014-01-31\s+517\s+promotion/);
    const answer = await json<{ breaches: { officer: { name: string }; daysShort: number }[] }>(['continuity', '--breaches']);
    expect(answer.breaches.map((breach) => [breach.officer.name, breach.daysShort])).toEqual([['Ben Hale', 517]]);
  });

  it('TE-2 --unit gives one unit its figures and early departures', async () => {
    const figures = await json<{ scope: { kind: string }; meanTenureDays: number; minimumTerm: { applicable: number; met: number } }>(['continuity', '--unit', 'Camden']);
    expect(figures.scope.kind).toBe('unit');
    expect(figures.meanTenureDays).toBe(896.5);
    expect(figures.minimumTerm).toMatchObject({ applicable: 1, met: 0 });
  });

  it('TE-2 has no TE-1 rows in it, and no note on stderr', async () => {
    for (const args of [['continuity'], ['continuity', '--unit', 'Camden']]) {
      const run = await view(args);
      expect(run.stdout).not.toContain('postings and the periods between them');
      expect(run.stdout).not.toMatch(/2012-06-29\s+2012-07-02\s+3\s+vacancy/);
      expect(run.stderr).toBe('');
    }
  });
});

describe('tenure used the old way (continuity before this release)', () => {
  it('with no command unit, or with --unit or --breaches, prints what continuity prints, unchanged, and the note on stderr only', async () => {
    for (const args of [[], ['--json'], ['--unit', 'Camden'], ['--breaches', '--json'], ['--unit', 'Camden', '--breaches']]) {
      const old = await view(['tenure', ...args]);
      const continuity = await view(['continuity', ...args]);
      expect(old.code, args.join(' ')).toBe(0);
      expect(old.stdout).toBe(continuity.stdout);
      expect(old.stderr).toBe(`note: ${OLD_TENURE_NOTE}\n`);
      expect(continuity.stderr).toBe('');
    }
    const answer = await json<{ london: { meanTenureDays: number } }>(['tenure']);
    expect(answer.london.meanTenureDays).toBe(896.5);
  });

  it('the note names continuity and says what tenure prints now', () => {
    expect(OLD_TENURE_NOTE).toContain('`borough-command continuity`');
    expect(OLD_TENURE_NOTE).toContain('`borough-command tenure <command unit>`');
    expect(OLD_TENURE_NOTE).not.toContain('\n');
  });

  it('a command unit with --unit or --breaches mixes the two forms: exit 2, a message naming continuity, nothing on stdout', async () => {
    for (const args of [['tenure', 'Camden', '--breaches'], ['tenure', 'Camden', '--unit', 'Camden']]) {
      const run = await view(args);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain('--unit and --breaches are options of `continuity` now');
      expect(run.stderr).not.toMatch(STACK_LINE);
    }
  });
});

describe('borough-command accountability (AC-1)', () => {
  it('AC-1 answers for a date: the commander then, the line manager and the oversight body in force', async () => {
    const run = await view(['accountability', 'Camden', '--as-at', '2013-01-01']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Camden as at 2013-01-01 (AC-1)');
    expect(run.stdout).toMatch(/commander\s+Ben Hale, chief superintendent, borough commander, since 2012-07-02/);
    expect(run.stdout).toMatch(/line manager\s+Area Commander North/);
    expect(run.stdout).toMatch(/oversight body\s+Mayor's Office for Policing and Crime \(MOPAC\)/);
    expect(run.stdout).toMatch(/appointment partners\s+local authority chief executive: Chief Executive of Camden; mp: MP for Holborn; local authority leader: Leader of Camden Council \(process camden-2012, decided 2012-05-20\)/);

    const before = await view(['accountability', 'camden', '--as-at', '2011-01-01']);
    expect(before.stdout).toMatch(/commander\s+Ada Stone, chief superintendent, borough commander, since 2009-03-02/);
    expect(before.stdout).toMatch(/oversight body\s+Metropolitan Police Authority \(MPA\)/);

    const after = await json<{ commander: unknown; assessmentPartners: { partners: { name: string }[] } }>(['accountability', 'Camden', '--as-at', '2014-02-01']);
    expect(after.commander).toBeNull();
  });

  it('AC-1 counts only the assessments dated up to the date', async () => {
    const early = await json<{ assessmentPartners: { partners: { name: string }[] } }>(['accountability', 'Camden', '--as-at', '2013-05-31']);
    const late = await json<{ assessmentPartners: { partners: { name: string }[] } }>(['accountability', 'Camden', '--as-at', '2013-06-01']);
    expect(early.assessmentPartners.partners).toEqual([]);
    expect(late.assessmentPartners.partners.map((partner) => partner.name)).toEqual(['Chief Executive of Camden']);
  });

  it('AC-1 with --explain names the events; in JSON every event ref gets its type', async () => {
    const run = await view(['accountability', 'Camden', '--as-at', '2013-01-01', '--explain']);
    expect(run.stdout).toContain('PostingStarted posting-borough-camden@2 (position 15)');
    expect(run.stdout).toContain('AppointmentConfirmed appointment-camden-2012@12 (position 14)');
    const answer = await json<{ commander: { sources: { type: string; position: string }[] } }>(['accountability', 'Camden', '--as-at', '2013-01-01', '--explain']);
    expect(answer.commander.sources).toEqual([expect.objectContaining({ type: 'PostingStarted', position: '15', revision: '2', stream: 'posting-borough-camden' })]);
  });

  it('AC-1 refuses a date that does not exist and a name that is not a borough, with exit 2', async () => {
    const date = await view(['accountability', 'Camden', '--as-at', '2013-02-30']);
    expect(date.code).toBe(2);
    expect(date.stderr).toContain("--as-at: '2013-02-30' is not a calendar date written YYYY-MM-DD");
    const borough = await view(['accountability', 'Central North', '--as-at', '2013-02-28']);
    expect(borough.code).toBe(2);
    expect(borough.stderr).toContain("'Central North' is not one of London's 32 boroughs");
    expect(date.stderr + borough.stderr).not.toMatch(STACK_LINE);
  });
});

describe('borough-command compliance (AC-2)', () => {
  it('AC-2 lists the appointment with the rules it followed and the local-authority share', async () => {
    const run = await view(['compliance']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('local-authority involvement: 1 of 1 decided appointments (100.0%)');
    expect(run.stdout).toMatch(/camden-2012\s+Camden \(borough\)\s+completed\s+9\/9\s+-\s+involved/);
  });

  it('AC-2 --appointment shows AP-2..AP-10 one by one, each followed, with its evidence on --explain', async () => {
    const compliance = await json<{ stage: string; rules: { rule: string; status: string }[] }>(['compliance', '--appointment', 'camden-2012']);
    expect(compliance.stage).toBe('completed');
    expect(compliance.rules.map((rule) => `${rule.rule} ${rule.status}`)).toEqual(
      ['AP-2', 'AP-3', 'AP-4', 'AP-5', 'AP-6', 'AP-7', 'AP-8', 'AP-9', 'AP-10'].map((rule) => `${rule} followed`),
    );
    const run = await view(['compliance', '--appointment', 'camden-2012', '--explain']);
    expect(run.stdout).toContain('evidence: RoleDescriptionAttached appointment-camden-2012@1 (position 2)');
    const missing = await view(['compliance', '--appointment', 'camden-2099']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("no appointment process 'camden-2099'");
  });
});

describe('borough-command trail (AU-1)', () => {
  it('AU-1 prints every decision in the order recorded, with who and why', async () => {
    const run = await view(['trail', 'camden-2012']);
    expect(run.code).toBe(0);
    const rules = run.stdout.split('\n').flatMap((line) => /^\d{4}-\d{2}-\d{2}\s+(AP-\d+)/.exec(line)?.[1] ?? []);
    // The posting AP-12 starts is recorded with the decision, before the outcome is reported.
    expect(rules).toEqual(['AP-1', 'AP-2', 'AP-3', 'AP-3', 'AP-4', 'AP-4', 'AP-4', 'AP-4', 'AP-5', 'AP-6', 'AP-7', 'AP-8', 'AP-9', 'AP-12', 'AP-10']);
    expect(run.stdout).toContain('who: ACTP: ACTP Example; candidate: Ben Hale');
    expect(run.stdout).toMatch(/why: informed by Chief Executive of Camden/);
  });

  it('AU-1 with --explain names each event, when it was recorded and by whom', async () => {
    const run = await view(['trail', 'camden-2012', '--explain']);
    expect(run.stdout).toContain('event: AppointmentProcessOpened appointment-camden-2012@0 (position 1), recorded');
    const trail = await json<{ entries: { rule: string; who: { actor: string } }[] }>(['trail', 'camden-2012']);
    expect(trail.entries).toHaveLength(15);
  });
});

describe('borough-command replay', () => {
  it('rebuilds the six views and says how many events it read, with no progress bar when stderr is not a terminal', async () => {
    const run = await view(['replay']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Replayed 20 events from journal ${journal}`);
    for (const name of ['TE-1 tenure', 'TE-2 continuity', 'TE-3 careers', 'AC-1 accountability', 'AC-2 appointment compliance', 'AU-1 audit trail']) {
      expect(run.stdout).toContain(name);
    }
    expect(run.stderr).toBe('');
    const summary = await json<{ events: number; views: { view: string; position: string }[] }>(['replay']);
    expect(summary.events).toBe(20);
    expect(summary.views.map((entry) => entry.position)).toEqual(Array.from({ length: 6 }, () => '19'));
  });
});
