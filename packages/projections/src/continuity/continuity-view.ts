import * as t from 'io-ts';
import {
  CommanderRoleCodec,
  CommandUnitCodec,
  EndReasonCodec,
  IsoDateCodec,
  OfficerCodec,
  type CommandUnit,
} from '@borough-command/domain';
import type { DomainEnvelope } from '../views/envelope.js';
import {
  EventRefJsonCodec,
  loadOptionalRef,
  loadRef,
  OptionalEventRefJsonCodec,
  refOf,
  saveOptionalRef,
  saveRef,
} from '../views/event-ref.js';
import { createViewCore, type Projection } from '../views/projection.js';
import { compareText, emptyUnitIndex, unitEntries, unitValue, unitValueOrNew, type UnitIndex } from '../views/units.js';
import { continuityFigures, type ContinuityFigures, type EndedPosting } from './continuity-figures.js';

/** The name of the TE-2 view, and the key of its snapshot. */
export const CONTINUITY_VIEW = 'TE-2 continuity';

interface UnitEnded {
  readonly unit: CommandUnit;
  readonly postings: Map<string, EndedPosting>;
}

/** What the continuity view keeps: the ended postings of every unit (active postings do not count yet). */
interface ContinuityModel {
  readonly units: UnitIndex<UnitEnded>;
}

/** TE-2 as a projection with its queries. */
export interface ContinuityView extends Projection<ContinuitySnapshotState> {
  /** Every command unit with an ended posting, boroughs first, by name. */
  readonly units: () => readonly CommandUnit[];
  /** The continuity figures of one unit. */
  readonly continuityOf: (unit: CommandUnit) => ContinuityFigures;
  /** The continuity figures of London: every command unit together. */
  readonly londonWide: () => ContinuityFigures;
}

const EndedPostingJsonCodec = t.readonly(
  t.type({
    postingId: t.string,
    unit: CommandUnitCodec,
    officer: OfficerCodec,
    role: CommanderRoleCodec,
    acting: t.boolean,
    start: IsoDateCodec,
    end: IsoDateCodec,
    minimumTermEnd: t.union([IsoDateCodec, t.null]),
    minimumTermMet: t.union([t.boolean, t.null]),
    exceptional: t.boolean,
    reason: EndReasonCodec,
    approvedBy: t.union([t.string, t.null]),
    ended: EventRefJsonCodec,
    breach: OptionalEventRefJsonCodec,
  }),
  'EndedPosting',
);

/** io-ts codec of the TE-2 view's state in a snapshot. */
export const ContinuitySnapshotStateCodec = t.readonly(
  t.type({ units: t.readonlyArray(t.readonly(t.type({ unit: CommandUnitCodec, ended: t.readonlyArray(EndedPostingJsonCodec) }))) }),
  'ContinuitySnapshotState',
);

/** The TE-2 view's state in a snapshot. */
export type ContinuitySnapshotState = t.TypeOf<typeof ContinuitySnapshotStateCodec>;

const unitOf = (model: ContinuityModel, unit: CommandUnit): UnitEnded => unitValueOrNew(model.units, unit, () => ({ unit, postings: new Map() }));

// TE-2: the ended postings of each unit, and their breaches.
const fold = (model: ContinuityModel, envelope: DomainEnvelope): void => {
  const { event } = envelope;
  if (event.type === 'PostingEnded') {
    const { postings } = unitOf(model, event.data.unit);
    const data = event.data;
    // A posting ends once; the same end delivered again adds nothing.
    if (postings.has(data.postingId)) return;
    postings.set(data.postingId, {
      postingId: data.postingId,
      unit: data.unit,
      officer: data.officer,
      role: data.role,
      acting: data.acting,
      start: data.start,
      end: data.end,
      minimumTermEnd: data.minimumTermEnd,
      minimumTermMet: data.minimumTermMet,
      exceptional: data.exceptional,
      reason: data.reason,
      approvedBy: data.approvedBy,
      ended: refOf(envelope),
      breach: null,
    });
  } else if (event.type === 'MinimumTermBreached') {
    const posting = unitValue(model.units, event.data.unit)?.postings.get(event.data.postingId);
    if (posting !== undefined && posting.breach === null) posting.breach = refOf(envelope);
  }
};

/** Creates an empty TE-2 continuity view. */
export const createContinuityView = (): ContinuityView => {
  const core = createViewCore<ContinuityModel, ContinuitySnapshotState>({
    name: CONTINUITY_VIEW,
    stateCodec: ContinuitySnapshotStateCodec,
    empty: () => ({ units: emptyUnitIndex() }),
    fold,
    save: (model) => ({
      units: unitEntries(model.units).map(([unit, { postings }]) => ({
          unit,
          ended: [...postings.values()]
            .sort((a, b) => compareText(a.postingId, b.postingId))
            .map((posting) => ({ ...posting, ended: saveRef(posting.ended), breach: saveOptionalRef(posting.breach) })),
        })),
    }),
    load: (state) => {
      const units = emptyUnitIndex<UnitEnded>();
      for (const { unit, ended } of state.units) {
        const postings = new Map(
          ended.map((posting) => [posting.postingId, { ...posting, ended: loadRef(posting.ended), breach: loadOptionalRef(posting.breach) }]),
        );
        units[unit.kind].set(unit.name, { unit, postings });
      }
      return { units };
    },
  });

  return {
    name: core.name,
    apply: core.apply,
    position: core.position,
    snapshot: core.snapshot,
    restore: core.restore,
    units: () => unitEntries(core.model().units).map(([unit]) => unit),
    continuityOf: (unit) => continuityFigures({ kind: 'unit', unit }, [...(unitValue(core.model().units, unit)?.postings.values() ?? [])]),
    londonWide: () =>
      continuityFigures(
        { kind: 'london' },
        unitEntries(core.model().units).flatMap(([, entry]) => [...entry.postings.values()]),
      ),
  };
};
