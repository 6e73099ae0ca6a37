import * as t from 'io-ts';
import {
  CommanderRoleCodec,
  CommandUnitCodec,
  daysBetween,
  EndReasonCodec,
  IsoDateCodec,
  OfficerCodec,
  type CommanderRole,
  type CommandUnit,
  type EndReason,
  type IsoDate,
  type Officer,
} from '@borough-command/domain';
import type { EventDataOf } from './envelope.js';
import {
  loadOptionalRef,
  OptionalEventRefJsonCodec,
  presentRefs,
  saveOptionalRef,
  type EventRef,
} from './event-ref.js';
import { compareText } from './units.js';

/** One posting as the tenure and career views keep it: its start, its end once ended, and the events behind them. */
export interface PostingRow {
  readonly postingId: string;
  readonly unit: CommandUnit;
  role: CommanderRole;
  officer: Officer;
  acting: boolean;
  start: IsoDate;
  lineManager: string | null;
  appointmentProcessId: string | null;
  minimumTermEnd: IsoDate | null;
  end: IsoDate | null;
  endReason: EndReason | null;
  detail: string | null;
  approvedBy: string | null;
  exceptional: boolean | null;
  minimumTermMet: boolean | null;
  started: EventRef | null;
  ended: EventRef | null;
  breach: EventRef | null;
}

/** PO-1: a posting started; a second start of the same posting adds nothing. */
export const startRow = (rows: Map<string, PostingRow>, key: string, data: EventDataOf<'PostingStarted'>, ref: EventRef): void => {
  const existing = rows.get(key);
  if (existing !== undefined) {
    if (existing.started !== null) return;
    existing.lineManager = data.lineManager;
    existing.appointmentProcessId = data.appointmentProcessId;
    existing.started = ref;
    return;
  }
  rows.set(key, {
    postingId: data.postingId,
    unit: data.unit,
    role: data.role,
    officer: data.officer,
    acting: data.acting,
    start: data.start,
    lineManager: data.lineManager,
    appointmentProcessId: data.appointmentProcessId,
    minimumTermEnd: data.minimumTermEnd,
    end: null,
    endReason: null,
    detail: null,
    approvedBy: null,
    exceptional: null,
    minimumTermMet: null,
    started: ref,
    ended: null,
    breach: null,
  });
};

/** PO-2, PO-3, PO-6: a posting ended; the end carries everything a row needs, even without its start. */
export const endRow = (rows: Map<string, PostingRow>, key: string, data: EventDataOf<'PostingEnded'>, ref: EventRef): void => {
  let row = rows.get(key);
  if (row === undefined) {
    row = {
      postingId: data.postingId,
      unit: data.unit,
      role: data.role,
      officer: data.officer,
      acting: data.acting,
      start: data.start,
      lineManager: null,
      appointmentProcessId: null,
      minimumTermEnd: data.minimumTermEnd,
      end: null,
      endReason: null,
      detail: null,
      approvedBy: null,
      exceptional: null,
      minimumTermMet: null,
      started: null,
      ended: null,
      breach: null,
    };
    rows.set(key, row);
  }
  if (row.ended !== null) return;
  row.end = data.end;
  row.endReason = data.reason;
  row.detail = data.detail;
  row.approvedBy = data.approvedBy;
  row.exceptional = data.exceptional;
  row.minimumTermMet = data.minimumTermMet;
  row.ended = ref;
};

/** PO-3 in `record` mode: the posting's early end was recorded as a breach. */
export const breachRow = (rows: Map<string, PostingRow>, key: string, ref: EventRef): void => {
  const row = rows.get(key);
  if (row !== undefined && row.breach === null) row.breach = ref;
};

/**
 * PO-2 as a view shows it: `met` or `not-met` once ended, `pending` while in post, `not-applicable`
 * when the minimum term does not apply (acting, a role or start date the policy leaves out).
 */
export type MinimumTermStatus = 'met' | 'not-met' | 'pending' | 'not-applicable';

