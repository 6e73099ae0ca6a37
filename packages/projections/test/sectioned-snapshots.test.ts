import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { addDays, domainEventRegistry, londonBoroughs, type IsoDate } from '@borough-command/domain';
import { openJournalStore } from '@borough-command/domain/eventsourcing';
import {
  ACCOUNTABILITY_VIEW,
  AUDIT_VIEW,
  COMPLIANCE_VIEW,
  TENURE_VIEW,
  createAccountabilityView,
  createAuditView,
  createComplianceView,
  createTenureView,
  createPolicyView,
  isSectioned,
  type AccountabilityView,
  type ComplianceView,
  type DomainEnvelope,
  type SectionedProjection,
  type SectionedSnapshot,
  type TenureView,
} from '../src/index.js';
import { allEvents } from './support/stores.js';
import { scriptArbitrary, worldAfter, worldBoroughs, worldPolicy } from './support/world.js';

/** The committed London journal: boroughs on their own from 2009, merged into BCUs from 2017. */
const LONDON = new URL('./fixtures/journal-format-1/london-2009-2019.ndjson', import.meta.url).pathname;

const londonEvents = async (): Promise<readonly DomainEnvelope[]> => {
  const opened = await openJournalStore(domainEventRegistry, { file: LONDON, readOnly: true })();
  if (E.isLeft(opened)) throw new Error(opened.left._tag);
  return allEvents(opened.right);
};

/** A view folded over the events. */
const foldedWith = <V extends SectionedProjection>(create: () => V, envelopes: readonly DomainEnvelope[]): V => {
  const view = create();
  for (const envelope of envelopes) view.apply(envelope);
  return view;
};

/** A sectioned snapshot as it comes back from a file: through JSON, each section apart. */
const throughJson = (saved: SectionedSnapshot): { readonly head: unknown; readonly sections: ReadonlyMap<string, string> } => ({
  head: JSON.parse(JSON.stringify(saved.head)) as unknown,
  sections: new Map(saved.sections.map(([key, state]) => [key, JSON.stringify(state)])),
});

/** A view restored from sections, and the keys of the sections it has read so far, in order. */
const inSections = <V extends SectionedProjection>(create: () => V, saved: SectionedSnapshot): { readonly view: V; readonly read: string[] } => {
  const { head, sections } = throughJson(saved);
  const read: string[] = [];
  const view = create();
  const thunks = new Map([...sections].map(([key, text]) => [key, () => (read.push(key), JSON.parse(text) as unknown)]));
  expect(view.restoreSections(head, thunks)).toEqual(E.right(undefined));
  return { view, read };
};

/** A view restored from the whole snapshot: the reference a view restored in sections must equal. */
const wholeFrom = <V extends SectionedProjection>(create: () => V, from: V): V => {
  const view = create();
  expect(view.restore(JSON.parse(JSON.stringify(from.snapshot())))).toEqual(E.right(undefined));
  return view;
};

/** The sections a view restored in sections saves again, with those it kept taken from the snapshot it was restored from. */
const mergedSections = (again: SectionedSnapshot, restoredFrom: SectionedSnapshot): unknown => {
  const kept = new Map(restoredFrom.sections);
  return JSON.parse(
    JSON.stringify({
      head: again.head,
      sections: [...again.sections, ...again.kept.map((key) => [key, kept.get(key)] as const)].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    }),
  ) as unknown;
};

/**
 * The property every sectioned view has: on a generated history cut anywhere, restored in sections
 * it answers as restored whole (`answers`), before and after folding the rest; saved again, the
 * sections it writes and those it keeps make the whole view's sections.
 */
