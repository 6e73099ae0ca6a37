import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { defaultPolicy, isoDate, type DomainEvent, type Officer, type PostingEvent } from '@borough-command/domain';
import { createCareerView } from '@borough-command/projections';
import { envelopesOf, validPostingHistory, type PostingHistory } from '@borough-command/testing';
import { projectionSpecification } from '@borough-command/testing/vitest';
import { describe, expect, it } from 'vitest';
import { admitStartPosting, doubleCommands } from '../src/index.js';

/** A unit's events with its officers and postings renamed into the unit's own (`<unit>/<id>`), so no officer serves two units. */
const ownOfficers = (history: PostingHistory): readonly PostingEvent[] =>
  history.events.map((event) => {
    const data = event.data as { readonly postingId: string; readonly officer?: Officer };
    const own = (id: string): string => `${history.unit.name}/${id}`;
    const renamed = { ...data, postingId: own(data.postingId), ...(data.officer === undefined ? {} : { officer: { ...data.officer, id: own(data.officer.id) } }) };
    return { ...event, data: renamed } as PostingEvent;
  });

/** Valid posting histories of two to four different units, under the library's default policy. */
const unitsHistories = fc.uniqueArray(validPostingHistory(defaultPolicy), { minLength: 2, maxLength: 4, selector: (history) => history.unit.name });

describe('SVC-1: one officer never commands two units at once', () => {
  it('SVC-1 holds over generated posting histories of several units whose officers serve one unit each', () => {
    fc.assert(
      fc.property(unitsHistories, (histories) => {
        const view = createCareerView();
        for (const envelope of envelopesOf(histories.flatMap(ownOfficers))) view.apply(envelope);
        expect(doubleCommands(view)).toEqual([]);
      }),
      { numRuns: 50 },
    );
  });

  it('SVC-1 check finds the officer of a generated posting who is also put in post in another unit during it', () => {
    fc.assert(
      fc.property(unitsHistories, (histories) => {
        const [first, second] = histories.map(ownOfficers);
        const started = first?.find((event) => event.type === 'PostingStarted');
        const other = histories[1]?.unit;
        if (started === undefined || started.type !== 'PostingStarted' || other === undefined) return;
        // A posting ended on the day it started was never in force on a common day with another.
        const ended = first?.find((event) => event.type === 'PostingEnded' && event.data.postingId === started.data.postingId);
        fc.pre(ended?.type !== 'PostingEnded' || ended.data.end > started.data.start);
        const alsoThere: DomainEvent = { ...started, data: { ...started.data, postingId: 'also-there', unit: other, role: 'borough-commander', acting: true } };
        const view = createCareerView();
        for (const envelope of envelopesOf([...(first ?? []), ...(second ?? []), alsoThere])) view.apply(envelope);
        const found = doubleCommands(view).filter((double) => double.officer.id === started.data.officer.id);
        expect(found.map((double) => [double.first.postingId, double.second.postingId].sort())).toContainEqual(['also-there', started.data.postingId].sort());
      }),
      { numRuns: 50 },
    );
  });

  const officer: Officer = { id: 'officer-7', name: 'Grace Okafor', rank: 'chief-superintendent' };
  const startedIn = (borough: string, postingId: string, start: string): DomainEvent => ({
    type: 'PostingStarted',
    data: {
      postingId,
      unit: { kind: 'borough', name: borough },
      role: 'borough-commander',
      officer,
      acting: false,
      interim: false,
      designate: false,
      start: isoDate(start),
      lineManager: null,
      appointmentProcessId: null,
      minimumTermEnd: null,
    },
  });
  const careers = projectionSpecification(createCareerView);

  it('SVC-1 check finds an officer posted to Camden and Islington on the same days', () => {
    careers([startedIn('Camden', 'camden-1', '2012-04-02'), startedIn('Islington', 'islington-1', '2013-01-07')]).then((view) => {
      const found = doubleCommands(view).map((double) => [double.officer.id, double.first.postingId, double.second.postingId, double.from]);
      expect(found).toEqual([['officer-7', 'camden-1', 'islington-1', '2013-01-07']]);
    });
  });

  it('SVC-1 guard refuses a posting in another unit while the officer is in post, and admits one once that posting has ended', () => {
    const { view } = careers([startedIn('Camden', 'camden-1', '2012-04-02')]);
    const command = {
      type: 'StartPosting',
      commandId: 'start-islington',
      at: isoDate('2013-01-07'),
      unit: { kind: 'borough', name: 'Islington' },
      postingId: 'islington-1',
      role: 'borough-commander',
      officer,
      acting: false,
    } as const;
    const refused = admitStartPosting(view, command);
    expect(E.isLeft(refused) && refused.left).toMatchObject({ _tag: 'OfficerAlreadyInCommand', rule: 'SVC-1', unit: { name: 'Camden' }, postingId: 'camden-1' });
    expect(admitStartPosting(view, { ...command, at: isoDate('2012-04-01') })).toEqual(E.right({ ...command, at: '2012-04-01' }));
  });
});