/** One posting as a view returns it, with the events it comes from. */
export interface PostingReport {
  readonly postingId: string;
  readonly unit: CommandUnit;
  readonly officer: Officer;
  readonly role: CommanderRole;
  readonly acting: boolean;
  readonly start: IsoDate;
  /** The day the posting ended (the successor's first day), or null while in post. */
  readonly end: IsoDate | null;
  /** Whole days from start to end; null while in post. */
  readonly daysServed: number | null;
  readonly minimumTermEnd: IsoDate | null;
  readonly minimumTerm: MinimumTermStatus;
  readonly endReason: EndReason | null;
  readonly detail: string | null;
  /** Who approved an early end (PO-3). */
  readonly approvedBy: string | null;
  /** Whether the end reason counted as exceptional (PO-3); null while in post. */
  readonly exceptional: boolean | null;
  /** Whether a breach of the minimum term was recorded (PO-3 in `record` mode). */
  readonly breached: boolean;
  readonly lineManager: string | null;
  /** The appointment process that led to the posting (AP-12). */
  readonly appointmentProcessId: string | null;
  /** `PostingStarted`, `PostingEnded` and `MinimumTermBreached`, as far as recorded. */
  readonly sources: readonly EventRef[];
}

const minimumTermOf = (row: PostingRow): MinimumTermStatus => {
  if (row.ended === null) return row.minimumTermEnd === null ? 'not-applicable' : 'pending';
  if (row.minimumTermMet === null) return 'not-applicable';
  return row.minimumTermMet ? 'met' : 'not-met';
};

/** A row as a view returns it. */
export const reportPosting = (row: PostingRow): PostingReport => ({
  postingId: row.postingId,
  unit: row.unit,
  officer: row.officer,
  role: row.role,
  acting: row.acting,
  start: row.start,
  end: row.end,
  // TE-1: days served are the calendar days from the start to the end.
  daysServed: row.end === null ? null : daysBetween(row.start, row.end),
  minimumTermEnd: row.minimumTermEnd,
  minimumTerm: minimumTermOf(row),
  endReason: row.endReason,
  detail: row.detail,
  approvedBy: row.approvedBy,
  exceptional: row.exceptional,
  breached: row.breach !== null,
  lineManager: row.lineManager,
  appointmentProcessId: row.appointmentProcessId,
  sources: presentRefs(row.started, row.ended, row.breach),
});

/** Orders postings by start date, then by unit and posting id. */
export const comparePostings = (a: PostingRow, b: PostingRow): number =>
  compareText(a.start, b.start) || compareText(a.unit.kind, b.unit.kind) || compareText(a.unit.name, b.unit.name) || compareText(a.postingId, b.postingId);

const nullableText = t.union([t.string, t.null]);
const nullableDate = t.union([IsoDateCodec, t.null]);
const nullableBoolean = t.union([t.boolean, t.null]);

/** io-ts codec of a posting row in a snapshot. */
export const PostingRowJsonCodec = t.readonly(
  t.type({
    postingId: t.string,
    unit: CommandUnitCodec,
    role: CommanderRoleCodec,
    officer: OfficerCodec,
    acting: t.boolean,
    start: IsoDateCodec,
    lineManager: nullableText,
    appointmentProcessId: nullableText,
    minimumTermEnd: nullableDate,
    end: nullableDate,
    endReason: t.union([EndReasonCodec, t.null]),
    detail: nullableText,
    approvedBy: nullableText,
    exceptional: nullableBoolean,
    minimumTermMet: nullableBoolean,
    started: OptionalEventRefJsonCodec,
    ended: OptionalEventRefJsonCodec,
    breach: OptionalEventRefJsonCodec,
  }),
  'PostingRow',
);

/** A posting row in a snapshot. */
export type PostingRowJson = t.TypeOf<typeof PostingRowJsonCodec>;

/** The snapshot form of a posting row. */
export const saveRow = (row: PostingRow): PostingRowJson => ({
  ...row,
  started: saveOptionalRef(row.started),
  ended: saveOptionalRef(row.ended),
  breach: saveOptionalRef(row.breach),
});

/** The posting row a snapshot holds. */
export const loadRow = (json: PostingRowJson): PostingRow => ({
  ...json,
  started: loadOptionalRef(json.started),
  ended: loadOptionalRef(json.ended),
  breach: loadOptionalRef(json.breach),
});
