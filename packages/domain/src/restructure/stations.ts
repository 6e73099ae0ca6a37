import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import { londonBorough } from './restructure-guards.js';
import type { RestructureCommandOf, RestructureDecision } from './restructure-decision.js';
import { twentyFourHourStationsOf } from './restructure-queries.js';
import { lastTwentyFourHourStation, stationAlreadyRegistered, unknownStation } from './restructure-rejections.js';
import type { RestructureBcu, RestructureState } from './restructure-state.js';

/** RS-8: registers a London borough's police station open to the public 24 hours a day, 7 days a week. */
export const registerTwentyFourHourStation = (
  command: RestructureCommandOf<'RegisterTwentyFourHourStation'>,
  state: RestructureState,
): RestructureDecision =>
  pipe(
    londonBorough(command.borough, 'RS-8'),
    E.chain((borough): RestructureDecision => {
      if (twentyFourHourStationsOf(state, borough).includes(command.station)) {
        return E.left(stationAlreadyRegistered(borough, command.station));
      }
      return E.right([
        {
          type: 'TwentyFourHourStationRegistered',
          data: { restructureId: command.restructureId, borough, station: command.station, at: command.at },
        },
      ]);
    }),
  );

/** RS-8: closes a borough's 24/7 station, or stops it opening around the clock; never the borough's last one. */
export const closeTwentyFourHourStation = (
  command: RestructureCommandOf<'CloseTwentyFourHourStation'>,
  state: RestructureState,
): RestructureDecision =>
  pipe(
    londonBorough(command.borough, 'RS-8'),
    E.chain((borough): RestructureDecision => {
      const open = twentyFourHourStationsOf(state, borough);
      if (!open.includes(command.station)) return E.left(unknownStation(borough, command.station));
      // RS-8: at least one police station in each borough stays open 24/7.
      if (open.length === 1) return E.left(lastTwentyFourHourStation(borough, command.station));
      return E.right([
        {
          type: 'TwentyFourHourStationClosed',
          data: { restructureId: command.restructureId, borough, station: command.station, reason: command.reason, at: command.at },
        },
      ]);
    }),
  );

/** RS-8: the boroughs of a BCU with no registered 24/7 station. */
export const boroughsWithoutStation = (state: RestructureState, bcu: RestructureBcu): readonly string[] =>
  bcu.boroughs.filter((borough) => twentyFourHourStationsOf(state, borough).length === 0);
