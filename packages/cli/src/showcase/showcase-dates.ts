import { addDays, type IsoDate } from '@borough-command/domain';
import { demoGoLives } from '../demo/go-live-dates.js';

/** A borough the showcase asks about, and the days it asks on: the day before its BCU went live, and the go-live day. */
export interface ShowcaseQuestion {
  readonly borough: string;
  readonly bcu: string;
  readonly before: IsoDate;
  readonly after: IsoDate;
}

/** The boroughs `npm start` shows accountability for: two pathfinder BCUs and one of the last of the roll-out. */
export const SHOWCASE_BOROUGHS: readonly string[] = ['Camden', 'Islington', 'Barking and Dagenham', 'Westminster'];

/** The questions for the showcase's boroughs, dated by the demo's go-live days. */
export const showcaseQuestions = (): readonly ShowcaseQuestion[] =>
  SHOWCASE_BOROUGHS.flatMap((borough) => {
    const goLive = demoGoLives().find((candidate) => candidate.bcu.boroughs.includes(borough));
    return goLive === undefined ? [] : [{ borough, bcu: goLive.bcu.name, before: addDays(goLive.on, -1), after: goLive.on }];
  });
