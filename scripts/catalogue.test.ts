import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderCommandCatalogue, renderEventCatalogue } from './catalogue.js';

const docs = join(import.meta.dirname, '..', 'docs');

describe('docs catalogue', () => {
  it('docs/events.md lists every event exactly as the codecs define it (run npm run docs:catalogue)', () => {
    expect(readFileSync(join(docs, 'events.md'), 'utf8')).toBe(renderEventCatalogue());
  });
  it('docs/commands.md lists every command exactly as the codecs define it (run npm run docs:catalogue)', () => {
    expect(readFileSync(join(docs, 'commands.md'), 'utf8')).toBe(renderCommandCatalogue());
  });
});
