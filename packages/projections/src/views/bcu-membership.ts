import * as t from 'io-ts';
import { IsoDateCodec, type IsoDate } from '@borough-command/domain';
import type { EventDataOf } from './envelope.js';
import {
  EventRefJsonCodec,
  loadOptionalRef,
  loadRef,
  OptionalEventRefJsonCodec,
  saveOptionalRef,
  saveRef,
  type EventRef,
} from './event-ref.js';
import { compareText } from './units.js';

/** A period in which a borough was part of a live BCU: from its go-live until its dissolution (open while live). */
export interface MembershipPeriod {
  readonly bcu: string;
  readonly from: IsoDate;
  until: IsoDate | null;
  readonly wentLive: EventRef;
  dissolved: EventRef | null;
}

/** Each borough's periods in BCUs, in the order they began. */
export type Memberships = Map<string, MembershipPeriod[]>;

/** RS-5: a BCU went live: each of its boroughs joins it on the go-live date. */
export const joinBcu = (memberships: Memberships, data: EventDataOf<'BcuWentLive'>, ref: EventRef): void => {
  for (const borough of data.boroughs) {
    const periods = memberships.get(borough) ?? [];
    // The same go-live recorded again (a re-sent event with a new position) adds nothing.
    if (periods.some((period) => period.bcu === data.bcu && period.from === data.at && period.until === null)) continue;
    periods.push({ bcu: data.bcu, from: data.at, until: null, wentLive: ref, dissolved: null });
    memberships.set(borough, periods);
  }
};

/** RS-9: a BCU was dissolved: its boroughs' open periods in it end on the dissolution date. */
export const leaveBcu = (memberships: Memberships, data: EventDataOf<'BcuDissolved'>, ref: EventRef): void => {
  for (const borough of data.boroughs) {
    const periods = memberships.get(borough);
    if (periods === undefined) continue;
    for (let index = periods.length - 1; index >= 0; index--) {
      const period = periods[index];
      if (period !== undefined && period.bcu === data.bcu && period.until === null) {
        period.until = data.at;
        period.dissolved = ref;
        break;
      }
    }
  }
};

/** Tells whether a date falls in a period: on or after its start and before its end. */
export const periodCovers = (period: { readonly from: IsoDate; readonly until: IsoDate | null }, date: IsoDate): boolean =>
  period.from <= date && (period.until === null || date < period.until);

/** The BCU period of a borough that covers a date; the one that began last when records overlap. */
export const membershipOn = (memberships: Memberships, borough: string, date: IsoDate): MembershipPeriod | undefined => {
  let found: MembershipPeriod | undefined;
  for (const period of memberships.get(borough) ?? []) {
    if (periodCovers(period, date) && (found === undefined || period.from >= found.from)) found = period;
  }
  return found;
};

/** io-ts codec of one borough's periods in a snapshot. */
export const MembershipsJsonCodec = t.readonlyArray(
  t.readonly(
    t.type({
      borough: t.string,
      periods: t.readonlyArray(
        t.readonly(
          t.type({
            bcu: t.string,
            from: IsoDateCodec,
            until: t.union([IsoDateCodec, t.null]),
            wentLive: EventRefJsonCodec,
            dissolved: OptionalEventRefJsonCodec,
          }),
        ),
      ),
    }),
  ),
  'Memberships',
);

/** Every borough's periods in a snapshot. */
export type MembershipsJson = t.TypeOf<typeof MembershipsJsonCodec>;

/** The snapshot form of the memberships, boroughs in name order. */
export const saveMemberships = (memberships: Memberships): MembershipsJson =>
  [...memberships.entries()]
    .sort(([a], [b]) => compareText(a, b))
    .map(([borough, periods]) => ({
      borough,
      periods: periods.map((period) => ({
        bcu: period.bcu,
        from: period.from,
        until: period.until,
        wentLive: saveRef(period.wentLive),
        dissolved: saveOptionalRef(period.dissolved),
      })),
    }));

/** The memberships a snapshot holds. */
export const loadMemberships = (json: MembershipsJson): Memberships =>
  new Map(
    json.map((entry) => [
      entry.borough,
      entry.periods.map((period) => ({
        bcu: period.bcu,
        from: period.from,
        until: period.until,
        wentLive: loadRef(period.wentLive),
        dissolved: loadOptionalRef(period.dissolved),
      })),
    ]),
  );
