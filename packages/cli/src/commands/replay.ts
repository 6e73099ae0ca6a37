import * as E from 'fp-ts/lib/Either.js';
import type { BoroughCommandViews } from '@borough-command/projections';
import { EXIT_OK } from '../cli/failure.js';
import { toJson } from '../cli/json.js';
import { flag, helpOption, storeOptions } from '../cli/options.js';
import { replayViews, warnTornTail } from '../cli/replay-views.js';
import { describeChoice, storeChoiceOf } from '../cli/store-choice.js';
import type { Subcommand } from '../cli/subcommand.js';
import { counted, formatCount, renderTable } from '../cli/table.js';

/** What each view holds after a rebuild, in a few words. */
const viewContents = (views: BoroughCommandViews): readonly { readonly view: string; readonly position: bigint | undefined; readonly holds: string }[] => {
  const decided = views.compliance.localAuthorityShare().decidedAppointments;
  return [
    { view: views.tenure.name, position: views.tenure.position(), holds: `${counted(views.tenure.units().length, 'command unit')} with postings` },
    { view: views.continuity.name, position: views.continuity.position(), holds: `${counted(views.continuity.units().length, 'command unit')} with an ended posting` },
    { view: views.careers.name, position: views.careers.position(), holds: counted(views.careers.officers().length, 'officer') },
    { view: views.accountability.name, position: views.accountability.position(), holds: 'answers for any borough and date' },
    {
      view: views.compliance.name,
      position: views.compliance.position(),
      holds: `${counted(views.compliance.processes().length, 'appointment process', 'appointment processes')}, ${formatCount(decided)} decided`,
    },
    { view: views.audit.name, position: views.audit.position(), holds: counted(views.audit.processes().length, 'audit trail') },
  ];
};

/** `replay`: rebuilds every view from the first event, read-only, and says what it read and how long it took. */
export const replayCommand: Subcommand = {
  name: 'replay',
  summary: 'rebuild every view from the first event and print a summary',
  usage: 'borough-command replay (--journal <file> | --eventstore <cs> | --postgres <cs>) [--json]',
  description: [
    'Rebuilds the six views (TE-1, TE-2, TE-3, AC-1, AC-2, AU-1) from the first event, read-only:',
    'a journal is checked line by line (hash chain, every event decoded) and never locked or',
    'written. A progress bar is drawn on standard error when it is a terminal.',
  ],
  options: { ...storeOptions, json: { type: 'boolean', description: 'print the summary as one JSON document' }, ...helpOption },
  examples: ['borough-command replay --journal out/london-2009-2019.ndjson'],
  run: async (invocation, io) => {
    const choice = storeChoiceOf(invocation.values);
    if (E.isLeft(choice)) return choice;
    // The whole replay, every time: what it measures is the replay.
    const replayed = await replayViews(choice.right, io, { explain: false, progress: true, cache: false });
    if (E.isLeft(replayed)) return replayed;
    warnTornTail(io, choice.right, replayed.right.tornTail);
    const { events, elapsedMs, views } = replayed.right;
    const contents = viewContents(views);
    if (flag(invocation.values, 'json')) {
      io.out(toJson({ source: describeChoice(choice.right), events, elapsedMs, views: contents }));
      return E.right(EXIT_OK);
    }
    io.out(io.style.bold(`Replayed ${counted(events, 'event')} from ${describeChoice(choice.right)} in ${(elapsedMs / 1000).toFixed(2)} s`));
    io.out('');
    for (const line of renderTable(
      [{ header: 'view' }, { header: 'last position', align: 'right' }, { header: 'holds' }],
      contents.map((content) => [content.view, content.position === undefined ? null : content.position.toString(), content.holds]),
      io.style,
    )) {
      io.out(line);
    }
    return E.right(EXIT_OK);
  },
};
