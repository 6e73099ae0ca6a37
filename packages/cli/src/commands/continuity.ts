import * as E from 'fp-ts/lib/Either.js';
import type { BoroughCommandViews, ContinuityFigures } from '@borough-command/projections';
import type { Style } from '../cli/style.js';
import { commandUnitNamed } from '../cli/names.js';
import { flag, helpOption, storeOptions, stringValue, viewOutputOptions } from '../cli/options.js';
import type { Subcommand } from '../cli/subcommand.js';
import { continuityTable, continuityText, departuresTable } from '../render/continuity-text.js';
import { runViewCommand, type ViewAnswer } from './view-command.js';

const breachesAnswer = (figures: ContinuityFigures, scope: string, style: Style): ViewAnswer => {
  const breaches = figures.earlyDepartures.withoutExceptionalReason;
  return {
    json: { scope: figures.scope, breaches },
    text: (explain) => [
      style.bold(`${scope}: postings ended before the minimum term without an exceptional reason (PO-3 breaches)`),
      ...(breaches.length === 0 ? ['none'] : departuresTable(breaches, style, explain)),
    ],
  };
};

const unitAnswer = (figures: ContinuityFigures, style: Style): ViewAnswer => {
  const early = [...figures.earlyDepartures.withExceptionalReason, ...figures.earlyDepartures.withoutExceptionalReason].sort((a, b) =>
    a.end < b.end ? -1 : a.end > b.end ? 1 : 0,
  );
  return {
    json: figures,
    text: (explain) => [
      ...continuityText(figures, style, explain),
      '',
      style.bold('Early departures'),
      ...(early.length === 0 ? ['none'] : departuresTable(early, style, explain)),
    ],
  };
};

const londonAnswer = (views: BoroughCommandViews, style: Style): ViewAnswer => {
  const london = views.continuity.londonWide();
  const units = views.continuity.units().map((unit) => views.continuity.continuityOf(unit));
  return {
    json: { london, units },
    text: (explain) => [...continuityText(london, style, explain), '', style.bold('By command unit'), ...continuityTable(units, style)],
  };
};

/** `continuity`: TE-2, continuity of command London-wide and per unit; `--unit` for one unit, `--breaches` for the PO-3 breaches. */
export const continuityCommand: Subcommand = {
  name: 'continuity',
  summary: 'continuity of command: mean and median tenure, minimum term met, early departures (TE-2)',
  usage: 'borough-command continuity (--journal <file> | --eventstore <cs> | --postgres <cs>) [--unit <command unit>] [--breaches] [--json] [--explain]',
  description: [
    'TE-2: mean and median tenure of ended substantive postings, the share that met the minimum term,',
    'and early departures with and without an exceptional reason (breaches), London-wide and for each',
    'command unit. --unit narrows it to one borough or BCU; --breaches lists the breaches.',
  ],
  options: {
    ...storeOptions,
    unit: { type: 'string', value: '<command unit>', description: 'one borough or BCU, e.g. Camden or "Central North"' },
    breaches: { type: 'boolean', description: 'list the postings that ended early without an exceptional reason' },
    ...viewOutputOptions,
    ...helpOption,
  },
  examples: [
    'borough-command continuity --journal out/london-2009-2019.ndjson',
    'borough-command continuity --journal out/london-2009-2019.ndjson --unit Camden',
    'borough-command continuity --journal out/london-2009-2019.ndjson --breaches --json',
  ],
  run: (invocation, io) => {
    const unitName = stringValue(invocation.values, 'unit');
    const breaches = flag(invocation.values, 'breaches');
    return runViewCommand(invocation, io, ['continuity', 'tenure'], ({ views }) => {
      if (unitName === undefined) {
        return E.right(breaches ? breachesAnswer(views.continuity.londonWide(), 'London-wide', io.style) : londonAnswer(views, io.style));
      }
      const unit = commandUnitNamed(unitName, views.tenure.units());
      if (E.isLeft(unit)) return unit;
      const figures = views.continuity.continuityOf(unit.right);
      return E.right(breaches ? breachesAnswer(figures, unit.right.name, io.style) : unitAnswer(figures, io.style));
    });
  },
};