const cutAnywhere = async <V extends SectionedProjection>(create: () => V, answers: (view: V, dates: readonly IsoDate[]) => unknown): Promise<void> => {
  await fc.assert(
    fc.asyncProperty(scriptArbitrary(16), fc.nat(), async (script, cutAt) => {
      const events = await allEvents((await worldAfter(script)).store);
      const cut = events.length === 0 ? 0 : cutAt % (events.length + 1);
      const dates = datesOf(events);
      const original = foldedWith(create, events.slice(0, cut));
      const saved = original.saveSections();
      const whole = wholeFrom(create, original);
      const { view } = inSections(create, saved);
      expect(answers(view, dates)).toEqual(answers(whole, dates));
      const { view: folding } = inSections(create, saved);
      for (const envelope of events.slice(cut)) {
        folding.apply(envelope);
        whole.apply(envelope);
      }
      const reference = whole.saveSections();
      expect(mergedSections(folding.saveSections(), saved)).toEqual(JSON.parse(JSON.stringify({ head: reference.head, sections: reference.sections })));
      expect(answers(folding, dates)).toEqual(answers(whole, dates));
      expect(folding.snapshot()).toEqual(whole.snapshot());
    }),
    { numRuns: 25 },
  );
};

const accountabilityView = (): AccountabilityView => createAccountabilityView(createPolicyView(worldPolicy));

/** Every date a posting of the history starts or ends on, the day before each, and a date well after. */
const datesOf = (envelopes: readonly DomainEnvelope[]): readonly IsoDate[] => {
  const dates = new Set<IsoDate>();
  for (const { event } of envelopes) {
    const date = event.type === 'PostingStarted' ? event.data.start : event.type === 'PostingEnded' ? event.data.end : event.type === 'BcuWentLive' ? event.data.at : undefined;
    if (date === undefined) continue;
    dates.add(date);
    dates.add(addDays(date, -1));
  }
  return [...dates];
};

describe('AC-1 saved and restored in sections', () => {
  it('is a sectioned projection, one section per command unit, the rest in its head', async () => {
    const view = foldedWith(accountabilityView, await londonEvents());
    expect(isSectioned(view)).toBe(true);
    const saved = view.saveSections();
    expect(saved.head.view).toBe(ACCOUNTABILITY_VIEW);
    expect(saved.head.position).toBe(view.position()?.toString());
    const keys = saved.sections.map(([key]) => key);
    expect(keys).toEqual([...keys].sort());
    expect(keys.every((key) => /^(borough|bcu):/.test(key))).toBe(true);
    expect(keys.filter((key) => key.startsWith('borough:'))).toHaveLength(32);
    expect(keys.some((key) => key.startsWith('bcu:'))).toBe(true);
    const head = saved.head.state as { readonly postings: readonly unknown[] };
    expect(head.postings).toEqual([]);
  });

  it('London: a question reads only the sections it needs, and every answer equals the whole snapshot\'s', async () => {
    const events = await londonEvents();
    const original = foldedWith(accountabilityView, events);
    const whole = wholeFrom(accountabilityView, original);
    const saved = original.saveSections();
    const { view, read } = inSections(accountabilityView, saved);
    // Camden before the BCUs: Camden's own section, and no other unit's.
    expect(view.accountabilityOn('Camden', '2013-07-01' as IsoDate)).toEqual(whole.accountabilityOn('Camden', '2013-07-01' as IsoDate));
    expect(read).toEqual(['borough:Camden']);
    // Camden in Central North BCU: that BCU's section too, still not every unit's.
    expect(view.accountabilityOn('Camden', '2018-06-01' as IsoDate)).toEqual(whole.accountabilityOn('Camden', '2018-06-01' as IsoDate));
    expect(read).toContain('bcu:Central North');
    expect(read.length).toBeLessThan(saved.sections.length / 2);
    for (const { name } of londonBoroughs) {
      for (const date of datesOf(events)) expect(view.accountabilityOn(name, date), `${name} ${date}`).toEqual(whole.accountabilityOn(name, date));
    }
    // Saved again, whole or in sections, it is what it was restored from.
    expect(view.snapshot()).toEqual(whole.snapshot());
    expect(JSON.parse(JSON.stringify(view.saveSections()))).toEqual(JSON.parse(JSON.stringify(saved)));
  });

  it('any history cut anywhere: restored in sections, it answers as the whole snapshot does, and folds on to the same state', async () => {
    await cutAnywhere(accountabilityView, (view, dates) => worldBoroughs.map((borough) => dates.map((date) => view.accountabilityOn(borough, date))));
  });

  it('folding on reads only the sections of the units the events are about; saved again, the others are kept as they were restored', async () => {
    const events = await londonEvents();
    const cut = events.findIndex((envelope) => envelope.event.type === 'BcuWentLive');
    expect(cut).toBeGreaterThan(0);
    const original = foldedWith(accountabilityView, events.slice(0, cut));
    const saved = original.saveSections();
    const { view, read } = inSections(accountabilityView, saved);
    const whole = wholeFrom(accountabilityView, original);
    const rest = events.slice(cut);
    for (const envelope of rest) {
      view.apply(envelope);
      whole.apply(envelope);
    }
    const touched = new Set(
      rest.flatMap(({ event }) =>
        'unit' in event.data && ['PostingStarted', 'CommandTakenUp', 'PostingEnded', 'PerformanceAssessed', 'AppointmentConfirmed'].includes(event.type)
          ? [`${event.data.unit.kind}:${event.data.unit.name}`]
          : [],
      ),
    );
    expect([...read].sort()).toEqual(saved.sections.map(([key]) => key).filter((key) => touched.has(key)));
    const again = view.saveSections();
    expect(again.kept).toEqual(saved.sections.map(([key]) => key).filter((key) => !touched.has(key)));
    // The sections written and those kept (as first saved) make the sections of the whole view.
    const reference = whole.saveSections();
    expect(mergedSections(again, saved)).toEqual(JSON.parse(JSON.stringify({ head: reference.head, sections: reference.sections })));
    expect(reference.kept).toEqual([]);
  });

  it('refuses a head that is not its own, and throws naming the section when a section read later does not fit', async () => {
    const original = foldedWith(accountabilityView, await londonEvents());
    const saved = original.saveSections();
    const view = createAccountabilityView();
    const refused = view.restoreSections({ ...saved.head, view: 'TE-1 tenure' }, new Map());
    expect(E.isLeft(refused) && refused.left.message).toContain("it is the snapshot of view 'TE-1 tenure'");
    const broken = new Map(saved.sections.map(([key, state]) => [key, () => (key === 'borough:Camden' ? { postings: 'none', appointments: [] } : state)]));
    expect(view.restoreSections(saved.head, broken)).toEqual(E.right(undefined));
    expect(() => view.accountabilityOn('Camden', '2013-07-01' as IsoDate)).toThrow(
      "the AC-1 accountability snapshot's section 'borough:Camden' does not fit at 'postings'",
    );
  });
});

