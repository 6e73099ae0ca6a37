import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderCommandCatalogue, renderEventCatalogue } from './catalogue.js';
import { renderRules } from './rules.js';

const docs = join(import.meta.dirname, '..', 'docs');
writeFileSync(join(docs, 'events.md'), renderEventCatalogue());
writeFileSync(join(docs, 'commands.md'), renderCommandCatalogue());
writeFileSync(join(docs, 'rules.md'), renderRules());
console.log('wrote docs/events.md, docs/commands.md and docs/rules.md');
