import * as E from 'fp-ts/lib/Either.js';
import { createBoroughCommand, domainEventRegistry, policyWith, type Policy } from '@borough-command/domain';
import { createInMemoryStore } from '@borough-command/domain/eventsourcing';
import { rebuildViews, type BoroughCommandViews } from '@borough-command/projections';
import { londonHistory } from '@borough-command/cli';

/** The policy the histories run under: early departures are recorded as breaches, not refused. */
export const recordingPolicy: Policy = policyWith({ enforcement: 'record' });

const json = (value: unknown): string => JSON.stringify(value, (_key, inner: unknown) => (typeof inner === 'bigint' ? inner.toString() : inner));

/** Runs commands (as JSON) through the domain service with its process managers, then rebuilds the views; any refusal is a bug of the history. */
export const viewsOf = async (commands: readonly unknown[]): Promise<BoroughCommandViews> => {
  const store = createInMemoryStore(domainEventRegistry);
  const service = createBoroughCommand({ store, policy: recordingPolicy, clock: () => new Date('2020-01-01T00:00:00.000Z') });
  for (const command of commands) {
    const outcome = await service.executeJson(command, { actor: 'report-test' })();
    if (E.isLeft(outcome)) throw new Error(`refused: ${json(command)}: ${json(outcome.left)}`);
    if (outcome.right.failedReactions.length > 0) throw new Error(`a reaction failed after ${json(command)}`);
  }
  const rebuilt = await rebuildViews(store, { policy: recordingPolicy })();
  if (E.isLeft(rebuilt)) throw new Error(rebuilt.left.message);
  return rebuilt.right;
};

/** The demo's London history 2009-2019 as commands. */
export const demoCommands = (): readonly unknown[] => londonHistory().commands;

/** The names a hostile story gives the people and ids it records. */
export interface HostileNames {
  /** The candidate appointed in Camden, then its borough commander. */
  readonly officer: string;
  /** The local authority leader consulted, in the discussion and in the assessment. */
  readonly partner: string;
  /** The id of the second Camden posting. */
  readonly postingId: string;
  /** Who approved the second posting's early end. */
  readonly approver: string;
}

/** The names of the hostile story by default: markup, quotes and ampersands everywhere. */
export const hostileNames: HostileNames = {
  officer: '<script>alert(1)</script>',
  partner: 'Leader "Sam" O\'Neil & Co <img src=x onerror=alert(2)>',
  postingId: 'camden "second" & <b>posting</b>',
  approver: 'Deputy & "Assistant" <i>Commissioner</i>',
};

/**
 * A small story with hostile text: Camden appoints the officer through the whole process (AP-1..AP-10)
 * with the partner and an MP consulted and the partner in the discussion; the appointment starts the posting (AP-12); the
 * partner contributes to an assessment (PO-4); the officer leaves early for promotion (a breach,
 * PO-3); an acting commander covers; a second commander leaves early for personal reasons with an
 * approval (exceptional); Islington has a commander still in post. Four postings in all.
 */
export const hostileStory = (names: HostileNames = hostileNames): readonly unknown[] => {
  const camden = { kind: 'borough', name: 'Camden' };
  const islington = { kind: 'borough', name: 'Islington' };
  const processId = 'camden-2012';
  const leader = { kind: 'local-authority-leader', name: names.partner };
  const candidate = { id: 'hostile-officer', name: names.officer, rank: 'chief-superintendent' };
  const area = 'Area commander "Grey" & <u>co</u>';
  const commands: Record<string, unknown>[] = [
    { type: 'OpenAppointmentProcess', at: '2012-02-01', processId, unit: camden, role: 'borough-commander', areaCommander: area },
    { type: 'AttachRoleDescription', at: '2012-02-02', processId, version: 1 },
    { type: 'ConsultPartner', at: '2012-02-10', processId, partner: leader },
    // AP-3: from 2012-01-16 an MP is consulted as well as the local authority.
    { type: 'ConsultPartner', at: '2012-02-11', processId, partner: { kind: 'mp', name: 'MP "Holborn" & <s>St Pancras</s>' } },
    { type: 'RecordCandidate', at: '2012-02-15', processId, candidate, route: 'applied' },
    { type: 'InterviewCandidate', at: '2012-03-01', processId, candidateId: candidate.id },
    { type: 'ProposePreferredCandidate', at: '2012-03-05', processId, candidateId: candidate.id },
    { type: 'AgreeProposal', at: '2012-03-08', processId, actp: 'ACTP <em>Territorial</em>' },
    { type: 'DiscussChosenCandidate', at: '2012-03-12', processId, partners: [leader] },
    { type: 'RecordThreeYearCommitment', at: '2012-03-13', processId, candidateId: candidate.id },
    { type: 'TakeFinalDecision', at: '2012-03-20', processId, policeAuthorityDecisionBy: 'MOPAC & "board"', mpsDecisionBy: 'MPS', startDate: '2012-04-02' },
    { type: 'ReportOutcome', at: '2012-03-22', processId, directorHr: 'Director HR' },
    { type: 'AssessPerformance', at: '2012-10-01', unit: camden, postingId: processId, assessedBy: area, partners: [leader] },
    { type: 'EndPosting', at: '2013-06-30', unit: camden, postingId: processId, reason: 'promotion' },
    {
      type: 'StartPosting',
      at: '2013-07-01',
      unit: camden,
      postingId: 'camden-acting',
      role: 'borough-commander',
      officer: { id: 'acting-officer', name: 'Acting "Officer" & <b>Co</b>', rank: 'superintendent' },
      acting: true,
      lineManager: area,
    },
    {
      type: 'StartPosting',
      at: '2014-01-06',
      unit: camden,
      postingId: names.postingId,
      role: 'borough-commander',
      officer: { id: 'second-officer', name: 'Second Commander', rank: 'chief-superintendent' },
      acting: false,
      lineManager: area,
    },
    { type: 'EndPosting', at: '2015-02-01', unit: camden, postingId: names.postingId, reason: 'personal', detail: 'family <reasons> & "care"', approvedBy: names.approver },
    {
      type: 'StartPosting',
      at: '2014-05-01',
      unit: islington,
      postingId: 'islington-2014',
      role: 'borough-commander',
      officer: { id: 'islington-officer', name: 'Islington Commander', rank: 'chief-superintendent' },
      acting: false,
      lineManager: area,
    },
  ];
  return commands.map((command, index) => ({ ...command, commandId: `hostile-${String(index + 1)}` }));
};
