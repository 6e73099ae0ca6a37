import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { decodeCheckpoint, type CheckpointCorrupt } from '../../src/eventsourcing/index.js';

const LOCATION = 'file out/views.checkpoint.json';

const corruptionOf = (json: unknown): CheckpointCorrupt => {
  const decoded = decodeCheckpoint(json, LOCATION);
  if (E.isRight(decoded)) throw new Error(`${JSON.stringify(json)} was taken for a checkpoint`);
  return decoded.left;
};

describe('decodeCheckpoint', () => {
  it('takes a checkpoint of format 1, before any event and after one', () => {
    const views = { 'TE-1 tenure': { rows: [{ officer: 'A. Reed' }] } };
    expect(decodeCheckpoint({ format: 1, position: null, views: {} }, LOCATION)).toEqual(E.right({ format: 1, position: null, views: {} }));
    expect(decodeCheckpoint({ format: 1, position: '0', views }, LOCATION)).toEqual(E.right({ format: 1, position: '0', views }));
    expect(decodeCheckpoint({ format: 1, position: '18446744073709551616', views }, LOCATION)).toEqual(
      E.right({ format: 1, position: '18446744073709551616', views }),
    );
  });

  it('a checkpoint of another format is CheckpointCorrupt naming the location and both formats', () => {
    expect(corruptionOf({ format: 2, position: null, views: {} })).toEqual({
      _tag: 'CheckpointCorrupt',
      location: LOCATION,
      reason: 'format 2 is not 1',
      message: `the checkpoint at ${LOCATION} is not usable: format 2 is not 1`,
    });
  });

  it('a format that is not a whole number is CheckpointCorrupt naming the field', () => {
    for (const format of [1.5, '1', null]) {
      const corrupt = corruptionOf({ format, position: null, views: {} });
      expect(corrupt._tag).toBe('CheckpointCorrupt');
      expect(corrupt.location).toBe(LOCATION);
      expect(corrupt.reason).toMatch(/^'format': expected /);
    }
  });

  it('a position that is not a decimal string is CheckpointCorrupt naming the field and what it held', () => {
    expect(corruptionOf({ format: 1, position: 'twelve', views: {} })).toMatchObject({
      _tag: 'CheckpointCorrupt',
      location: LOCATION,
      reason: `'position': expected a decimal number or null, got "twelve"`,
    });
    for (const [position, shown] of [
      [12, '12'],
      [-3, '-3'],
      ['-3', '"-3"'],
      ['007', '"007"'],
      ['1.5', '"1.5"'],
      ['', '""'],
    ] as const) {
      const corrupt = corruptionOf({ format: 1, position, views: {} });
      expect(corrupt).toMatchObject({ _tag: 'CheckpointCorrupt', location: LOCATION });
      expect(corrupt.reason).toBe(`'position': expected a decimal number or null, got ${shown}`);
    }
  });

  it('views that are not an object are CheckpointCorrupt naming the field', () => {
    for (const views of [[], null, 'TE-1 tenure', undefined]) {
      const corrupt = corruptionOf({ format: 1, position: '4', views });
      expect(corrupt).toMatchObject({ _tag: 'CheckpointCorrupt', location: LOCATION });
      expect(corrupt.reason).toMatch(/^'views': expected /);
      expect(corrupt.message).toBe(`the checkpoint at ${LOCATION} is not usable: ${corrupt.reason}`);
    }
  });

  it('a document that is not an object is CheckpointCorrupt naming the document', () => {
    for (const json of [[1, 2], null, '{"format":1}', 7]) {
      const corrupt = corruptionOf(json);
      expect(corrupt).toMatchObject({ _tag: 'CheckpointCorrupt', location: LOCATION });
      expect(corrupt.reason).toMatch(/^the document: expected /);
    }
  });
});
