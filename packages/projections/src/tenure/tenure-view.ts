import * as t from 'io-ts';
import { CommandUnitCodec, type CommandUnit, type IsoDate } from '@borough-command/domain';
import {
  joinBcu,
  leaveBcu,
  loadMemberships,
  MembershipsJsonCodec,
  saveMemberships,
  type Memberships,
} from '../views/bcu-membership.js';
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
import { createViewCore, type SectionedProjection } from '../views/projection.js';
import { emptyUnitIndex, unitEntries, unitKey, unitValue, unitValueOrNew, type UnitIndex } from '../views/units.js';
import { sectionedCore } from '../views/sectioned-core.js';
import { periodsBetweenPostings, type TenurePeriod } from './tenure-periods.js';

/** The name of the TE-1 view, and the key of its snapshot. */
export const TENURE_VIEW = 'TE-1 tenure';

interface UnitPostings {
  readonly unit: CommandUnit;
  readonly rows: Map<string, PostingRow>;
}

/** What the tenure view keeps: every posting of every unit, and each borough's periods in BCUs. */
interface TenureModel {
  readonly units: UnitIndex<UnitPostings>;
  readonly memberships: Memberships;
}

/** TE-1: every posting of a command unit, and the periods between its substantive postings. */
export interface UnitTenure {
  readonly unit: CommandUnit;
  /** Every posting, substantive and acting, in order of start. */
  readonly postings: readonly PostingReport[];
  /** Vacancy, acting and merged periods between substantive postings, role by role. */
  readonly periods: readonly TenurePeriod[];
}

/** TE-1 as a projection with its queries; its snapshot can also be saved and restored in sections, by unit. */
export interface TenureView extends SectionedProjection<TenureSnapshotState> {
  /** Every command unit with a posting, boroughs first, by name. */
  readonly units: () => readonly CommandUnit[];
  /** The postings and periods of a unit; empty for a unit with no posting. */
  readonly tenureOf: (unit: CommandUnit) => UnitTenure;
  /**
   * The postings of a unit in force on a date: started on or before it, ending after it (RS-4: a
   * designate posting from the day its holder was named; `commandFrom` says when command began).
   */
  readonly postingsOn: (unit: CommandUnit, date: IsoDate) => readonly PostingReport[];
}

/** io-ts codec of the TE-1 view's state in a snapshot. */
export const TenureSnapshotStateCodec = t.readonly(
  t.type({
    units: t.readonlyArray(t.readonly(t.type({ unit: CommandUnitCodec, postings: t.readonlyArray(PostingRowJsonCodec) }))),
    memberships: MembershipsJsonCodec,
  }),
  'TenureSnapshotState',
);

/** The TE-1 view's state in a snapshot: units in order, postings in order of start. */
export type TenureSnapshotState = t.TypeOf<typeof TenureSnapshotStateCodec>;

const unitOf = (model: TenureModel, unit: CommandUnit): UnitPostings => unitValueOrNew(model.units, unit, () => ({ unit, rows: new Map() }));

// TE-1: every posting of a unit (start, take-up of command, end, breach) and each borough's BCU periods.
const fold = (model: TenureModel, envelope: DomainEnvelope): void => {
  const { event } = envelope;
  switch (event.type) {
    case 'PostingStarted':
      startRow(unitOf(model, event.data.unit).rows, event.data.postingId, event.data, refOf(envelope));
      return;
    case 'CommandTakenUp': {
      const entry = unitValue(model.units, event.data.unit);
      if (entry !== undefined) takeUpRow(entry.rows, event.data.postingId, event.data, refOf(envelope));
      return;
    }
    case 'PostingEnded':
      endRow(unitOf(model, event.data.unit).rows, event.data.postingId, event.data, refOf(envelope));
      return;
    case 'MinimumTermBreached': {
      const entry = unitValue(model.units, event.data.unit);
      if (entry !== undefined) breachRow(entry.rows, event.data.postingId, refOf(envelope));
      return;
    }
    case 'BcuWentLive':
      joinBcu(model.memberships, event.data, refOf(envelope));
      return;
    case 'BcuDissolved':
      leaveBcu(model.memberships, event.data, refOf(envelope));
      return;
    default:
      return;
  }
};

