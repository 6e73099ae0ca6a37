import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';

/** The folder of the London reference data as gathered, one JSON file per kind, every record with its source. */
export const referenceDataFolder = join(import.meta.dirname, '..', 'packages', 'domain', 'reference-data');

/** The folder of the TypeScript modules written from the reference data. */
export const referenceModuleFolder = join(import.meta.dirname, '..', 'packages', 'domain', 'src', 'reference');

/** The command that writes the modules again. */
export const regenerateCommand = 'npx tsx scripts/write-reference-modules.ts';

const boroughRecord = t.type({
  name: t.string,
  gss_code: t.string,
  ons_old_code: t.string,
  bcu_2018: t.string,
  bcu_pathfinder: t.boolean,
  wards_2002_2014: t.number,
  wards_2014_2018: t.number,
  source: t.string,
});

const boroughFile = t.type({ notes: t.array(t.string), boroughs: t.array(boroughRecord) });

const sourcedNote = t.type({ note: t.string, sources: t.array(t.string) });

const datePrecision = t.keyof({ day: null, month: null, year: null, approx: null, unknown: null });

const bcuRecord = t.intersection([
  t.type({
    name: t.string,
    boroughs: t.array(t.string),
    pathfinder: t.boolean,
    code_confirmed: t.union([t.string, t.null]),
    go_live: t.intersection([
      t.type({ value: t.union([t.string, t.null]), precision: datePrecision, sources: t.array(t.string) }),
      t.partial({ note: t.string }),
    ]),
    name_sources: t.array(t.string),
    composition_sources: t.array(t.string),
    source: t.string,
  }),
  t.partial({ later_change: sourcedNote }),
]);

const bcuFile = t.type({ sources: t.record(t.string, t.string), notes: t.array(t.string), bcus: t.array(bcuRecord) });

/** The data of a reference file, or an error naming the file and the first field that does not fit. */
const decodeFile = <A>(codec: t.Type<A, unknown>, file: string, text: string): A => {
  const decoded = codec.decode(JSON.parse(text));
  if (E.isRight(decoded)) return decoded.right;
  const path = (decoded.left[0]?.context ?? []).map((entry) => entry.key).filter((key) => key !== '').join('.');
  throw new Error(`${file} does not have the expected shape at '${path}'`);
};

/**
 * Notes in the sources' words, with each source field named as the module names it. A note about a
 * field the module does not keep is replaced by the sentence given for it; a note naming any other
 * field the module does not know is an error, so that no note names a field that does not exist.
 */
export const notesForModule = (
  notes: readonly string[],
  fieldNames: Readonly<Record<string, string>>,
  droppedFields: Readonly<Record<string, string>>,
): string[] =>
  notes.map((note) => {
    const dropped = Object.keys(droppedFields).find((field) => note.includes(field));
    if (dropped !== undefined) return droppedFields[dropped] ?? note;
    const renamed = note.replace(/\b[a-z]+(?:_[a-z0-9]+)+\b/g, (field) => {
      const name = fieldNames[field];
      if (name === undefined) throw new Error(`a note names the field '${field}', which the module does not have: ${note}`);
      return `\`${name}\``;
    });
    return renamed;
  });

const quote = (value: string | null | undefined): string => (value === undefined ? 'undefined' : JSON.stringify(value));
const list = (values: readonly string[]): string => `[${values.map(quote).join(', ')}]`;

/** Source field names of `boroughs.json` and the names the module gives them. */
export const boroughFieldNames: Readonly<Record<string, string>> = {
  gss_code: 'gssCode',
  ons_old_code: 'onsOldCode',
  bcu_2018: 'bcu2018',
  bcu_pathfinder: 'pathfinder',
  wards_2002_2014: 'wards2002To2014',
  wards_2014_2018: 'wards2014To2018',
};

