import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { isoDate, type DomainEvent, type Officer } from '@borough-command/domain';
import { createCareerView } from '@borough-command/projections';
import { londonHistoryArbitrary, runLondonHistory } from '@borough-command/test-machinery';
import { projectionSpecification } from '@borough-command/testing/vitest';
import { describe, expect, it } from 'vitest';
import { admitStartPosting, doubleCommands } from '../src/index.js';

describe('SVC-1: one officer never commands two units at once', () => {
  it('SVC-1 holds over generated London histories: appointments, acting cover, early departures and BCUs going live', async () => {
    await fc.assert(
      fc.asyncProperty(londonHistoryArbitrary({ years: 4, boroughs: 8 }), async (history) => {
        const { views } = await runLondonHistory(history);
        expect(doubleCommands(views.careers)).toEqual([]);
      }),
      { numRuns: 25 },
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
