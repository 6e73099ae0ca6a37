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
  /** RS-4: an interim commander of a pathfinder BCU; no minimum term applies. */
  interim: boolean;
  /** RS-4: the posting began as its holder's designation, before the unit went live. */
  designate: boolean;
  start: IsoDate;
  /** RS-4: the day the holder took command: the start, or the day a designate posting took command; null before. */
  commandFrom: IsoDate | null;
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
  /** RS-4: the `CommandTakenUp` of a designate posting. */
  takenUp: EventRef | null;
  ended: EventRef | null;
  breach: EventRef | null;
}

/** RS-4: the day a posting's holder took command as its start records it: none yet for a designate posting. */
const commandFromStart = (data: EventDataOf<'PostingStarted'>): IsoDate | null => (data.designate ? null : data.start);

/** PO-1, RS-4: a posting started (in command, or designate); a second start of the same posting adds nothing. */
export const startRow = (rows: Map<string, PostingRow>, key: string, data: EventDataOf<'PostingStarted'>, ref: EventRef): void => {
  const existing = rows.get(key);
  if (existing !== undefined) {
    if (existing.started !== null) return;
    existing.interim = data.interim;
    existing.designate = data.designate;
    if (existing.takenUp === null) existing.commandFrom = commandFromStart(data);
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
    interim: data.interim,
    designate: data.designate,
    start: data.start,
    commandFrom: commandFromStart(data),
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
    takenUp: null,
    ended: null,
    breach: null,
  });
};

/** RS-4: a designate posting took command the day its unit went live; a second take-up adds nothing. */
export const takeUpRow = (rows: Map<string, PostingRow>, key: string, data: EventDataOf<'CommandTakenUp'>, ref: EventRef): void => {
  const row = rows.get(key);
  if (row === undefined || row.takenUp !== null) return;
  row.commandFrom = data.at;
  row.takenUp = ref;
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
      // The end does not say how the posting began: read as an ordinary posting until its start is seen.
      interim: false,
      designate: false,
      start: data.start,
      commandFrom: data.start,
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
      takenUp: null,
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
  /** RS-4: an interim commander of a pathfinder BCU; the minimum term does not apply. */
  readonly interim: boolean;
  /** RS-4: the posting began as a designation, before the unit went live. */
  readonly designate: boolean;
  /** The day the posting began: for a designate posting, the day its holder was named. */
  readonly start: IsoDate;
  /**
   * RS-4: the day the holder took command: the start of an ordinary posting, the go-live day
   * (`CommandTakenUp`) of a designate one; null while still designate, or when it ended so.
   */
  readonly commandFrom: IsoDate | null;
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
  /** `PostingStarted`, `CommandTakenUp`, `PostingEnded` and `MinimumTermBreached`, as far as recorded. */
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
  interim: row.interim,
  designate: row.designate,
  start: row.start,
  commandFrom: row.commandFrom,
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
  sources: presentRefs(row.started, row.takenUp, row.ended, row.breach),
});

/** Orders postings by start date, then by unit and posting id. */
export const comparePostings = (a: PostingRow, b: PostingRow): number =>
  compareText(a.start, b.start) || compareText(a.unit.kind, b.unit.kind) || compareText(a.unit.name, b.unit.name) || compareText(a.postingId, b.postingId);

const nullableText = t.union([t.string, t.null]);
const nullableDate = t.union([IsoDateCodec, t.null]);
const nullableBoolean = t.union([t.boolean, t.null]);

/**
 * io-ts codec of a posting row in a snapshot. RS-4's fields are optional: a snapshot written before
 * them holds ordinary postings (neither interim nor designate, in command from their start).
 */
export const PostingRowJsonCodec = t.readonly(
  t.intersection([
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
    t.partial({ interim: t.boolean, designate: t.boolean, commandFrom: nullableDate, takenUp: OptionalEventRefJsonCodec }),
  ]),
  'PostingRow',
);

/** A posting row in a snapshot. */
export type PostingRowJson = t.TypeOf<typeof PostingRowJsonCodec>;

/** The snapshot form of a posting row. */
export const saveRow = (row: PostingRow): PostingRowJson => ({
  ...row,
  started: saveOptionalRef(row.started),
  takenUp: saveOptionalRef(row.takenUp),
  ended: saveOptionalRef(row.ended),
  breach: saveOptionalRef(row.breach),
});

/** The posting row a snapshot holds; one written before RS-4's fields is an ordinary posting. */
export const loadRow = (json: PostingRowJson): PostingRow => ({
  ...json,
  interim: json.interim ?? false,
  designate: json.designate ?? false,
  commandFrom: json.commandFrom === undefined ? json.start : json.commandFrom,
  started: loadOptionalRef(json.started),
  takenUp: loadOptionalRef(json.takenUp ?? null),
  ended: loadOptionalRef(json.ended),
  breach: loadOptionalRef(json.breach),
});
