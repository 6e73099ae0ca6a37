import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderCommandCatalogue, renderEventCatalogue } from './catalogue.js';

const docs = join(import.meta.dirname, '..', 'docs');
writeFileSync(join(docs, 'events.md'), renderEventCatalogue());
writeFileSync(join(docs, 'commands.md'), renderCommandCatalogue());
console.log('wrote docs/events.md and docs/commands.md');
