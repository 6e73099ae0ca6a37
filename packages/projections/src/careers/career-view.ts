import * as t from 'io-ts';
import type { CommandUnit, Officer } from '@borough-command/domain';
import type { DomainEnvelope } from '../views/envelope.js';
import { refOf } from '../views/event-ref.js';
import {
  breachRow,
  comparePostings,
  endRow,
  loadRow,
  PostingRowJsonCodec,
  reportPosting,
  saveRow,
  startRow,
  takeUpRow,
  type PostingReport,
  type PostingRow,
} from '../views/posting-rows.js';
import { createViewCore, type Projection } from '../views/projection.js';
import { compareText, unitKey } from '../views/units.js';

/** The name of the TE-3 view, and the key of its snapshot. */
export const CAREER_VIEW = 'TE-3 careers';

interface OfficerPostings {
  readonly officerId: string;
  readonly rows: Map<string, PostingRow>;
}

/** What the career view keeps: each officer's postings, by unit and posting id. */
interface CareerModel {
  readonly officers: Map<string, OfficerPostings>;
}

/** TE-3: one officer's career as a commander: every posting (acting, interim, designate as each was), in order of start. */
export interface Career {
  /** The officer as their latest posting records them (name and rank). */
  readonly officer: Officer;
  readonly postings: readonly PostingReport[];
}

/** TE-3 as a projection with its queries. */
export interface CareerView extends Projection<CareerSnapshotState> {
  /** Every officer who held a posting, by id. */
  readonly officers: () => readonly Officer[];
  /** An officer's postings in order, or undefined for an officer who never held one. */
  readonly careerOf: (officerId: string) => Career | undefined;
}

/** io-ts codec of the TE-3 view's state in a snapshot. */
export const CareerSnapshotStateCodec = t.readonly(
  t.type({ officers: t.readonlyArray(t.readonly(t.type({ officerId: t.string, postings: t.readonlyArray(PostingRowJsonCodec) }))) }),
  'CareerSnapshotState',
);

/** The TE-3 view's state in a snapshot. */
export type CareerSnapshotState = t.TypeOf<typeof CareerSnapshotStateCodec>;

const postingKey = (unit: CommandUnit, postingId: string): string => `${unitKey(unit)}\u0000${postingId}`;

const officerOf = (model: CareerModel, officer: Officer): OfficerPostings => {
  let entry = model.officers.get(officer.id);
  if (entry === undefined) {
    entry = { officerId: officer.id, rows: new Map() };
    model.officers.set(officer.id, entry);
  }
  return entry;
};

const orderedRows = (entry: OfficerPostings): readonly PostingRow[] => [...entry.rows.values()].sort(comparePostings);

/** The officer as the latest posting (by start) records them. */
const latestOfficer = (rows: readonly PostingRow[]): Officer => (rows[rows.length - 1] as PostingRow).officer;

// TE-3: each officer's postings, wherever they were recorded.
const fold = (model: CareerModel, envelope: DomainEnvelope): void => {
  const { event } = envelope;
  switch (event.type) {
    case 'PostingStarted':
      startRow(officerOf(model, event.data.officer).rows, postingKey(event.data.unit, event.data.postingId), event.data, refOf(envelope));
      return;
    case 'CommandTakenUp': {
      // RS-4: a designate posting took command.
      const entry = model.officers.get(event.data.officer.id);
      if (entry !== undefined) takeUpRow(entry.rows, postingKey(event.data.unit, event.data.postingId), event.data, refOf(envelope));
      return;
    }
    case 'PostingEnded':
      endRow(officerOf(model, event.data.officer).rows, postingKey(event.data.unit, event.data.postingId), event.data, refOf(envelope));
      return;
    case 'MinimumTermBreached': {
      const entry = model.officers.get(event.data.officer.id);
      if (entry !== undefined) breachRow(entry.rows, postingKey(event.data.unit, event.data.postingId), refOf(envelope));
      return;
    }
    default:
      return;
  }
};

/** Creates an empty TE-3 career view. */
export const createCareerView = (): CareerView => {
  const core = createViewCore<CareerModel, CareerSnapshotState>({
    name: CAREER_VIEW,
    stateCodec: CareerSnapshotStateCodec,
    empty: () => ({ officers: new Map() }),
    fold,
    save: (model) => ({
      officers: [...model.officers.values()]
        .sort((a, b) => compareText(a.officerId, b.officerId))
        .map((entry) => ({ officerId: entry.officerId, postings: orderedRows(entry).map(saveRow) })),
    }),
    load: (state) => ({
      officers: new Map(
        state.officers.map(({ officerId, postings }) => [
          officerId,
          { officerId, rows: new Map(postings.map((row) => [postingKey(row.unit, row.postingId), loadRow(row)])) },
        ]),
      ),
    }),
  });

  return {
    name: core.name,
    apply: core.apply,
    position: core.position,
    snapshot: core.snapshot,
    restore: core.restore,
    officers: () =>
      [...core.model().officers.values()].sort((a, b) => compareText(a.officerId, b.officerId)).map((entry) => latestOfficer(orderedRows(entry))),
    careerOf: (officerId) => {
      const entry = core.model().officers.get(officerId);
      if (entry === undefined) return undefined;
      const rows = orderedRows(entry);
      return { officer: latestOfficer(rows), postings: rows.map(reportPosting) };
    },
  };
};
