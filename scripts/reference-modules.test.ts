import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  bcuFieldNames,
  boroughFieldNames,
  droppedBoroughFields,
  notesForModule,
  referenceModuleFolder,
  regenerateCommand,
  renderBoroughModule,
  renderReferenceModules,
} from './reference-modules.js';

describe('London reference modules', () => {
  it(`london-boroughs.ts and london-bcus.ts are what the generator writes from reference-data/ (run ${regenerateCommand})`, () => {
    const modules = renderReferenceModules();
    expect(Object.keys(modules).sort()).toEqual(['london-bcus.ts', 'london-boroughs.ts']);
    for (const [file, text] of Object.entries(modules)) expect(readFileSync(join(referenceModuleFolder, file), 'utf8'), file).toBe(text);
  });

  it('notes name fields as the module names them, and a note about a field left out is replaced', () => {
    expect(notesForModule(['see name_sources', 'wards_2014_2018 sum to 629'], { ...bcuFieldNames, ...boroughFieldNames }, {})).toEqual([
      'see `nameSources`',
      '`wards2014To2018` sum to 629',
    ]);
    expect(notesForModule(['met_style_name_guess: not sourced'], {}, droppedBoroughFields)).toEqual([droppedBoroughFields['met_style_name_guess']]);
  });

  it('a note naming a field the module does not have stops the generator', () => {
    expect(() => notesForModule(['see nick_name'], boroughFieldNames, {})).toThrow(/nick_name/);
  });

  it('a record that lacks a field stops the generator, naming where', () => {
    const record = { name: 'Camden', gss_code: 'E09000007', ons_old_code: '00AG', bcu_2018: 'Central North', bcu_pathfinder: true, wards_2002_2014: 18, source: 'x' };
    expect(() => renderBoroughModule(JSON.stringify({ notes: [], boroughs: [record] }))).toThrow(/boroughs\.0\.wards_2014_2018/);
  });

  it('no note of the shipped modules names a field in the sources\' snake_case', () => {
    for (const text of Object.values(renderReferenceModules())) {
      const notes = /Notes that come with[^\n]*\n[^\n]*= \[\n([\s\S]*?)\n\];/.exec(text)?.[1] ?? '';
      expect(notes).not.toBe('');
      expect(notes).not.toMatch(/\b[a-z]+_[a-z0-9_]+\b/);
    }
  });
});