/** Fields of `boroughs.json` the module leaves out, with the note that replaces the sources' note about each. */
export const droppedBoroughFields: Readonly<Record<string, string>> = {
  met_style_name_guess:
    "Met pages commonly write '&' in borough names (Barking & Dagenham); that spelling is NOT sourced and is not kept here - `name` (ONS spelling) is the canonical key.",
};

/** Source field names of `bcus.json` and the names the module gives them. */
export const bcuFieldNames: Readonly<Record<string, string>> = {
  code_confirmed: 'code',
  go_live: 'goLive',
  later_change: 'laterChange',
  name_sources: 'nameSources',
  composition_sources: 'compositionSources',
};

/** `london-boroughs.ts`, written from the text of `boroughs.json`. */
export const renderBoroughModule = (json: string): string => {
  const data = decodeFile(boroughFile, 'boroughs.json', json);
  const notes = notesForModule(data.notes, boroughFieldNames, droppedBoroughFields);
  return [
    '/**',
    " * London's 32 borough commands (the City of London has its own police and is not one), from public",
    ' * sources: ONS codes, ward counts, and the 2018-19 BCU each joined. Every record keeps its source.',
    ` * Written by \`${regenerateCommand}\` from packages/domain/reference-data/boroughs.json`,
    ' * (do not edit by hand; a test fails when the two differ); `name` (ONS spelling) is the key.',
    ' */',
    '/** One London borough as a command unit. */',
    'export interface LondonBorough {',
    '  readonly name: string;',
    '  /** The ONS GSS code (`gss_code` in the sources). */',
    '  readonly gssCode: string;',
    '  /** The older ONS code (`ons_old_code` in the sources). */',
    '  readonly onsOldCode: string;',
    '  /** The BCU the borough joined in 2017-2019 (`bcu_2018` in the sources). */',
    '  readonly bcu2018: string;',
    '  /** Whether the borough was in one of the two 2017 pathfinder BCUs (`bcu_pathfinder` in the sources). */',
    '  readonly pathfinder: boolean;',
    '  /** Wards of the 2002-2014 pattern (`wards_2002_2014` in the sources). */',
    '  readonly wards2002To2014: number;',
    '  /** Wards in force when the two-DWO pledge was delivered (December 2017); they sum to 629 (`wards_2014_2018` in the sources). */',
    '  readonly wards2014To2018: number;',
    '  readonly source: string;',
    '}',
    '/** Notes that come with the borough data. */',
    'export const londonBoroughNotes: readonly string[] = [',
    notes.map((note) => `  ${quote(note)}`).join(',\n'),
    '];',
    '/** The 32 London boroughs, in alphabetical order. */',
    'export const londonBoroughs: readonly LondonBorough[] = [',
    ...data.boroughs.flatMap((borough) => [
      '  {',
      `    name: ${quote(borough.name)},`,
      `    gssCode: ${quote(borough.gss_code)},`,
      `    onsOldCode: ${quote(borough.ons_old_code)},`,
      `    bcu2018: ${quote(borough.bcu_2018)},`,
      `    pathfinder: ${String(borough.bcu_pathfinder)},`,
      `    wards2002To2014: ${String(borough.wards_2002_2014)},`,
      `    wards2014To2018: ${String(borough.wards_2014_2018)},`,
      `    source: ${quote(borough.source)},`,
      '  },',
    ]),
    '];',
    '',
  ].join('\n');
};

