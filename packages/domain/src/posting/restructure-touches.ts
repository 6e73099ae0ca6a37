import type * as t from 'io-ts';
import type { IsoDate } from '../shared/iso-date.js';
import type { CommandUnit } from '../shared/vocabulary.js';
import type { RestructureTouchCodec } from './posting-events.js';

/** PO-3, PO-6: a restructure named by an end, with its event that touches the unit. */
export type RestructureTouch = t.TypeOf<typeof RestructureTouchCodec>;

/** What an end names: a restructure and its BCU, and the event that caused the end when it is known. */
export interface RestructureNamed {
  readonly restructureId: string;
  readonly bcu: string;
  readonly eventId?: string;
}

/**
 * PO-3: the event of a named restructure, dated on or before `at`, that touches the unit (the BCU
 * proposed, live, dissolved or withdrawn, containing the borough or being the unit), or undefined
 * when there is none. The service answers from the restructure's stream.
 */
export type RestructureTouches = (named: RestructureNamed, unit: CommandUnit, at: IsoDate) => RestructureTouch | undefined;

/** No restructure is known: an end naming one is refused (PO-3). */
export const noRestructureKnown: RestructureTouches = () => undefined;