describe('AU-1 saved and restored in sections', () => {
  it('London: the trail of one process reads one section of its trails, and every trail equals the whole snapshot\'s', async () => {
    const events = await londonEvents();
    const original = foldedWith(createAuditView, events);
    const saved = original.saveSections();
    expect(saved.head.view).toBe(AUDIT_VIEW);
    expect(saved.head.state).toEqual({ trails: [] });
    expect(saved.sections.length).toBeGreaterThan(20);
    expect(saved.sections.every(([key]) => /^process-fnv1a-\d{3}$/.test(key))).toBe(true);
    const whole = wholeFrom(createAuditView, original);
    const { view, read } = inSections(createAuditView, saved);
    const [first] = whole.processes();
    expect(first).toBeDefined();
    expect(view.trailOf(first as string)).toEqual(whole.trailOf(first as string));
    expect(read).toHaveLength(1);
    // A process of no trail: at most the one section its id falls in is read.
    expect(view.trailOf('no-such-process')).toBeUndefined();
    expect(read.length).toBeLessThanOrEqual(2);
    expect(view.processes()).toEqual(whole.processes());
    for (const processId of whole.processes()) expect(view.trailOf(processId)).toEqual(whole.trailOf(processId));
    expect(view.snapshot()).toEqual(whole.snapshot());
  });

  it('any history cut anywhere: restored in sections, every trail is the whole snapshot\'s, before and after folding on; saved again, the sections not read are kept', async () => {
    await cutAnywhere(createAuditView, (view) => view.processes().map((processId) => view.trailOf(processId)));
  });

  it('refuses sections of another scheme', async () => {
    const saved = foldedWith(createAuditView, await londonEvents()).saveSections();
    const refused = createAuditView().restoreSections(saved.head, new Map([['trails-by-unit-007', () => ({ trails: [] })]]));
    expect(E.isLeft(refused) && refused.left.message).toContain("'trails-by-unit-007' is not a section of this view's trails");
  });
});

