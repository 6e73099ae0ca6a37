import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createStyle } from '../../src/cli/style.js';
import { renderFields, renderTable, type Column } from '../../src/cli/table.js';

const plain = createStyle(false);
const cellText = fc.string({ unit: fc.constantFrom('a', 'b', 'Z', '1', ' ', '-', 'é'), minLength: 1, maxLength: 12 }).filter((text) => text.trim() === text);

describe('text tables', () => {
  it('line every cell up under its header: each column starts at the same place on every line', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }).chain((width) =>
          fc.tuple(
            fc.array(fc.record({ header: cellText, align: fc.constantFrom<'left' | 'right'>('left', 'right') }), { minLength: width, maxLength: width }),
            fc.array(fc.array(cellText, { minLength: width, maxLength: width }), { maxLength: 8 }),
          ),
        ),
        ([columns, rows]: [Column[], string[][]]) => {
          const lines = renderTable(columns, rows, plain);
          expect(lines).toHaveLength(rows.length + 1);
          const widths = columns.map((column, index) => Math.max(column.header.length, ...rows.map((row) => (row[index] ?? '').length)));
          [columns.map((column) => column.header), ...rows].forEach((cells, lineIndex) => {
            const line = (lines[lineIndex] ?? '').padEnd(widths.reduce((sum, width) => sum + width + 2, 0));
            let start = 0;
            cells.forEach((cell, index) => {
              const width = widths[index] ?? 0;
              const slot = line.slice(start, start + width);
              expect(columns[index]?.align === 'right' ? slot.trimStart() : slot.trimEnd()).toBe(cell);
              start += width + 2;
            });
            expect(line.trimEnd()).toBe(lines[lineIndex]);
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('shows an empty or missing value as -', () => {
    expect(renderTable([{ header: 'a' }, { header: 'b' }], [['', null]], plain)).toEqual(['a  b', '-  -']);
  });

  it('lines label-value fields up after the longest label', () => {
    expect(renderFields([['head', 'x'], ['events', 'y']], plain)).toEqual(['head    x', 'events  y']);
  });
});