/** RS-9: the day a BCU was dissolved, from its boroughs' periods; null while it is live or never was. */
const dissolvedOn = (memberships: Memberships, bcu: string): IsoDate | null => {
  for (const periods of memberships.values()) {
    for (const period of periods) if (period.bcu === bcu && period.until !== null) return period.until;
  }
  return null;
};

const covers = (row: PostingRow, date: IsoDate): boolean => row.start <= date && (row.end === null || date < row.end);

const saveTenure = (model: TenureModel): TenureSnapshotState => ({
  units: unitEntries(model.units).map(([unit, { rows }]) => ({ unit, postings: [...rows.values()].sort(comparePostings).map(saveRow) })),
  memberships: saveMemberships(model.memberships),
});

const loadTenure = (state: TenureSnapshotState): TenureModel => {
  const units = emptyUnitIndex<UnitPostings>();
  for (const { unit, postings } of state.units) {
    units[unit.kind].set(unit.name, { unit, rows: new Map(postings.map((row) => [row.postingId, loadRow(row)])) });
  }
  return { units, memberships: loadMemberships(state.memberships) };
};

/** The command unit whose postings an event changes; undefined for the events of BCU periods. */
const unitOfEvent = (event: DomainEnvelope['event']): CommandUnit | undefined => {
  switch (event.type) {
    case 'PostingStarted':
    case 'CommandTakenUp':
    case 'PostingEnded':
    case 'MinimumTermBreached':
      return event.data.unit;
    default:
      return undefined;
  }
};

/**
 * Creates an empty TE-1 tenure view, which can also be saved and restored in sections.
 * A section holds one command unit's postings (`unitKey`); the head keeps the units (without their
 * postings) and the BCU periods, so a view restored in sections reads a unit's postings the first
 * time a question asks about the unit (or a fold adds to them).
 */
export const createTenureView = (): TenureView => {
  const core = createViewCore<TenureModel, TenureSnapshotState>({
    name: TENURE_VIEW,
    stateCodec: TenureSnapshotStateCodec,
    empty: () => ({ units: emptyUnitIndex(), memberships: new Map() }),
    fold,
    save: saveTenure,
    load: loadTenure,
  });
  const { unread, ...sectioned } = sectionedCore(core, TenureSnapshotStateCodec, loadTenure, {
    sectionCodec: TenureSnapshotStateCodec,
    merge: (model, section) => {
      const { units } = loadTenure(section);
      for (const kind of ['borough', 'bcu'] as const) for (const [name, postings] of units[kind]) model.units[kind].set(name, postings);
    },
    sectionOfEvent: ({ event }) => {
      const unit = unitOfEvent(event);
      return unit === undefined ? undefined : unitKey(unit);
    },
    // The head names every unit, without its postings; a unit not read since the restore is in the
    // model so, and is kept, not written from that empty copy.
    split: (state, kept) => ({
      head: { units: state.units.map(({ unit }) => ({ unit, postings: [] })), memberships: state.memberships },
      sections: state.units
        .filter(({ unit }) => !kept.has(unitKey(unit)))
        .map(({ unit, postings }) => [unitKey(unit), { units: [{ unit, postings }], memberships: [] }] as const),
    }),
    foreignKey: (head, key) => (head.units.some(({ unit }) => unitKey(unit) === key) ? undefined : `'${key}' is not a unit of the snapshot's head`),
  });

  const rowsOf = (unit: CommandUnit): readonly PostingRow[] => {
    unread.read(unitKey(unit));
    return [...(unitValue(core.model().units, unit)?.rows.values() ?? [])].sort(comparePostings);
  };

  return {
    name: core.name,
    position: core.position,
    ...sectioned,
    units: () => unitEntries(core.model().units).map(([unit]) => unit),
    tenureOf: (unit) => {
      const rows = rowsOf(unit);
      const { memberships } = core.model();
      const periods =
        unit.kind === 'borough'
          ? periodsBetweenPostings(rows, memberships.get(unit.name) ?? [])
          : periodsBetweenPostings(rows, [], dissolvedOn(memberships, unit.name));
      return { unit, postings: rows.map(reportPosting), periods };
    },
    postingsOn: (unit, date) => rowsOf(unit).filter((row) => covers(row, date)).map(reportPosting),
  };
};