const complianceView = (): ComplianceView => createComplianceView(createPolicyView(worldPolicy));

/** Everything AC-2 answers, for comparing two of them. */
const complianceAnswers = (view: ComplianceView): unknown => ({
  processes: view.processes().map((processId) => view.complianceOf(processId)),
  share: view.localAuthorityShare(),
  departures: view.departures(),
});

describe('AC-2 saved and restored in sections', () => {
  it('London: one process\'s compliance reads one section, the departures none; every answer equals the whole snapshot\'s', async () => {
    const original = foldedWith(complianceView, await londonEvents());
    const saved = original.saveSections();
    expect(saved.head.view).toBe(COMPLIANCE_VIEW);
    expect(saved.sections.every(([key]) => /^process-fnv1a-\d{3}$/.test(key))).toBe(true);
    const whole = wholeFrom(complianceView, original);
    const { view, read } = inSections(complianceView, saved);
    expect(view.departures()).toEqual(whole.departures());
    expect(read).toEqual([]);
    const [first] = whole.processes();
    expect(view.complianceOf(first as string)).toEqual(whole.complianceOf(first as string));
    expect(read).toHaveLength(1);
    expect(complianceAnswers(view)).toEqual(complianceAnswers(whole));
    expect(view.snapshot()).toEqual(whole.snapshot());
  });

  it('any history cut anywhere: restored in sections, it answers as the whole snapshot does, before and after folding on; saved again, the sections not read are kept', async () => {
    await cutAnywhere(complianceView, complianceAnswers);
  });

  it('refuses sections of another scheme', async () => {
    const saved = foldedWith(complianceView, await londonEvents()).saveSections();
    const refused = createComplianceView().restoreSections(saved.head, new Map([['by-unit-007', () => ({ processes: [] })]]));
    expect(E.isLeft(refused) && refused.left.message).toContain("'by-unit-007' is not a section of this view's processes");
  });
});

/** Everything TE-1 answers on the dates given. */
const tenureAnswers = (view: TenureView, dates: readonly IsoDate[]): unknown =>
  view.units().map((unit) => ({ unit, tenure: view.tenureOf(unit), on: dates.map((date) => view.postingsOn(unit, date)) }));

describe('TE-1 saved and restored in sections', () => {
  it('London: the units are known from the head alone, and one unit\'s tenure reads its section only; every answer equals the whole snapshot\'s', async () => {
    const events = await londonEvents();
    const original = foldedWith(createTenureView, events);
    const saved = original.saveSections();
    expect(saved.head.view).toBe(TENURE_VIEW);
    const whole = wholeFrom(createTenureView, original);
    const { view, read } = inSections(createTenureView, saved);
    expect(view.units()).toEqual(whole.units());
    expect(read).toEqual([]);
    expect(view.tenureOf({ kind: 'borough', name: 'Camden' })).toEqual(whole.tenureOf({ kind: 'borough', name: 'Camden' }));
    expect(read).toEqual(['borough:Camden']);
    expect(tenureAnswers(view, datesOf(events))).toEqual(tenureAnswers(whole, datesOf(events)));
    expect(view.snapshot()).toEqual(whole.snapshot());
  });

  it('any history cut anywhere: restored in sections, it answers as the whole snapshot does, before and after folding on; saved again, the units not read are kept', async () => {
    await cutAnywhere(createTenureView, tenureAnswers);
  });

  it('refuses a section of a unit its head does not have', async () => {
    const saved = foldedWith(createTenureView, await londonEvents()).saveSections();
    const refused = createTenureView().restoreSections(saved.head, new Map([['borough:Atlantis', () => ({ units: [], memberships: [] })]]));
    expect(E.isLeft(refused) && refused.left.message).toContain("'borough:Atlantis' is not a unit of the snapshot's head");
  });
});