/** `london-bcus.ts`, written from the text of `bcus.json`. */
export const renderBcuModule = (json: string): string => {
  const data = decodeFile(bcuFile, 'bcus.json', json);
  const notes = notesForModule(data.notes, bcuFieldNames, {});
  return [
    '/**',
    ' * The 12 Basic Command Units of the 2017-2019 restructure, with their boroughs and go-live dates.',
    ' * Each date has a precision; where sources disagree the note says so, and where no date was found',
    ` * the value is null rather than invented. Written by \`${regenerateCommand}\` from`,
    ' * packages/domain/reference-data/bcus.json (do not edit by hand; a test fails when the two differ).',
    ' */',
    '/** How precise a go-live date is. */',
    "export type DatePrecision = 'day' | 'month' | 'year' | 'approx' | 'unknown';",
    '',
    '/** A go-live date as the sources give it. */',
    'export interface SourcedDate {',
    '  /** `YYYY-MM-DD`, `YYYY-MM`, `YYYY`, a phrase for approximate dates, or null when unknown. */',
    '  readonly value: string | null;',
    '  readonly precision: DatePrecision;',
    '  readonly note: string | undefined;',
    '  /** Keys into `bcuSources`. */',
    '  readonly sources: readonly string[];',
    '}',
    '',
    '/** One BCU of 2017-2019. */',
    'export interface LondonBcu {',
    '  /** The Met\'s code where one is confirmed (CN, EA), else null (`code_confirmed` in the sources). */',
    '  readonly code: string | null;',
    '  readonly name: string;',
    '  readonly boroughs: readonly string[];',
    '  readonly pathfinder: boolean;',
    '  /** When the BCU went live (`go_live` in the sources). */',
    '  readonly goLive: SourcedDate;',
    '  /** A change reported after the roll-out (`later_change` in the sources). */',
    '  readonly laterChange: { readonly note: string; readonly sources: readonly string[] } | undefined;',
    '  /** Keys into `bcuSources` of the sources for the name (`name_sources` in the sources). */',
    '  readonly nameSources: readonly string[];',
    '  /** Keys into `bcuSources` of the sources for the boroughs (`composition_sources` in the sources). */',
    '  readonly compositionSources: readonly string[];',
    '  readonly source: string;',
    '}',
    '/** The sources the BCU records cite, by key. */',
    'export const bcuSources: Readonly<Record<string, string>> = {',
    Object.entries(data.sources)
      .map(([key, source]) => `  ${quote(key)}: ${quote(source)}`)
      .join(',\n'),
    '};',
    '',
    '/** Notes that come with the BCU data. */',
    'export const londonBcuNotes: readonly string[] = [',
    notes.map((note) => `  ${quote(note)}`).join(',\n'),
    '];',
    '',
    '/** The 12 BCUs: the two 2017 pathfinders first, then the 2018-19 roll-out in go-live order as far as known. */',
    'export const londonBcus: readonly LondonBcu[] = [',
    ...data.bcus.flatMap((bcu) => [
      '  {',
      `    code: ${quote(bcu.code_confirmed)},`,
      `    name: ${quote(bcu.name)},`,
      `    boroughs: ${list(bcu.boroughs)},`,
      `    pathfinder: ${String(bcu.pathfinder)},`,
      '    goLive: {',
      `      value: ${quote(bcu.go_live.value)},`,
      `      precision: ${quote(bcu.go_live.precision)},`,
      `      note: ${quote(bcu.go_live.note)},`,
      `      sources: ${list(bcu.go_live.sources)},`,
      '    },',
      `    laterChange: ${bcu.later_change === undefined ? 'undefined' : `{ note: ${quote(bcu.later_change.note)}, sources: ${list(bcu.later_change.sources)} }`},`,
      `    nameSources: ${list(bcu.name_sources)},`,
      `    compositionSources: ${list(bcu.composition_sources)},`,
      `    source: ${quote(bcu.source)},`,
      '  },',
    ]),
    '];',
    '',
  ].join('\n');
};

/** The modules as the generator writes them, by file name, from the JSON files in the reference-data folder. */
export const renderReferenceModules = (): Readonly<Record<string, string>> => ({
  'london-boroughs.ts': renderBoroughModule(readFileSync(join(referenceDataFolder, 'boroughs.json'), 'utf8')),
  'london-bcus.ts': renderBcuModule(readFileSync(join(referenceDataFolder, 'bcus.json'), 'utf8')),
});
