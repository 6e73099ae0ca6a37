import { isoDate, isIsoDate, londonBcus, type IsoDate, type LondonBcu } from '@borough-command/domain';

/** The day the demo takes a BCU live, and whether the sources give that day or the demo had to choose. */
export interface DemoGoLive {
  readonly bcu: LondonBcu;
  readonly on: IsoDate;
  /** How the day was found: the sourced day, the first day of a sourced month, or an assumption. */
  readonly basis: 'sourced day' | 'first day of the sourced month' | 'assumed';
  readonly note: string;
}

/** Days the sources do not give, chosen for the demo and said to be chosen. */
const assumed: Readonly<Record<string, { readonly on: string; readonly note: string }>> = {
  'Central East': { on: '2018-10-01', note: 'sources disagree (September, October, November 2018); October taken' },
  'South Area': { on: '2019-02-01', note: "sources say only 'early 2019'" },
  'North West': { on: '2019-03-01', note: "no go-live date found; all 12 BCUs were live by early 2019 (MQT 2019/6437, 21 March 2019)" },
  'North East': { on: '2019-03-01', note: "no go-live date found; all 12 BCUs were live by early 2019 (MQT 2019/6437, 21 March 2019)" },
  'Central South': { on: '2019-03-01', note: "no go-live date found; all 12 BCUs were live by early 2019 (MQT 2019/6437, 21 March 2019)" },
};

/** The go-live day of a BCU for the demo, from its sourced date and its precision. */
export const demoGoLive = (bcu: LondonBcu): DemoGoLive => {
  const { value, precision } = bcu.goLive;
  if (precision === 'day' && isIsoDate(value)) return { bcu, on: value, basis: 'sourced day', note: `sourced: ${value}` };
  if (precision === 'month' && value !== null && isIsoDate(`${value}-01`)) {
    return { bcu, on: isoDate(`${value}-01`), basis: 'first day of the sourced month', note: `sourced month: ${value}` };
  }
  const choice = assumed[bcu.name];
  if (choice === undefined) throw new Error(`no go-live day for ${bcu.name}`);
  return { bcu, on: isoDate(choice.on), basis: 'assumed', note: choice.note };
};

/** The go-live day of every BCU of 2017-2019, pathfinders first. */
export const demoGoLives = (): readonly DemoGoLive[] => londonBcus.map(demoGoLive);
